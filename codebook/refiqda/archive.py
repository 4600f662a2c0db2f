"""Zips: writing one with ordinary entries (mode 0644), and reading a ``.qdpx``
zip that may be hostile.

Nothing in an archive is ever extracted by its own name: entries are read
into memory (XML, text) or copied to a path the study chooses (audio), and
only after the checks below pass.
"""
from __future__ import annotations

import posixpath
import shutil
import time
import zipfile
from pathlib import Path

from codebook.errors import StudyError
from codebook.files import atomic_path

MAX_ENTRIES = 100_000
MAX_ENTRY_BYTES = 8 * 1024**3        # one source (a long video) at most 8 GiB
MAX_TEXT_BYTES = 256 * 1024**2       # XML and transcript text
MAX_RATIO = 200
FILE_MODE = 0o644                      # uncompressed / compressed, beyond this a zip bomb


class SafeZip:
    """A ``.qdpx`` opened for reading with checks on every entry name and size."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError as exc:
            raise StudyError("No file at {path}.", path=path) from exc
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise StudyError("{file} is not a REFI-QDA project: it is not a zip archive ({exc}).", file=path.name, exc=exc) from exc
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise StudyError("{file} holds {count} entries, more than a project can; it was not read.", file=path.name, count=len(infos))
        self.entries: dict[str, zipfile.ZipInfo] = {}
        self.all: list[zipfile.ZipInfo] = infos  # every entry, checked (``entries`` keeps one name per case)
        for info in infos:
            name = info.filename
            clean = posixpath.normpath(name.replace("\\", "/"))
            if (name.startswith(("/", "\\")) or clean.startswith("..") or "/../" in f"/{clean}/"
                    or ":" in name.split("/")[0] or "\x00" in name):
                raise StudyError("{file} contains an unsafe path ({name!r}); it was not imported.", file=path.name, name=name)
            if info.file_size > MAX_ENTRY_BYTES:
                raise StudyError("{file}: the entry {name!r} is too large ({count} MB).", file=path.name, name=name, count=info.file_size // 2 ** 20)
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 2**20:
                raise StudyError("{file}: the entry {name!r} expands {count}-fold, like a zip bomb; it was not imported.", file=path.name, name=name, count=info.file_size // info.compress_size)
            if not info.is_dir():
                self.entries[clean.casefold()] = info

    def close(self) -> None:
        self.zip.close()

    def find(self, name: str) -> zipfile.ZipInfo | None:
        """An entry by name, ignoring case (some tools write ``Sources/``)."""
        return self.entries.get(posixpath.normpath(name.replace("\\", "/")).casefold())

    def read(self, info: zipfile.ZipInfo, limit: int = MAX_TEXT_BYTES) -> bytes:
        if info.file_size > limit:
            raise StudyError("{file}: {filename!r} is too large to read ({file_size} bytes).", file=self.path.name, filename=info.filename, file_size=info.file_size)
        try:
            with self.zip.open(info) as f:
                data = f.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise StudyError("{file}: cannot read {filename!r} ({exc}).", file=self.path.name, filename=info.filename, exc=exc) from exc
        if len(data) > limit:
            raise StudyError("{file}: {filename!r} is larger than it says.", file=self.path.name, filename=info.filename)
        return data

    def copy_to(self, info: zipfile.ZipInfo, target: Path) -> None:
        """Copy an entry to ``target`` (a path the caller chose), checking its real size."""
        written = 0
        try:
            with self.zip.open(info) as src, open(target, "xb") as dst:
                while chunk := src.read(1 << 20):
                    written += len(chunk)
                    if written > info.file_size or written > MAX_ENTRY_BYTES:
                        raise StudyError("{file}: {filename!r} is larger than it says.", file=self.path.name, filename=info.filename)
                    dst.write(chunk)
        except StudyError:
            target.unlink(missing_ok=True)
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            target.unlink(missing_ok=True)
            raise StudyError("{file}: cannot extract {filename!r} ({exc}).", file=self.path.name, filename=info.filename, exc=exc) from exc


def free_space_ok(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed + 50 * 2**20:
        raise StudyError("Not enough free space in {folder}: {count} MB needed, {count2} MB free. Nothing was imported.", folder=folder, count=needed // 2 ** 20, count2=free // 2 ** 20)


def zip_info(name: str, compress: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    """An entry with an ordinary file mode (0644) and the current time."""
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.external_attr = (0o100000 | FILE_MODE) << 16
    info.compress_type = compress
    return info


def write_zip(out: Path, entries: list[tuple[str, bytes | Path]]) -> None:
    """Write a zip of (name, bytes or a file to copy) atomically; files are stored, not deflated."""
    with atomic_path(out) as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            for name, data in entries:
                if isinstance(data, Path):
                    try:
                        with open(data, "rb") as src, z.open(zip_info(name, zipfile.ZIP_STORED), "w",
                                                              force_zip64=True) as dst:
                            shutil.copyfileobj(src, dst, 1 << 20)
                    except OSError as exc:
                        raise StudyError("Cannot read the file {data}: {reason}.", data=data, reason=exc.strerror or exc) from exc
                else:
                    z.writestr(zip_info(name), data)
