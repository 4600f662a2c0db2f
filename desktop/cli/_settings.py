"""The app's settings file read without Qt, for the headless subcommands.

The app keeps its settings with QSettings in an INI file, ``settings.ini`` in the
per-user data folder (:mod:`desktop.settings`); a headless command must not
import Qt, so the few values it needs (the coder's name) are read here from the
file as Qt writes it: ``[group]`` sections, ``key=value`` lines, a value in
double quotes when it has a comma, ``;``, ``=`` or leading/trailing spaces,
backslash escapes, and ``@@`` for a leading ``@``.
"""
from __future__ import annotations

from pathlib import Path

from transcribe.paths import data_dir

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            '"': '"', "'": "'", "\\": "\\", "?": "?", ";": ";", ",": ",", "=": "="}


def settings_path() -> Path:
    """Where the app keeps its settings (``MOSAHEBEH_DATA_DIR`` moves it, as for the app)."""
    return data_dir() / "settings.ini"


def unescape(raw: str) -> str:
    """A value as QSettings wrote it to an INI file, back to the string it stored."""
    out: list[str] = []
    quoted = False
    i, raw = 0, raw.strip(" \t\r\n")  # ASCII blanks only, as Qt trims
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and i + 1 < len(raw):
            i += 1
            nxt = raw[i]
            if nxt == "x":  # \xHHHH: a code point in hex
                j = i + 1
                while j < len(raw) and raw[j] in "0123456789abcdefABCDEF":
                    j += 1
                out.append(chr(int(raw[i + 1:j], 16)) if j > i + 1 else "x")
                i = j - 1
            else:
                out.append(_ESCAPES.get(nxt, nxt))
        else:
            out.append(ch)
        i += 1
    text = "".join(out)
    return text[1:] if text.startswith("@@") else text


def read_setting(key: str, path: Path | None = None) -> str | None:
    """The string stored under ``group/key``, or None when the file or the key is not there."""
    group, _, name = key.rpartition("/")
    path = path or settings_path()
    try:
        lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 may be in a value
    except (OSError, UnicodeDecodeError):
        return None
    section = ""
    for line in lines:
        line = line.strip(" \t\r")  # ASCII blanks only: a no-break space may begin or end a value
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif "=" in line and section == (group or "General"):
            k, _, value = line.partition("=")
            if k.strip() == name:
                return unescape(value)
    return None


def coder_name(path: Path | None = None) -> str:
    """The coder's name set in the app's Settings ('' when none is set: the app then stamps none)."""
    return " ".join((read_setting("coding/coder", path) or "").split())
