"""Listing inputs and opening one by name or number.

:func:`list_devices` gives every input the computer has: PortAudio inputs
(microphones, virtual devices such as BlackHole on macOS) and, on Linux,
every PulseAudio/PipeWire source, the ``.monitor`` of each output included
(that is the remote party of a call). On Windows with PyAudioWPatch, the
WASAPI loopback of each output. ``Device.number`` is the number
`mosahebeh devices` shows; :func:`open_source` takes that number, an exact
name, or a part of a name that matches one device only.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass

from transcribe.errors import AudioError
from transcribe.recording.sources import AudioSource, SoundDeviceSource, WasapiLoopbackSource, portaudio
from transcribe.worded import WordedList


@dataclass(frozen=True)
class Device:
    number: int
    name: str
    kind: str  # 'portaudio' | 'pulse' | 'loopback'
    is_monitor: bool  # what an output plays (the remote party)
    channels: int
    samplerate: int
    detail: str = ""
    default: bool = False
    index: int | None = None  # PortAudio / PyAudioWPatch device index

    def as_dict(self) -> dict:
        return asdict(self)


def _pulse_sources() -> list[tuple[str, str, int]]:
    """(name, sample spec, rate) of each PulseAudio/PipeWire source, or [] without a server."""
    if not sys.platform.startswith("linux") or not shutil.which("pactl"):
        return []
    try:
        out = subprocess.run(["pactl", "list", "short", "sources"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return []
    if out.returncode != 0:
        return []
    rows = []
    for line in out.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            rate = next((int(p[:-2]) for p in parts[3].split() if p.endswith("Hz") and p[:-2].isdigit()), 48000)
            rows.append((parts[1], parts[3], rate))
    return rows


def list_devices() -> list[Device]:
    """Every input that can be recorded, monitors included. Raises
    :class:`AudioError` if PortAudio itself is missing."""
    sd = portaudio()
    devices: list[Device] = []
    try:
        default_in = sd.default.device[0]
        hostapis = sd.query_hostapis()
        for i, d in enumerate(sd.query_devices()):
            if d["max_input_channels"] > 0:
                devices.append(Device(len(devices), d["name"], "portaudio", "monitor" in d["name"].lower(),
                                      d["max_input_channels"], int(d["default_samplerate"]),
                                      hostapis[d["hostapi"]]["name"], i == default_in, i))
    except sd.PortAudioError as exc:
        raise AudioError("Cannot list audio devices: {exc}.", exc=exc) from exc
    for name, spec, rate in _pulse_sources():
        devices.append(Device(len(devices), name, "pulse", name.endswith(".monitor"), 1, rate, spec))
    devices.extend(_wasapi_loopbacks(len(devices)))
    return devices


def _wasapi_loopbacks(start: int) -> list[Device]:
    if sys.platform != "win32":
        return []
    try:
        import pyaudiowpatch as pyaudio
    except ImportError:
        return []
    pa = pyaudio.PyAudio()
    try:
        return [Device(start + k, d["name"], "loopback", True, int(d["maxInputChannels"]), int(d["defaultSampleRate"]),
                       "WASAPI loopback", index=int(d["index"]))
                for k, d in enumerate(pa.get_loopback_device_info_generator())]
    finally:
        pa.terminate()


def loopback_hint() -> str:
    """What to install to record the remote party on this system, or ''."""
    if sys.platform == "win32":
        try:
            import pyaudiowpatch  # noqa: F401
        except ImportError:
            return "To record the other side of a call on Windows, install PyAudioWPatch (pip install PyAudioWPatch)."
    if sys.platform == "darwin":
        return "To record the other side of a call on macOS, install BlackHole and route the call's output to it."
    return ""


def find_device(spec: str | int | None, devices: list[Device] | None = None) -> Device | None:
    """The device ``spec`` names (number, exact name, or unique part of a name); None = the default input."""
    devices = list_devices() if devices is None else devices
    if not devices:
        raise AudioError("No audio input found: connect a microphone (or start PulseAudio/PipeWire) and try again.")
    if spec is None or str(spec) == "default":
        return next((d for d in devices if d.default), None)
    text = str(spec).strip()
    if text.isdigit():
        n = int(text)
        if n >= len(devices):
            raise AudioError("No input number {n}: there are {count}. Run `mosahebeh devices` to see them.", n=n, count=len(devices))
        return devices[n]
    exact = [d for d in devices if d.name == text]
    if exact:
        return exact[0]
    part = [d for d in devices if text.lower() in d.name.lower()]
    if len(part) == 1:
        return part[0]
    if part:
        raise AudioError("{text!r} matches {count} inputs ({items}); give its number or full name.", text=text, count=len(part), items=WordedList(d.name for d in part[:4]))
    raise AudioError("No input device matches {text!r}. Run `mosahebeh devices` to see them.", text=text)


def open_source(spec: str | int | None, role: str = "mic", samplerate: int | None = None,
                devices: list[Device] | None = None) -> AudioSource:
    """An :class:`AudioSource` for the device ``spec`` names (not started yet)."""
    devices = list_devices() if devices is None else devices
    device = find_device(spec, devices)
    if device is None:  # PortAudio's default input
        return SoundDeviceSource(None, role=role, name="default", samplerate=samplerate)
    if device.kind == "pulse":
        pulse = next((d for d in devices if d.kind == "portaudio" and d.name == "pulse"), None)
        if pulse is None:
            raise AudioError("{device_file} is a PulseAudio source, but PortAudio has no 'pulse' device: install the ALSA pulse plugin (Debian/Ubuntu: sudo apt install libasound2-plugins).", device_file=device.name)
        return SoundDeviceSource(pulse.index, role=role, name=device.name, pulse_source=device.name,
                                 samplerate=samplerate or device.samplerate)
    if device.kind == "loopback" and device.index is not None:
        return WasapiLoopbackSource(device.index, name=device.name, samplerate=device.samplerate,
                                    channels=device.channels, role=role)
    return SoundDeviceSource(device.index, role=role, name=device.name, samplerate=samplerate)
