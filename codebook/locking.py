"""The study's write lock for long operations, and the app's own temporary files.

:func:`write_lock` is an operating-system lock (the ``filelock`` package, as the
transcription jobs use: ``flock`` on Linux and macOS, ``msvcrt`` on Windows) on
``.mosahebeh-write.lock`` in the study folder, held for the whole length of an
operation that writes much at once: a restore, a merge, a backup. The lock
belongs to the open file, so a killed process never leaves it held. A second
such operation waits for the first (up to ``wait`` seconds) and is then refused
with one sentence.

:func:`temp_dir` and :func:`temp_file` make scratch space *inside the study folder
or beside the target*, under a name that begins with :data:`TEMP_PREFIX`, each
with a lock held while it is in use and listed in a small registry in the app's
data folder. :func:`cleanup` (run at the start of every command and whenever a
study is opened) removes every listed or found one whose lock nobody holds: what
a killed process left. Nothing with a study's content goes to the system's
temporary folder.
"""
from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

from codebook.errors import StudyError, StudyLockedError

LOCK_NAME = ".mosahebeh-write.lock"
TEMP_PREFIX = ".mosahebeh-tmp-"
_REGISTRY = "temporary-files.txt"
_HELD: set[tuple[str, int]] = set()  # (study folder, thread) holding its write lock in this process


def _filelock(path: Path):
    from filelock import FileLock

    # no soft (file-exists) fallback: that is the kind of lock a killed process leaves behind
    return FileLock(str(path), thread_local=False, is_singleton=False, fallback_to_soft=False,
                    preserve_lock_file=True)


@contextlib.contextmanager
def write_lock(folder: str | os.PathLike, what: str, wait: float = 30.0) -> Iterator[None]:
    """Hold the study's write lock while the block runs (``what``: a short name of the
    operation, for the sentence a second one is refused with)."""
    from filelock import Timeout

    folder = Path(folder)
    key = (str(folder.resolve()), threading.get_ident())
    if key in _HELD:  # already held by this thread (a restore makes a backup): nested, not a second holder
        yield
        return
    lock = _filelock(folder / LOCK_NAME)
    try:
        lock.acquire(timeout=wait)
    except Timeout as exc:
        raise StudyLockedError("Another {what} or restore, merge or backup of {folder} is under way; try again "
                               "when it has finished.", what=what, folder=folder) from exc
    except OSError as exc:  # a read-only folder: nothing can write there anyway, so nothing to guard
        if not os.access(folder, os.W_OK):
            yield
            return
        raise StudyError("Cannot lock {folder} ({reason}).", folder=folder, reason=exc.strerror or exc) from exc
    _HELD.add(key)
    try:
        yield
    finally:
        _HELD.discard(key)
        lock.release()


# -- temporary files ------------------------------------------------------------------------------


def _registry() -> Path | None:
    try:
        from transcribe.paths import data_dir

        return Path(data_dir()) / _REGISTRY
    except Exception:  # noqa: BLE001 - no data folder: the study-folder sweep still finds them
        return None


def _remember(path: Path) -> None:
    reg = _registry()
    if reg is None:
        return
    with contextlib.suppress(OSError):
        reg.parent.mkdir(parents=True, exist_ok=True)
        with open(reg, "a", encoding="utf-8") as f:
            f.write(str(path.resolve()) + "\n")


def _sweep_here(folder: Path) -> None:
    """What killed processes left in ``folder`` itself (done whenever a new one is made there)."""
    with contextlib.suppress(OSError):
        for entry in list(folder.glob(TEMP_PREFIX + "*")):
            if not entry.name.endswith(".lock"):
                _remove(entry)


@contextlib.contextmanager
def _held(path: Path, purpose: str) -> Iterator[Path]:
    _sweep_here(path)
    token = secrets.token_hex(6)
    target = path / f"{TEMP_PREFIX}{purpose}-{token}"
    lock = _filelock(Path(f"{target}.lock"))
    lock.acquire(timeout=0)  # a fresh name: nobody else has it
    _remember(target)
    try:
        yield target
    finally:
        try:
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()
        finally:
            lock.release()
            with contextlib.suppress(OSError):
                Path(f"{target}.lock").unlink()


@contextlib.contextmanager
def temp_dir(near: str | os.PathLike, purpose: str) -> Iterator[Path]:
    """A new folder inside ``near`` (a study folder, or the folder of an export's target),
    removed when the block ends, and by :func:`cleanup` if the process is killed."""
    try:
        with _held(Path(near), purpose) as target:
            target.mkdir()
            yield target
    except OSError as exc:
        raise StudyError("Cannot make a working folder in {folder} ({reason}).", folder=near,
                         reason=exc.strerror or exc) from exc


@contextlib.contextmanager
def temp_file(near: str | os.PathLike, purpose: str) -> Iterator[Path]:
    """A path for a new file inside ``near``, removed (if it still exists) when the block
    ends, and by :func:`cleanup` if the process is killed."""
    with _held(Path(near), purpose) as target:
        yield target


def _stale(entry: Path) -> bool:
    """Whether nobody holds the lock of a temporary entry (its process ended or was killed)."""
    from filelock import Timeout

    lock = _filelock(Path(f"{entry}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return False
    except OSError:
        return False
    lock.release()
    return True


def _remove(entry: Path) -> bool:
    if not _stale(entry):
        return False
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            entry.unlink()
    with contextlib.suppress(OSError):
        Path(f"{entry}.lock").unlink()
    return not entry.exists()


def cleanup(*folders: str | os.PathLike) -> int:
    """Remove temporary files and folders a killed process left: those listed in the
    registry and those found in ``folders`` (study folders and their ``audio/`` and
    ``backups/``), whose lock nobody holds. Returns how many were removed."""
    removed = 0
    candidates: set[Path] = set()
    reg = _registry()
    listed: list[str] = []
    if reg is not None and reg.is_file():
        with contextlib.suppress(OSError):
            listed = reg.read_text(encoding="utf-8").splitlines()
        candidates |= {Path(p) for p in listed if Path(p).name.startswith(TEMP_PREFIX)}
    for folder in folders:
        for where in (Path(folder), Path(folder) / "audio", Path(folder) / "backups", Path(folder).parent):
            with contextlib.suppress(OSError):
                candidates |= {p for p in where.glob(TEMP_PREFIX + "*") if not p.name.endswith(".lock")}
                candidates |= {p.with_suffix("") for p in where.glob(TEMP_PREFIX + "*.lock")}
    keep = []
    for entry in sorted(candidates):
        if not entry.exists() and not Path(f"{entry}.lock").exists():
            continue
        if _remove(entry):
            removed += 1
        elif entry.exists():
            keep.append(str(entry))
    if reg is not None and listed:
        with contextlib.suppress(OSError):  # what is still in use stays listed
            live = [p for p in listed if p in keep or Path(p).exists()]
            reg.write_text("".join(p + "\n" for p in live), encoding="utf-8")
    return removed
