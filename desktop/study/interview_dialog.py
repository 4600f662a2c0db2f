"""A new interview, or one's participant, title, date and mode changed: the date is picked on
a Jalali calendar in the Persian UI (Qt's own QCalendar) and stored as an ISO date.

It also shows how the audio's channels are used (two speakers by channel, one channel, one voice
on both: detected when the audio was attached) and how many people speak, and lets the user change
them; a change to an interview already transcribed asks before transcribing it again
(``retranscribe`` tells the caller)."""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from codebook.errors import StudyError
from codebook.interviews import MODES
from codebook.models import Interview
from desktop.i18n import current_language
from desktop.study.date_field import date_edit, iso_of
from desktop.study.interviews import edit_interview, mode_label
from desktop.i18n import worded
from transcribe.channel_use import BY_CHANNEL, ONE_CHANNEL, ONE_VOICE

MAX_SPEAKERS = 12


class InterviewDialog(QDialog):
    """Who was interviewed, when and how. ``interview`` None makes a new one."""

    def __init__(self, study, interview: Interview | None = None, parent=None, ctx=None):
        super().__init__(parent)
        self.study = study
        self.ctx = ctx  # given (the window's), a change to an interview is one undo step
        self.interview = interview
        self.setWindowTitle(self.tr("Interview") if interview else self.tr("New interview"))
        lang = current_language()
        self.participant = QComboBox()
        self.participant.addItem(self.tr("(no participant)"), None)
        for p in study.participants.list():
            self.participant.addItem(p.pseudonym, p.id)
        self.title = QLineEdit(interview.title if interview else "")
        self.date = date_edit(interview.date if interview else None, lang)
        self.mode = QComboBox()
        for m in MODES:
            self.mode.addItem(mode_label(m), m)
        if interview is None and self.participant.count() == 2:  # one participant in the study: them
            self.participant.setCurrentIndex(1)
        self.channels = QComboBox()
        for use, label in ((BY_CHANNEL, self.tr("Two speakers, one per channel")),
                           (ONE_CHANNEL, self.tr("One channel (speakers found by voice)")),
                           (ONE_VOICE, self.tr("One voice on both channels (transcribed once)"))):
            self.channels.addItem(label, use)
        self.speakers = QComboBox()
        self.speakers.addItem(self.tr("Count them"), "auto")
        for n in range(1, MAX_SPEAKERS + 1):
            self.speakers.addItem(QLocale().toString(n), str(n))
        self.retranscribe = False
        if interview:
            self.participant.setCurrentIndex(max(0, self.participant.findData(interview.participant_id)))
            self.mode.setCurrentIndex(max(0, self.mode.findData(interview.mode)))
        self._show_speakers(interview)
        form = QFormLayout()
        form.addRow(self.tr("Participant"), self.participant)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Channels"), self.channels)
        form.addRow(self.tr("Speakers"), self.speakers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _show_speakers(self, interview: Interview | None) -> None:
        """The channel use and speaker count as stored (the Settings default for a new interview); the
        channel choice only for audio with two channels."""
        from desktop.settings import Settings

        speakers = (interview.speakers if interview else "") or Settings().default_speakers
        self.speakers.setCurrentIndex(max(0, self.speakers.findData(speakers)))
        self.two_channels = False
        use = ""
        if interview is not None and interview.audio_path:
            use = self.study.interviews.channel_use(interview.id)
            self.two_channels = use in (BY_CHANNEL, ONE_VOICE) or self._stereo(interview.id)
        self.channels.setCurrentIndex(max(0, self.channels.findData(use or ONE_CHANNEL)))
        self.channels.setEnabled(self.two_channels)
        self._shown = self._all_speaker_values()  # what the user saw: only a change of it is a change
        if not self.two_channels:
            self.channels.setToolTip(self.tr("The audio has one channel (or none is attached yet)."))

    def _stereo(self, interview_id: int) -> bool:
        from transcribe.audio import audio_channels
        from transcribe.errors import TranscribeError

        audio = self.study.interviews.audio_file(interview_id)
        try:
            return audio is not None and audio.is_file() and audio_channels(audio) >= 2
        except TranscribeError:
            return False

    def _all_speaker_values(self) -> dict:
        values = {"speakers": self.speakers.currentData()}
        if self.two_channels:
            values["channel_use"] = self.channels.currentData()
        return values

    def _speaker_values(self) -> dict:
        """The speaker settings the user changed (a default shown and left as it was stays the default)."""
        return {k: v for k, v in self._all_speaker_values().items() if self._shown.get(k) != v}

    def _ask_retranscribe(self, values: dict) -> bool | None:
        """When the speaker settings of a transcribed interview change: transcribe again? (None: cancel)."""
        old = self.interview
        if old is None or not self.study.transcripts.count(old.id)[0]:
            return False
        if "speakers" not in values and "channel_use" not in values:  # nothing the user changed
            return False
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("How the speakers are found has changed. Transcribe this interview again now? Its "
                    "transcript will be replaced (a corrected one is kept as a memo)."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        return answer == QMessageBox.StandardButton.Yes

    def accept(self) -> None:
        values = {"participant_id": self.participant.currentData(), "title": self.title.text(),
                  "date": iso_of(self.date), "mode": self.mode.currentData(),
                  # a new interview takes the shown settings (Settings' default count); an edit only what changed
                  **(self._all_speaker_values() if self.interview is None else self._speaker_values())}
        again = self._ask_retranscribe(values)
        if again is None:
            return
        self.retranscribe = again
        ivs = self.study.interviews
        if self.interview is None:
            pid = values.pop("participant_id")
            extra = {k: values.pop(k) for k in ("speakers", "channel_use") if k in values}
            self.interview = ivs.add(pid, **values)
            self.interview = ivs.update(self.interview.id, **extra)
        elif self.ctx is not None:
            try:
                edit_interview(self.ctx, self.interview.id, values)
            except StudyError as exc:
                QMessageBox.warning(self, self.windowTitle(), worded(exc))
                return
            self.interview = ivs.get(self.interview.id)
        else:
            self.interview = ivs.update(self.interview.id, **values)
        super().accept()
