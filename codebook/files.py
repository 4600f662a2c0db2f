"""Writing files safely: a file is replaced whole or not at all.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
>>> write_atomic(out, "سلام".encode())
>>> out.read_text(encoding="utf-8")
'سلام'
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from codebook.errors import StudyError


def write_atomic(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` through a temporary file in the same folder."""
    with atomic_path(out) as tmp:
        tmp.write_bytes(data)


class atomic_path:
    """``with atomic_path(out) as tmp:`` write ``tmp``; it replaces ``out`` only if the block succeeds."""

    def __init__(self, out: str | os.PathLike):
        self.out = Path(out)

    def __enter__(self) -> Path:
        folder = self.out.parent
        if not folder.is_dir():
            raise StudyError("The folder {folder} does not exist.", folder=folder)
        from codebook.locking import temp_file

        # a name the app recognises, listed, so that a killed export leaves nothing at the next start
        self._held = temp_file(folder, "write")
        try:
            self.tmp = self._held.__enter__()
            self.tmp.touch(mode=0o600)
        except OSError as exc:
            self._held.__exit__(type(exc), exc, None)
            raise StudyError("Cannot write {path}: {reason}.", path=self.out, reason=exc.strerror or exc) from exc
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        try:
            return self._finish(exc_type, exc)
        finally:
            self._held.__exit__(None, None, None)

    def _finish(self, exc_type, exc) -> Literal[False]:
        if exc_type is None:
            try:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.tmp, 0o666 & ~umask)  # mkstemp made it private
                os.replace(self.tmp, self.out)
                return False
            except OSError as err:
                self.tmp.unlink(missing_ok=True)
                raise StudyError("Cannot write {out}: {err_reason}.", out=self.out, err_reason=err.strerror or err) from err
        self.tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StudyError("Cannot write {out}: {reason}. Nothing was written.", out=self.out, reason=exc.strerror or exc) from exc
        return False
