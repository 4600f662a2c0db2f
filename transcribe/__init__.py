"""Audio in, text out: recording, decoding, Whisper transcription, Persian text.

No Qt and no database here; :mod:`codebook` and :mod:`desktop` build on it.

Nothing here talks to the network unless a model download is asked for.
ONNX Runtime (faster-whisper's Silero VAD runs on it) otherwise resolves
``mobile.events.data.microsoft.com`` in a background thread and keeps a
telemetry database under ``~/.cache/Microsoft``; its ``ORT_DISABLE_TELEMETRY``
switch, set here before anything can load it, stops both
(``onnxruntime.disable_telemetry_events()`` does not stop the lookups).
tests/transcribe/test_transcribe_network.py checks it under strace.
"""
import os as _os

_os.environ["ORT_DISABLE_TELEMETRY"] = "1"
