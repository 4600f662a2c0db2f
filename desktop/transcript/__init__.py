"""The transcript editor: segments in a Qt model, edited in place, synced to the audio.

* :mod:`.offsets` converts Qt's UTF-16 positions to the store's code points;
* :mod:`.model` holds an interview's segments (``SegmentsModel``);
* :mod:`.delegate` paints and edits a segment's text right to left;
* :mod:`.span` selects from a word in one segment to a word in another, for coding;
* :mod:`.commands` are the undoable edits (each one saved at once);
* :mod:`.player` plays the audio (QMediaPlayer);
* :mod:`.find_replace` searches through the Persian normalisation;
* :mod:`.editor` puts them together (``TranscriptEditor``).
"""
from desktop.transcript.editor import TranscriptEditor

__all__ = ["TranscriptEditor"]
