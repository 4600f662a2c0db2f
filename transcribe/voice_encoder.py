"""A speaker embedding per stretch of speech, in numpy: Resemblyzer's GE2E encoder without torch.

Resemblyzer 0.1.4 (Apache-2.0, on PyPI) ships its trained weights as
``resemblyzer/pretrained.pt`` inside its wheel. ``scripts/setup.sh`` installs that
package with ``--no-deps`` (it declares torch, librosa and webrtcvad, which we do
not need): only the weights file is read, never the package's code.

The file is in the legacy ``torch.save`` format: a few pickles one after the other
(magic number, protocol, system info, the object whose tensors point at numbered
storages, the storage keys), then each storage's raw little-endian bytes after an
8-byte element count. :func:`load_weights` reads that with :mod:`pickle` and numpy.

The network (GE2E, Wan et al. 2018, as trained by Resemblyzer): 40 mel bands of
25 ms frames every 10 ms at 16 kHz (a power spectrogram through a Slaney mel
filter bank, not logarithmic), three LSTM layers of 256, a linear layer of 256,
ReLU, and L2 normalisation of the last frame's output. An utterance's embedding
is the normalised mean of the embeddings of its 1.6 s partials (160 frames).

For example (a sketch, not run as a doctest)::

    encoder = VoiceEncoder()
    encoder.embed(samples_16k).shape          # (256,), unit length
"""
from __future__ import annotations

import importlib.util
import pickle
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from transcribe.errors import TranscribeError

SAMPLE_RATE = 16000
N_FFT = 400           # 25 ms
HOP = 160             # 10 ms
N_MELS = 40
PARTIAL_FRAMES = 160  # 1.6 s: what the encoder was trained on
HIDDEN = 256
LAYERS = 3
_DTYPES = {"FloatStorage": np.float32, "DoubleStorage": np.float64, "LongStorage": np.int64,
           "IntStorage": np.int32, "HalfStorage": np.float16, "ByteStorage": np.uint8, "BoolStorage": np.bool_}


class EncoderMissing(TranscribeError):
    """The speaker-embedding weights are not installed."""


def weights_path() -> Path:
    """Where the installed ``resemblyzer`` package keeps ``pretrained.pt`` (found without importing it:
    its ``__init__`` imports torch)."""
    spec = importlib.util.find_spec("resemblyzer")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / "pretrained.pt"
        if path.is_file():
            return path
    raise EncoderMissing("The speaker model is not installed: run scripts/setup.sh (it installs "
                         "{package} without its dependencies).", package="resemblyzer==0.1.4")


class _Storage:
    def __init__(self, key: str, dtype: Any, size: int):
        self.key, self.dtype, self.size = key, dtype, size


class _StorageType:
    def __init__(self, name: str):
        self.name = name


def _rebuild_tensor(storage: _Storage, offset: int, size: tuple, stride: tuple, *_: Any) -> dict:
    return {"storage": storage, "offset": offset, "size": tuple(size), "stride": tuple(stride)}


class _Unpickler(pickle.Unpickler):
    """Knows the few torch names a legacy checkpoint refers to, and nothing else."""

    def __init__(self, file: Any, storages: dict[str, _Storage]):
        super().__init__(file)
        self.storages = storages

    def find_class(self, module: str, name: str) -> Any:
        if module == "torch._utils" and name in ("_rebuild_tensor_v2", "_rebuild_tensor"):
            return _rebuild_tensor
        if module == "torch" and name in _DTYPES:
            return _StorageType(name)
        if module == "collections" and name == "OrderedDict":
            return OrderedDict
        if module == "torch.nn.modules.module" or module.startswith("torch"):
            raise pickle.UnpicklingError(f"unexpected {module}.{name} in the speaker model")
        return super().find_class(module, name)

    def persistent_load(self, pid: Any) -> _Storage:
        kind, storage_type, key, _location, size = pid[:5]
        if kind != "storage":
            raise pickle.UnpicklingError(f"unexpected persistent id {kind!r}")
        if key not in self.storages:
            self.storages[key] = _Storage(key, _DTYPES[storage_type.name], int(size))
        return self.storages[key]


@lru_cache(maxsize=2)
def load_weights(path: str | Path | None = None) -> dict[str, np.ndarray]:
    """The encoder's ``model_state`` as numpy arrays, read from a legacy ``torch.save`` file."""
    path = Path(path) if path is not None else weights_path()
    storages: dict[str, _Storage] = {}
    try:
        with open(path, "rb") as f:
            for _ in range(3):  # magic number, protocol version, system info
                pickle.load(f)
            checkpoint = _Unpickler(f, storages).load()
            keys = pickle.load(f)
            data: dict[str, np.ndarray] = {}
            for key in keys:
                count = int(np.frombuffer(f.read(8), "<i8")[0])
                st = storages.get(key)
                dtype = np.dtype(st.dtype if st else np.float32).newbyteorder("<")
                data[key] = np.frombuffer(f.read(count * dtype.itemsize), dtype)
    except (OSError, pickle.UnpicklingError, EOFError, KeyError, ValueError, IndexError) as exc:
        raise EncoderMissing("The speaker model {path} cannot be read ({reason}).", path=str(path),
                             reason=exc) from exc
    state = checkpoint["model_state"] if isinstance(checkpoint, dict) and "model_state" in checkpoint else checkpoint
    out: dict[str, np.ndarray] = {}
    for name, t in state.items():
        flat = data[t["storage"].key]
        item = flat.itemsize
        out[name] = np.lib.stride_tricks.as_strided(
            flat[t["offset"]:], shape=t["size"], strides=tuple(s * item for s in t["stride"])).astype(np.float32)
    return out


# -- the mel frontend ------------------------------------------------------------

def _hz_to_mel(f: np.ndarray | float) -> np.ndarray:
    """Slaney's mel scale: linear up to 1 kHz (3 mel per 200 Hz), logarithmic above."""
    f = np.asarray(f, dtype=np.float64)
    lin = f / (200.0 / 3)
    log_step = np.log(6.4) / 27.0
    return np.where(f >= 1000.0, 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / log_step, lin)


def _mel_to_hz(m: np.ndarray | float) -> np.ndarray:
    m = np.asarray(m, dtype=np.float64)
    log_step = np.log(6.4) / 27.0
    return np.where(m >= 15.0, 1000.0 * np.exp(log_step * (m - 15.0)), m * (200.0 / 3))


@lru_cache(maxsize=1)
def mel_filters() -> np.ndarray:
    """(40, 201) triangular filters from 0 Hz to 8 kHz on Slaney's scale, each with unit area."""
    fft_freqs = np.linspace(0, SAMPLE_RATE / 2, N_FFT // 2 + 1)
    edges = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(SAMPLE_RATE / 2), N_MELS + 2))
    widths = np.diff(edges)
    ramps = edges[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / widths[:-1, None]
    upper = ramps[2:] / widths[1:, None]
    weights = np.maximum(0, np.minimum(lower, upper))
    weights *= (2.0 / (edges[2:] - edges[:-2]))[:, None]
    return weights.astype(np.float32)


def mel_spectrogram(samples: np.ndarray) -> np.ndarray:
    """(frames, 40) mel power spectrogram of 16 kHz ``samples``: periodic Hann window of 400,
    hop 160, frames centred (the signal padded by reflection), power 2, then the filters."""
    x = np.asarray(samples, dtype=np.float32)
    pad = N_FFT // 2
    if len(x) <= pad:
        x = np.pad(x, (0, pad + 1 - len(x)))
    x = np.pad(x, (pad, pad), mode="reflect")
    n = 1 + (len(x) - N_FFT) // HOP
    frames = np.lib.stride_tricks.as_strided(x, shape=(n, N_FFT), strides=(x.strides[0] * HOP, x.strides[0]))
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)
    power = np.abs(np.fft.rfft(frames * window, axis=1)) ** 2
    return (power.astype(np.float32) @ mel_filters().T).astype(np.float32)


# -- the network -----------------------------------------------------------------

def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class VoiceEncoder:
    """The GE2E encoder's forward pass over a batch of mel windows."""

    def __init__(self, path: str | Path | None = None):
        w = load_weights(path)
        self.layers = [(w[f"lstm.weight_ih_l{i}"].T.copy(), w[f"lstm.weight_hh_l{i}"].T.copy(),
                        w[f"lstm.bias_ih_l{i}"] + w[f"lstm.bias_hh_l{i}"]) for i in range(LAYERS)]
        self.linear = (w["linear.weight"].T.copy(), w["linear.bias"])

    def forward(self, mels: np.ndarray) -> np.ndarray:
        """(batch, frames, 40) → (batch, 256) L2-normalised embeddings (the last frame's state)."""
        x = np.asarray(mels, dtype=np.float32)
        batch, steps, _ = x.shape
        for w_ih, w_hh, bias in self.layers:
            gates_in = (x.reshape(batch * steps, -1) @ w_ih + bias).reshape(batch, steps, 4 * HIDDEN)
            h = np.zeros((batch, HIDDEN), np.float32)
            c = np.zeros((batch, HIDDEN), np.float32)
            out = np.empty((batch, steps, HIDDEN), np.float32)
            for t in range(steps):
                g = gates_in[:, t] + h @ w_hh
                i, f = _sigmoid(g[:, :HIDDEN]), _sigmoid(g[:, HIDDEN:2 * HIDDEN])
                cand, o = np.tanh(g[:, 2 * HIDDEN:3 * HIDDEN]), _sigmoid(g[:, 3 * HIDDEN:])
                c = f * c + i * cand
                h = o * np.tanh(c)
                out[:, t] = h
            x = out
        w, b = self.linear
        raw = np.maximum(x[:, -1] @ w + b, 0.0)
        return raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)

    def embed_windows(self, samples: np.ndarray, spans: list[tuple[int, int]], batch: int = 256) -> np.ndarray:
        """One embedding per ``(start, end)`` sample span of ``samples``: each span's mel frames, cut or
        zero-padded to :data:`PARTIAL_FRAMES`. Spans are usually 1.6 s; a shorter one is padded with silence."""
        if not spans:
            return np.zeros((0, HIDDEN), np.float32)
        mel = mel_spectrogram(samples)
        windows = np.zeros((len(spans), PARTIAL_FRAMES, N_MELS), np.float32)
        for k, (a, b) in enumerate(spans):
            fa = a // HOP
            fb = min(max(fa + 1, b // HOP), fa + PARTIAL_FRAMES, len(mel))
            windows[k, :fb - fa] = mel[fa:fb]
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1, user_api="blas"):  # OpenBLAS's threads spin on these small products
            return np.concatenate([self.forward(windows[i:i + batch]) for i in range(0, len(spans), batch)])

    def embed(self, samples: np.ndarray, rate: float = 1.3, min_coverage: float = 0.75) -> np.ndarray:
        """One embedding for a whole utterance: the normalised mean over 1.6 s partials taken ``rate``
        times a second (the last one kept if at least ``min_coverage`` of it is audio)."""
        samples = np.asarray(samples, dtype=np.float32)
        step = max(1, int(round(SAMPLE_RATE / rate / HOP)))
        n_frames = int(np.ceil((len(samples) + 1) / HOP))
        starts = list(range(0, max(1, n_frames - PARTIAL_FRAMES + step + 1), step))
        if len(starts) > 1 and (len(samples) - starts[-1] * HOP) / (PARTIAL_FRAMES * HOP) < min_coverage:
            starts.pop()
        end = (starts[-1] + PARTIAL_FRAMES) * HOP
        if end > len(samples):
            samples = np.pad(samples, (0, end - len(samples)))
        partials = self.embed_windows(samples, [(s * HOP, (s + PARTIAL_FRAMES) * HOP) for s in starts])
        mean = partials.mean(axis=0)
        return mean / max(float(np.linalg.norm(mean)), 1e-9)


@lru_cache(maxsize=1)
def shared_encoder() -> VoiceEncoder:
    """The installed encoder, loaded once per process."""
    return VoiceEncoder()
