"""A take on disk: the folder a recording lives in until it is finished.

::

    2024-05-01T10-30-00/
        manifest.json   what was recorded, from which devices, where the result goes, state
        mic.wav         one WAV per source, at the device's own rate and clock
        mic.log         one line per block: frames, arrival time (monotonic s), overflow flag
        remote.wav, remote.log
        events.jsonl    marks, guide questions, pause/resume, consent: appended and synced as they happen

``state`` is ``recording`` until :func:`~transcribe.recording.finish_take`
writes the result and sets it to ``finished``. A take still ``recording``
when no recorder runs is unfinished: it can be finished (recovered) later.
"""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from transcribe.errors import AudioError

MANIFEST = "manifest.json"
EVENTS = "events.jsonl"
FORMAT = "mosahebeh-take"


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class Take:
    """One take folder. :meth:`create` a new one, or ``Take(folder)`` an existing one."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        if not (self.folder / MANIFEST).is_file():
            raise AudioError(f"{self.folder} is not a recording take (it has no {MANIFEST}).")

    @classmethod
    def create(cls, folder: str | os.PathLike, tracks: list[dict], *, out_rate: int = 16000,
               out: str | None = None, interview_id: int | None = None) -> Take:
        """A new take folder. ``tracks``: ``{"role", "device", "rate"}`` per source."""
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=False)
        except FileExistsError as exc:
            raise AudioError(f"{folder} already exists; choose another place for the recording.") from exc
        except OSError as exc:
            raise AudioError(f"Cannot create the recording folder {folder}: {exc.strerror or exc}.") from exc
        roles = [t["role"] for t in tracks]
        if len(set(roles)) != len(roles):
            raise AudioError("Each source needs its own role (mic, remote).")
        manifest = {
            "format": FORMAT, "version": 1, "state": "recording",
            "created": datetime.now().astimezone().isoformat(timespec="seconds"),
            "out_rate": int(out_rate), "out": out, "interview_id": interview_id,
            "tracks": [{"role": t["role"], "device": t.get("device", ""), "rate": int(t["rate"]),
                        "wav": f"{t['role']}.wav", "log": f"{t['role']}.log"} for t in tracks],
        }
        try:
            _write_json_atomic(folder / MANIFEST, manifest)
            (folder / EVENTS).touch()
        except OSError as exc:
            raise AudioError(f"Cannot write in {folder}: {exc.strerror or exc}.") from exc
        return cls(folder)

    @property
    def manifest(self) -> dict:
        try:
            data = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise AudioError(f"The take {self.folder} has an unreadable {MANIFEST} ({exc}).") from exc
        if data.get("format") != FORMAT:
            raise AudioError(f"{self.folder} is not a Mosahebeh recording take.")
        return data

    def update(self, **values) -> None:
        """Change manifest fields (written atomically)."""
        data = self.manifest
        data.update(values)
        _write_json_atomic(self.folder / MANIFEST, data)

    @property
    def state(self) -> str:
        return self.manifest.get("state", "recording")

    @property
    def finished(self) -> bool:
        return self.state == "finished"

    def track_paths(self) -> list[tuple[dict, Path, Path]]:
        return [(t, self.folder / t["wav"], self.folder / t["log"]) for t in self.manifest["tracks"]]

    # -- events --------------------------------------------------------------

    def add_event(self, kind: str, t: float, **data) -> None:
        """Append one event (``t`` on the recorder's clock) and sync it to disk."""
        line = json.dumps({"kind": kind, "t": round(t, 6), **data}, ensure_ascii=False) + "\n"
        with open(self.folder / EVENTS, "a", encoding="utf-8") as f:
            f.write(line)
            f.flush()
            os.fsync(f.fileno())

    def events(self) -> list[dict]:
        """All events written; a line cut short by a crash is left out."""
        out: list[dict] = []
        try:
            text = (self.folder / EVENTS).read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return out
        for line in text.splitlines():
            try:
                ev = json.loads(line)
            except ValueError:
                continue
            if isinstance(ev, dict) and "kind" in ev and "t" in ev:
                out.append(ev)
        return out

    def __repr__(self) -> str:
        return f"Take({str(self.folder)!r})"


def find_takes(path: str | os.PathLike) -> list[Take]:
    """The take at ``path``, or the takes in a study folder (``audio/takes/*``),
    a takes folder, or next to a file recorded with ``--out`` (``NAME.take``)."""
    path = Path(path)
    if (path / MANIFEST).is_file():
        return [Take(path)]
    candidates = []
    if path.suffix and not path.is_dir():
        candidates.append(path.with_suffix(".take"))
    for pattern in ("audio/takes/*", "takes/*", "*.take", "*"):
        if path.is_dir():
            candidates.extend(sorted(path.glob(pattern)))
    seen, takes = set(), []
    for c in candidates:
        if (c / MANIFEST).is_file() and c.resolve() not in seen:
            seen.add(c.resolve())
            takes.append(Take(c))
    return takes


def find_unfinished(path: str | os.PathLike) -> list[Take]:
    """Takes under ``path`` (see :func:`find_takes`) that were never finished."""
    out = []
    for take in find_takes(path):
        try:
            if not take.finished:
                out.append(take)
        except AudioError:
            continue
    return out
