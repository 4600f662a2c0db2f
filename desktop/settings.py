"""The user's settings, the app's one settings store (QSettings on an INI file in the
per-user data folder); its dialog is :mod:`desktop.settings_dialog`. Other parts keep their choices here
too, under their own group: the Whisper model (``transcription/``,
:mod:`desktop.transcription.model_settings`), the recording inputs (``recording/``).

>>> s = Settings()
>>> s.auto_rewind_s = 2.0
>>> s.add_recent("/home/me/Libraries.mosahebeh")

Tests set ``MOSAHEBEH_DATA_DIR`` so that they never touch the real settings.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from transcribe.paths import data_dir

MAX_RECENT = 8
# Kept in Qt's default place (QSettings("Mosahebeh", "Mosahebeh")) by versions before the one
# settings file: the recording inputs and the transcription language, carried over once.
OLD_PLACE_KEYS = ("recording/mic", "recording/remote", "transcription/language")
RATES = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)


def system_language() -> str:
    """fa when the system locale is Persian, else en."""
    return "fa" if QLocale.system().language() == QLocale.Language.Persian else "en"


class Settings:
    """Typed access to the settings; every property reads and writes the INI file at once."""

    def __init__(self):
        self.q = QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
        if not self.q.contains("settings/carried_over"):
            self._carry_over()

    def _carry_over(self) -> None:
        """Once: take the choices an older version kept in Qt's default place (the
        microphone, the remote input, the transcription language), unless set here."""
        old = QSettings("Mosahebeh", "Mosahebeh")
        for key in OLD_PLACE_KEYS:
            if old.contains(key) and not self.q.contains(key):
                self.q.setValue(key, old.value(key))
        self._set("settings/carried_over", True)

    def _get(self, key: str, default, kind):
        value = self.q.value(key, default)
        try:
            if kind is bool:
                return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value) -> None:
        self.q.setValue(key, value)
        self.q.sync()

    # -- language -----------------------------------------------------------------

    @property
    def language(self) -> str:
        """'fa' or 'en': what the user chose, else the system's language."""
        lang = self._get("ui/language", "", str)
        return lang if lang in ("fa", "en") else system_language()

    @language.setter
    def language(self, lang: str) -> None:
        self._set("ui/language", lang)

    # -- where exports go -----------------------------------------------------------

    @property
    def export_folder(self) -> str:
        """The folder the last export was written to ('' before the first)."""
        return self._get("exchange/export_folder", "", str)

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self._set("exchange/export_folder", folder)

    # -- studies --------------------------------------------------------------------

    @property
    def recent_studies(self) -> list[str]:
        value = self.q.value("studies/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in value or []]

    def add_recent(self, path: str) -> None:
        path = str(path)
        recent = [p for p in self.recent_studies if p != path]
        self._set("studies/recent", [path, *recent][:MAX_RECENT])

    def forget_recent(self, path: str) -> None:
        self._set("studies/recent", [p for p in self.recent_studies if p != str(path)])

    @property
    def last_study(self) -> str | None:
        recent = self.recent_studies
        return recent[0] if recent else None

    # -- playback and the editor ------------------------------------------------------------

    @property
    def auto_rewind_s(self) -> float:
        """Seconds to go back when playback resumes after a pause (0 = off, 1–3)."""
        return max(0.0, min(3.0, self._get("player/auto_rewind_s", 2.0, float)))

    @auto_rewind_s.setter
    def auto_rewind_s(self, value: float) -> None:
        self._set("player/auto_rewind_s", float(value))

    @property
    def playback_rate(self) -> float:
        return max(0.5, min(2.0, self._get("player/rate", 1.0, float)))

    @playback_rate.setter
    def playback_rate(self, value: float) -> None:
        self._set("player/rate", float(value))

    @property
    def shade_unsure(self) -> bool:
        """Shade words the model was unsure of (off by default)."""
        return self._get("editor/shade_unsure", False, bool)

    @shade_unsure.setter
    def shade_unsure(self, value: bool) -> None:
        self._set("editor/shade_unsure", bool(value))

    @property
    def show_waveform(self) -> bool:
        """Show the waveform strip above the transcript (on by default)."""
        return self._get("editor/waveform", True, bool)

    @show_waveform.setter
    def show_waveform(self, value: bool) -> None:
        self._set("editor/waveform", bool(value))

    @property
    def coder_name(self) -> str:
        """The name stamped on every coding made in the app ('' until the user gives one)."""
        return " ".join(self._get("coding/coder", "", str).split())

    @coder_name.setter
    def coder_name(self, name: str) -> None:
        self._set("coding/coder", " ".join(str(name).split()))

    @property
    def unsure_threshold(self) -> float:
        return max(0.05, min(0.99, self._get("editor/unsure_threshold", 0.5, float)))

    @unsure_threshold.setter
    def unsure_threshold(self, value: float) -> None:
        self._set("editor/unsure_threshold", float(value))

    @property
    def default_speakers(self) -> str:
        """How many people speak in a new interview's one-channel recording: "2" (a call), a number or "auto"."""
        from codebook.interviews import speakers_setting
        from codebook.errors import StudyError

        try:
            return speakers_setting(self._get("transcription/speakers", "2", str)) or "2"
        except StudyError:
            return "2"

    @default_speakers.setter
    def default_speakers(self, value: str) -> None:
        from codebook.interviews import speakers_setting

        self._set("transcription/speakers", speakers_setting(value) or "2")
