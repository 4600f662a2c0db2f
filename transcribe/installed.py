"""The models folder: what is installed, which one is in use, adding one from a folder or an archive.

This is the offline way in: a model carried on a USB stick as a folder, a
``.zip`` or a ``.tar`` (``.tar.gz``/``.tgz``/``.tar.xz``) is checked, extracted
safely and copied (or linked) into :func:`transcribe.paths.models_dir`.

For example (a sketch: it needs a model on a stick, so it is not run as a doctest)::

    add_model("/media/usb/whisper-large-v3-fa.zip")   # InstalledModel(name='whisper-large-v3-fa', ...)
    select("whisper-large-v3-fa")

The choice in use (model, device, compute type, CPU threads) is kept in
``models/selected.json`` so that the app, its worker processes and the
``mosahebeh`` command all read the same one.
"""
from __future__ import annotations

import gzip
import json
import lzma
import os
import re
import shutil
import stat
import tarfile
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from transcribe.choice import SELECTED, offline_hint, selected_file, selected_model, selection  # noqa: F401
from transcribe.errors import ModelError
from transcribe.paths import models_dir

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
MAX_MEMBERS = 200
MAX_TOTAL_BYTES = 20 * 10**9          # larger than any Whisper model (large-v3 in float32 is ~6.2 GB)
MODEL_FILES = ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt", "vocabulary.json",
               "preprocessor_config.json")
_NAME = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True)
class InstalledModel:
    name: str            # folder name in the models folder ("bundled" for the bundled one)
    path: Path
    size_bytes: int
    bundled: bool = False
    source: str = ""     # the hub repository it was fetched from, if it was

    def to_dict(self) -> dict:
        return {"name": self.name, "path": str(self.path), "size_bytes": self.size_bytes,
                "bundled": self.bundled, "source": self.source}


# -- the choice in use ------------------------------------------------------------------

_KEEP = object()


def select(model=_KEEP, **device) -> dict:
    """Choose the model in use (``None`` or ``"bundled"``: the bundled one) and, optionally,
    ``device``/``compute_type``/``cpu_threads`` (a value of None means automatic) and ``decode``
    (``accurate`` or ``fast``: :data:`transcribe.whisper.DECODES`; None means the default).
    A model that is not installed is refused (nothing goes online)."""
    from transcribe.models import BUNDLED, resolve_model

    data = selection()
    if model is not _KEEP:
        spec = None if model in (None, "", BUNDLED) else str(model)
        resolve_model(spec, allow_download=False)  # raises ModelError if it is not here
        data["model"] = spec
    if device.get("decode") not in (None, "accurate", "fast"):
        raise ModelError("Decoding is accurate or fast, not {decode}.", decode=device["decode"])
    for key in ("device", "compute_type", "cpu_threads", "decode"):
        if key in device:
            data[key] = device[key]
    tmp = selected_file().with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, selected_file())
    return data


# -- listing and removing -----------------------------------------------------------------

def installed() -> list[InstalledModel]:
    """The bundled model (when its packages are installed) and every model folder in the models folder."""
    from transcribe.models import BUNDLED, BUNDLED_FOLDER, bundled_model_dir, check_model_folder, folder_size

    found: list[InstalledModel] = []
    try:
        path = bundled_model_dir()
        found.append(InstalledModel(BUNDLED, path, folder_size(path), bundled=True))
    except ModelError:
        pass
    for folder in sorted(models_dir().iterdir()):
        if not folder.is_dir() or folder.name.startswith(".") or folder.name == BUNDLED_FOLDER:
            continue
        try:
            check_model_folder(folder)
        except ModelError:
            continue
        source = ""
        try:
            source = json.loads((folder / ".source.json").read_text(encoding="utf-8")).get("repo_id", "")
        except (OSError, ValueError):
            pass
        found.append(InstalledModel(folder.name, folder, folder_size(folder), source=source))
    return found


def remove(name: str) -> Path:
    """Delete an installed model's folder (never the bundled model). If it was in use,
    the bundled model is used from now on. Returns the folder removed."""
    from transcribe.models import BUNDLED, BUNDLED_FOLDER

    if name in ("", BUNDLED, BUNDLED_FOLDER):
        raise ModelError("The bundled model cannot be removed: it is the one that always works offline.")
    folder = models_dir() / name
    if _NAME.sub("", name) != name or not folder.is_dir() or folder.name.startswith("."):
        raise ModelError("No installed model named {name!r} in {models_dir}. `mosahebeh models list` shows the installed ones.", name=name, models_dir=models_dir())
    if selected_model() in (name, str(folder)):
        select(None)
    from transcribe import models

    with models._cache_lock:  # a loaded copy would keep the deleted files' memory
        for key in [k for k in models._cache if k[0] in (str(folder), str(folder.resolve()))]:
            del models._cache[key]
    if folder.is_symlink():
        folder.unlink()
    else:
        shutil.rmtree(folder)
    return folder


# -- adding -------------------------------------------------------------------------

def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def safe_name(name: str) -> str:
    """A folder name from a file name: ``whisper large (fa).zip`` -> ``whisper-large-fa``."""
    for suffix in sorted(ARCHIVE_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            name = name[:-len(suffix)]
            break
    name = _NAME.sub("-", name).strip("-.")
    return name or "model"


def add_model(source: str | os.PathLike, *, name: str | None = None, link: bool = False,
              replace: bool = False) -> InstalledModel:
    """Install the model in ``source`` (a model folder, or an archive holding one) under ``name``.

    A folder is copied (or symlinked with ``link=True``); an archive is
    extracted into a temporary folder in the models folder, checked, then
    moved into place, so nothing half-made is ever listed."""
    from transcribe.models import check_model_folder, folder_size

    source = Path(source).expanduser()
    if not source.exists():
        raise ModelError("Nothing at {source}: give a model folder or a .zip/.tar of one.", source=source)
    name = safe_name(name or source.name)
    target = models_dir() / name
    if target.exists() and not replace:
        raise ModelError("A model named {name!r} is already installed ({target}). Choose another name, or remove it "
                         "first.", name=name, target=target)
    models_dir().mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".adding-{os.getpid()}-", dir=models_dir()))
    try:
        if source.is_dir():
            folder = _model_root(source)
            check_model_folder(folder)
            if link:
                staged = work / "link"
                staged.symlink_to(folder.resolve(), target_is_directory=True)
            else:
                staged = work / "copy"
                staged.mkdir()
                for item in MODEL_FILES:
                    if (folder / item).is_file():
                        shutil.copyfile(folder / item, staged / item)
        elif is_archive(source):
            extract_archive(source, work / "x")
            staged = _model_root(work / "x")
            check_model_folder(staged)
        else:
            raise ModelError("{source_file} is neither a folder nor a .zip/.tar archive.", source_file=source.name)
        _check_loads(staged)
        if target.exists() or target.is_symlink():
            if target.is_symlink():
                target.unlink()
            else:
                shutil.rmtree(target)
        os.replace(staged, target)
    except OSError as exc:
        raise ModelError("Cannot add the model into {models_dir}: {reason}.", models_dir=models_dir(), reason=exc.strerror or exc) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return InstalledModel(name, target, folder_size(target))


def _model_root(folder: Path) -> Path:
    """The folder holding config.json: ``folder`` itself or its one subfolder (archives often wrap one)."""
    if (folder / "config.json").exists():
        return folder
    subs = [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "__MACOSX"))]
    if len(subs) == 1 and (subs[0] / "config.json").exists():
        return subs[0]
    return folder


def _check_loads(folder: Path) -> None:
    """The JSON files parse and model.bin is not empty: the cheap signs of a truncated copy."""
    for item in ("config.json", "tokenizer.json", "preprocessor_config.json", "vocabulary.json"):
        path = folder / item
        if path.is_file():
            try:
                json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise ModelError("{item} in the model is damaged ({exc}); copy the model again.", item=item, exc=exc) from exc
    if (folder / "model.bin").stat().st_size < 1024:
        raise ModelError("model.bin in the model is nearly empty; copy the model again.")


def _member_path(name: str) -> PurePosixPath:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in path.parts:
        raise ModelError("The archive is unsafe: it holds a file outside its own folder ({name!r}). Nothing was extracted.", name=name)
    return path


def extract_archive(archive: Path, dest: Path) -> None:
    """Extract ``archive`` into ``dest``, refusing absolute paths, ``..``, links and devices,
    more than :data:`MAX_MEMBERS` files or :data:`MAX_TOTAL_BYTES` bytes; a truncated or
    damaged archive raises :class:`ModelError`."""
    dest.mkdir(parents=True, exist_ok=True)
    try:
        if archive.name.lower().endswith(".zip"):
            _extract_zip(archive, dest)
        else:
            _extract_tar(archive, dest)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error, lzma.LZMAError, gzip.BadGzipFile) as exc:
        raise ModelError("{archive_file} is damaged or incomplete ({exc}); copy it again.", archive_file=archive.name, exc=exc) from exc


def _extract_zip(archive: Path, dest: Path) -> None:
    with zipfile.ZipFile(archive) as z:
        members = z.infolist()
        _limits(len(members), sum(m.file_size for m in members))
        for m in members:
            _member_path(m.filename)  # refuses ../, absolute paths and the like before anything is written
            mode = m.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise ModelError("The archive is unsafe: {filename!r} is a link. Nothing was extracted.", filename=m.filename)
        for m in members:
            out = dest.joinpath(*_member_path(m.filename).parts)
            if m.is_dir():
                out.mkdir(parents=True, exist_ok=True)
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            with z.open(m) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst, 8 << 20)
            if out.stat().st_size != m.file_size:
                raise ModelError("{archive_file} is damaged: {filename} is incomplete.", archive_file=archive.name, filename=m.filename)


def _extract_tar(archive: Path, dest: Path) -> None:
    with tarfile.open(archive) as t:
        members = t.getmembers()  # reads the whole index: a truncated archive fails here
        _limits(len(members), sum(m.size for m in members))
        for m in members:
            _member_path(m.name)
            if not (m.isfile() or m.isdir()):
                raise ModelError("The archive is unsafe: {m_file!r} is a link or a device. Nothing was extracted.", m_file=m.name)
        for m in members:
            out = dest.joinpath(*_member_path(m.name).parts)
            if m.isdir():
                out.mkdir(parents=True, exist_ok=True)
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            src = t.extractfile(m)
            if src is None:  # a member with no data (a device, a FIFO): not a model file
                raise ModelError("{archive} holds {member}, which is not a regular file. Nothing was added.",
                                 archive=archive.name, member=m.name)
            with src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst, 8 << 20)
            if out.stat().st_size != m.size:
                raise ModelError("{archive_file} is damaged: {m_file} is incomplete.", archive_file=archive.name, m_file=m.name)


def _limits(count: int, total: int) -> None:
    if count > MAX_MEMBERS:
        raise ModelError("The archive holds {count} files; a Whisper model has fewer than ten. Is it the right file?", count=count)
    if total > MAX_TOTAL_BYTES:
        raise ModelError("The archive would unpack to {count:.1f} GB, more than any Whisper model; is it the right "
                         "file?", count=total / 1000000000.0)


def sweep_adding() -> int:
    """Remove the working folders of ``models add`` runs that were killed (``.adding-PID-…``
    whose process is gone); returns how many."""
    removed = 0
    try:
        entries = list(models_dir().glob(".adding-*"))
    except OSError:
        return 0
    for entry in entries:
        try:
            pid = int(entry.name.split("-")[1])
            os.kill(pid, 0)
            continue  # still running
        except (ValueError, IndexError, ProcessLookupError):
            pass
        except (PermissionError, OSError):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed += not entry.exists()
    return removed
