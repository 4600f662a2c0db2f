"""Where audio comes from: the :class:`AudioSource` interface and its kinds.

A source delivers mono ``float32`` blocks to ``on_block(data, t, overflow)``
from its own thread, ``t`` being the computer's monotonic clock (the
recorder's ``clock``) when the block arrived, and calls ``on_end(message)``
if it stops by itself (a device unplugged). The callback must only copy
the block into a queue: no files, no locks held long.

* :class:`SoundDeviceSource`: a PortAudio input through sounddevice
  (microphones; on Linux also any PulseAudio/PipeWire source, monitors
  included, opened through the ALSA ``pulse`` device with ``PULSE_SOURCE``).
* :class:`WasapiLoopbackSource`: what Windows plays, through PyAudioWPatch.
* :class:`FakeSource`: sine blocks on a simulated clock, with drift, gaps,
  overflows and failure, for tests.
"""
from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from transcribe.errors import AudioError

OnBlock = Callable[[np.ndarray, float, bool], None]
OnEnd = Callable[[str | None], None]

_env_lock = threading.Lock()


class AudioSource:
    """One input: a microphone, or what the computer plays.

    ``role`` is ``"mic"`` or ``"remote"``; ``samplerate`` the nominal rate
    of its clock; ``silent_ok`` True when the source rightly delivers nothing
    while nothing plays (loopback), so a pause in blocks is not a fault."""

    name: str = ""
    role: str = "mic"
    samplerate: int = 16000
    silent_ok: bool = False

    def start(self, on_block: OnBlock, on_end: OnEnd) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


def portaudio():
    """The sounddevice module, or :class:`AudioError` saying what to install."""
    try:
        import sounddevice
    except OSError as exc:
        raise AudioError(
            "Cannot record: the PortAudio library is missing. Install it "
            "(Debian/Ubuntu: sudo apt install libportaudio2) and start Mosahebeh again."
        ) from exc
    except ImportError as exc:
        raise AudioError("Cannot record: the Python package sounddevice is not installed (pip install sounddevice).") from exc
    return sounddevice


class SoundDeviceSource(AudioSource):
    """A PortAudio input stream. ``pulse_source`` names a PulseAudio source
    (e.g. ``remote.monitor``) opened through the ALSA ``pulse`` device."""

    def __init__(self, device: int | str | None, *, role: str = "mic", name: str = "",
                 samplerate: int | None = None, pulse_source: str | None = None):
        self.device = device
        self.role = role
        self.pulse_source = pulse_source
        self.name = name or pulse_source or str(device)
        self._rate = samplerate
        self._stream: Any = None
        self._stopping = False

    @property
    def samplerate(self) -> int:  # type: ignore[override]
        if self._rate is None:
            sd = portaudio()
            try:
                self._rate = int(sd.query_devices(self.device, "input")["default_samplerate"])
            except (ValueError, sd.PortAudioError) as exc:
                raise AudioError(f"No input device {self.name!r}: {exc}. See `mosahebeh devices`.") from exc
        return self._rate

    def start(self, on_block: OnBlock, on_end: OnEnd) -> None:
        sd = portaudio()
        clock = time.monotonic

        def callback(indata, frames, t, status):
            on_block(indata[:, 0].copy(), clock(), bool(status.input_overflow))

        def finished():
            if not self._stopping:
                on_end(f"The device {self.name!r} stopped delivering audio (unplugged?).")

        rate = self.samplerate
        with _env_lock:
            old = os.environ.get("PULSE_SOURCE")
            if self.pulse_source:
                os.environ["PULSE_SOURCE"] = self.pulse_source
            try:
                self._stream = sd.InputStream(device=self.device, channels=1, samplerate=rate, dtype="float32",
                                              callback=callback, finished_callback=finished)
                self._stream.start()
            except (sd.PortAudioError, ValueError) as exc:
                raise AudioError(f"Cannot open the input {self.name!r}: {exc}. See `mosahebeh devices`.") from exc
            finally:
                if self.pulse_source:
                    if old is None:
                        os.environ.pop("PULSE_SOURCE", None)
                    else:
                        os.environ["PULSE_SOURCE"] = old

    def stop(self) -> None:
        self._stopping = True
        if self._stream is not None:
            try:
                self._stream.stop()
                self._stream.close()
            except Exception:  # an unplugged device may fail to close; its audio is already saved
                pass
            self._stream = None


class WasapiLoopbackSource(AudioSource):
    """What a Windows output device plays (WASAPI loopback), via PyAudioWPatch.

    Loopback delivers no blocks while nothing plays: the recorder places
    audio by time and fills those gaps with silence."""

    silent_ok = True

    def __init__(self, device_index: int, *, name: str, samplerate: int, channels: int, role: str = "remote"):
        self.index, self.name, self.samplerate, self.channels, self.role = device_index, name, samplerate, channels, role
        self._pa: Any = None
        self._stream: Any = None
        self._stopping = False

    def start(self, on_block: OnBlock, on_end: OnEnd) -> None:
        try:
            import pyaudiowpatch as pyaudio
        except ImportError as exc:
            raise AudioError("Recording what Windows plays needs PyAudioWPatch: pip install PyAudioWPatch.") from exc
        channels, clock = self.channels, time.monotonic

        def callback(in_data, frame_count, time_info, status):
            data = np.frombuffer(in_data, dtype=np.float32).reshape(-1, channels).mean(axis=1)
            on_block(data.astype(np.float32), clock(), bool(status & pyaudio.paInputOverflow))
            return None, pyaudio.paContinue

        self._pa = pyaudio.PyAudio()
        try:
            self._stream = self._pa.open(format=pyaudio.paFloat32, channels=channels, rate=self.samplerate, input=True,
                                         input_device_index=self.index, stream_callback=callback)
        except OSError as exc:
            raise AudioError(f"Cannot open {self.name!r} for loopback: {exc}.") from exc

    def stop(self) -> None:
        self._stopping = True
        if self._stream is not None:
            self._stream.stop_stream()
            self._stream.close()
        if self._pa is not None:
            self._pa.terminate()


class SimClock:
    """A clock that runs ``speed`` times faster than the real one (for fakes).

    Pass the same clock to the fake sources and to the recorder."""

    def __init__(self, speed: float = 1.0):
        self.speed = speed
        self._real0 = time.monotonic()
        self.t0 = 1000.0

    def __call__(self) -> float:
        return self.t0 + (time.monotonic() - self._real0) * self.speed

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds / self.speed)


class FakeSource(AudioSource):
    """Sine blocks on a simulated device clock, for tests.

    ``drift_ppm``: the device clock runs that much fast (+) or slow (−).
    ``gaps``: ``(start, length)`` seconds after start during which nothing
    is delivered (loopback during silence). ``beeps``: if given, the tone
    sounds only for ``beep_len`` seconds from each of these times, else it
    is continuous. ``overflow_every``: every n-th block is flagged.
    ``fail_after``: seconds after which the device "is unplugged"."""

    def __init__(self, *, role: str = "mic", name: str = "", samplerate: int = 16000, frequency: float = 440.0,
                 amplitude: float = 0.3, drift_ppm: float = 0.0, block: int = 320,
                 gaps: Sequence[tuple[float, float]] = (), beeps: Sequence[float] | None = None, beep_len: float = 0.05,
                 overflow_every: int = 0, fail_after: float | None = None, jitter: float = 0.004,
                 clock: Callable[[], float] | None = None, seed: int = 0):
        self.role, self.name, self.samplerate = role, name or f"fake-{role}", samplerate
        self.frequency, self.amplitude, self.block = frequency, amplitude, block
        self.true_rate = samplerate * (1 + drift_ppm * 1e-6)
        self.gaps, self.beeps, self.beep_len = list(gaps), beeps, beep_len
        self.overflow_every, self.fail_after, self.jitter = overflow_every, fail_after, jitter
        self.clock = clock or time.monotonic
        self._rng = np.random.default_rng(seed)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.started_at: float | None = None  # clock time of sample 0

    def signal(self, n0: int, n: int) -> np.ndarray:
        """Samples ``n0 .. n0+n`` as the device captured them."""
        idx = np.arange(n0, n0 + n)
        t = idx / self.true_rate
        out = self.amplitude * np.sin(2 * math.pi * self.frequency * t)
        if self.beeps is not None:
            on = np.zeros(n, dtype=bool)
            for b in self.beeps:
                on |= (t >= b) & (t < b + self.beep_len)
            out = np.where(on, out, 0.0)
        return out.astype(np.float32)

    def start(self, on_block: OnBlock, on_end: OnEnd) -> None:
        self.started_at = self.clock()
        self._thread = threading.Thread(target=self._run, args=(on_block, on_end), daemon=True, name=self.name)
        self._thread.start()

    def _in_gap(self, t: float) -> bool:
        return any(g <= t < g + length for g, length in self.gaps)

    def _run(self, on_block: OnBlock, on_end: OnEnd) -> None:
        assert self.started_at is not None  # set by start(), which runs this
        n, count = 0, 0
        while not self._stop.is_set():
            elapsed = self.clock() - self.started_at
            if self.fail_after is not None and elapsed >= self.fail_after:
                on_end(f"The device {self.name!r} stopped delivering audio (unplugged?).")
                return
            due = int(elapsed * self.true_rate)
            while n + self.block <= due and not self._stop.is_set():
                t_end = (n + self.block) / self.true_rate
                if not self._in_gap(n / self.true_rate):
                    count += 1
                    overflow = bool(self.overflow_every) and count % self.overflow_every == 0
                    arrival = self.started_at + t_end + float(self._rng.uniform(0, self.jitter))
                    on_block(self.signal(n, self.block), arrival, overflow)
                n += self.block
            time.sleep(0.002)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
