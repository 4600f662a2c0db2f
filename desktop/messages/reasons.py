"""The operating system's reasons, worded in Persian: an error's ``{reason}`` or ``{exc}`` is often an
``OSError`` or its ``strerror`` ("No space left on device"), which would reach a Persian sentence in
English. They are a small, fixed set, so they are worded by their errno (or their English text)::

    >>> persian_reason(PermissionError(13, "Permission denied"))
    'اجازهٔ دسترسی نیست'
    >>> persian_reason("No space left on device")
    'دیسک پر است'
    >>> persian_reason("[Errno 2] No such file or directory: 'a.wav'")
    'چنین فایل یا پوشه‌ای نیست (\\u2068a.wav\\u2069)'
    >>> persian_reason("something else") is None
    True
"""
from __future__ import annotations

import errno
import os
import re
from typing import Any

FSI, PDI = "\u2068", "\u2069"

ERRNO_FA: dict[int, str] = {
    errno.ENOSPC: "دیسک پر است",
    errno.EDQUOT: "سهمیهٔ دیسک تمام شده است",
    errno.ENAMETOOLONG: "نام یک فایل بیش از اندازه بلند است",
    errno.EACCES: "اجازهٔ دسترسی نیست",
    errno.EPERM: "این کار مجاز نیست",
    errno.EROFS: "دیسک فقط‌خواندنی است",
    errno.EFBIG: "فایل برای این دیسک بیش از اندازه بزرگ است",
    errno.EIO: "دیسک خطای ورودی/خروجی گزارش کرد",
    errno.ENOENT: "چنین فایل یا پوشه‌ای نیست",
    errno.EEXIST: "از پیش وجود دارد",
    errno.EISDIR: "یک پوشه است، نه فایل",
    errno.ENOTDIR: "یک پوشه نیست",
    errno.ENOTEMPTY: "پوشه خالی نیست",
    errno.EBUSY: "در دست برنامهٔ دیگری است",
    errno.EXDEV: "میان دو دیسک جابه‌جا نمی‌شود",
    errno.EMFILE: "فایل‌های باز بیش از اندازه است",
    errno.ECONNREFUSED: "سرور اتصال را نپذیرفت",
    errno.ETIMEDOUT: "زمان اتصال به پایان رسید",
    errno.ENETUNREACH: "شبکه در دسترس نیست",
    errno.EHOSTUNREACH: "رایانهٔ مقصد در دسترس نیست",
}

# English fragments the code passes as a reason, and the texts of the errors above.
FRAGMENTS_FA: dict[str, str] = {
    "not audio": "فایل صوتی نیست",
    "permission denied": "اجازهٔ دسترسی نیست",
    "broken references": "ارجاع‌های شکسته",
    "the disk is full": "دیسک پر است",
    **{os.strerror(n).lower(): text for n, text in ERRNO_FA.items()},
}

_ERRNO_TEXT = re.compile(r"^\[Errno (\d+)\] [^:]*(?:: '(.*)')?$", re.S)


def persian_reason(value: Any) -> str | None:
    """The Persian for an OS error, its errno text or a known English fragment; None when it is none of these."""
    if isinstance(value, OSError) and value.errno in ERRNO_FA:
        where = f" ({FSI}{value.filename}{PDI})" if value.filename else ""
        return ERRNO_FA[value.errno] + where
    if not isinstance(value, str):
        return None
    text = value.strip().rstrip(".")
    match = _ERRNO_TEXT.match(text)
    if match and int(match.group(1)) in ERRNO_FA:
        where = f" ({FSI}{match.group(2)}{PDI})" if match.group(2) else ""
        return ERRNO_FA[int(match.group(1))] + where
    return FRAGMENTS_FA.get(text.lower())
