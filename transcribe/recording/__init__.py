"""Recording both sides of a call, crash-safe.

For example (a sketch, not run as a doctest)::

    from transcribe.recording import Recorder, open_source
    rec = Recorder("/tmp/take", [open_source("default", "mic"), open_source("remote.monitor", "remote")])
    rec.start(); ...; result = rec.stop()   # result.path: one WAV, channel 1 mic, channel 2 remote

A *take* is a folder: one WAV and one block log per source, ``events.jsonl``
(marks, pauses, consent) and ``manifest.json``. Each source runs on its own
clock; :func:`finish_take` measures each clock against the computer's,
resamples, fills the gaps with silence and writes one file. A take whose
process died (``kill -9``, power, full disk) is finished the same way
later: :func:`find_unfinished`, :func:`finish_take`.

No Qt here; ``sounddevice`` is imported only when a real device is opened.
"""
from transcribe.recording.devices import Device, list_devices, open_source
from transcribe.recording.finish import FinishedTake, finish_take
from transcribe.recording.recorder import Recorder
from transcribe.recording.sources import AudioSource, FakeSource, SimClock
from transcribe.recording.take import Take, find_unfinished

__all__ = ["AudioSource", "Device", "FakeSource", "FinishedTake", "Recorder", "SimClock", "Take",
           "find_unfinished", "finish_take", "list_devices", "open_source"]
