"""Whisper models recommended for Persian: what they cost and what they are reported to reach.

The figures are published ones, each with its source; none was measured here
(the machines this was written on cannot download models). Sizes are the
CTranslate2 download (``model.bin`` and its small companions). Speeds are
*estimates* in seconds of audio per second of work with faster-whisper's
defaults (beam 5): from the faster-whisper README benchmark (small, int8, 8
CPU threads: 13 min of audio in 1 min 42 s, about 7.6×; large-v2, float16 on
an RTX 3070 Ti: 13 min in 63 s, about 12×), scaled by the models' sizes. Use
"Compare models" on your own checked segments for figures that count.

>>> [m.key for m in RECOMMENDED][:2]
['large-v3', 'large-v3-turbo']
>>> round(queue_seconds(RECOMMENDED[0], 3600, device="cpu", threads=8))
3000
"""
from __future__ import annotations

from dataclasses import dataclass

FASTER_WHISPER_BENCHMARK = "github.com/SYSTRAN/faster-whisper#benchmark"
PESTE = "PESTE benchmark, FLEURS fa test (github.com/ArmanJR/PESTE-Benchmark)"
WHISPER_V3 = "OpenAI Whisper README, per-language chart, Common Voice 15 fa (github.com/openai/whisper)"
CONVERT = ("ct2-transformers-converter --model {source} --output_dir {key} "
           "--copy_files tokenizer.json preprocessor_config.json --quantization float16")


@dataclass(frozen=True)
class Recommended:
    key: str                  # the folder name it gets in the models folder, and the name to fetch it by
    repo_id: str              # the CTranslate2 repository on the hub ("" when a conversion is needed)
    download_bytes: int
    memory_cpu_gb: float      # RAM with int8 on the CPU
    memory_gpu_gb: float      # graphics memory with float16
    speed_cpu: float          # seconds of audio per second, int8, 8 threads (estimate)
    speed_gpu: float          # seconds of audio per second, float16 (estimate)
    wer: tuple                # published Persian figures: ((test set, WER %, CER % or None), ...)
    source: str               # where those figures come from
    note: str = ""
    convert_from: str = ""    # transformers checkpoint to convert, when there is no CTranslate2 copy

    @property
    def needs_conversion(self) -> bool:
        return not self.repo_id

    @property
    def wer_text(self) -> str:
        """``"19.8% (CER 6.0%) on FLEURS; 37.4% on Common Voice 15"``, or ``"not published"``."""
        return "; ".join(f"{w:.1f}%" + (f" (CER {c:.1f}%)" if c is not None else "") + f" on {test}"
                         for test, w, c in self.wer) or "not published"

    @property
    def convert_command(self) -> str:
        return CONVERT.format(source=self.convert_from, key=self.key) if self.convert_from else ""


RECOMMENDED: tuple[Recommended, ...] = (
    Recommended("large-v3", "Systran/faster-whisper-large-v3", 3_087_284_237, 3.1, 4.5, 1.2, 12.0,
                (("FLEURS", 19.8, 6.0), ("Common Voice 15", 37.4, None)), f"{PESTE}; {WHISPER_V3}",
                "The most accurate of OpenAI's models for Persian; slow on a CPU."),
    Recommended("large-v3-turbo", "mobiuslabsgmbh/faster-whisper-large-v3-turbo", 1_617_884_929, 1.8, 2.5,
                3.0, 35.0, (("FLEURS", 20.4, 6.5),), PESTE,
                "Nearly as accurate as large-v3 on FLEURS, several times faster; reported weaker on hard audio."),
    Recommended("medium", "Systran/faster-whisper-medium", 1_527_906_378, 1.6, 2.4, 2.4, 25.0,
                (), "", "A middle way on a CPU without a graphics card."),
    Recommended("small", "Systran/faster-whisper-small", 483_546_902, 0.8, 1.1, 7.6, 50.0,
                (), "",
                "Fast; for a first draft on an old laptop."),
    Recommended("whisper-fa-accuracy", "parseh/whisper-fa-accuracy-ct2", 3_087_000_000, 3.1, 4.5, 1.2, 12.0,
                (), "huggingface.co/parseh/whisper-fa-accuracy-ct2 (from nezamisafa/whisper-persian-v4)",
                "A Persian fine-tune of Whisper large, already converted to CTranslate2 (float16)."),
    Recommended("whisper-large-fa-v1", "", 1_617_000_000, 1.8, 2.5, 3.0, 35.0,
                (("persian-voice-v1.1", 14.1, None),), "huggingface.co/vhdm/whisper-large-fa-v1 (its own test set)",
                "A Persian fine-tune of large-v3-turbo in transformers format: convert it first, "
                "then add the folder.", convert_from="vhdm/whisper-large-fa-v1"),
)


def recommended(key: str) -> Recommended | None:
    """The catalogue entry named ``key`` (or whose repository is ``key``)."""
    for m in RECOMMENDED:
        if key in (m.key, m.repo_id):
            return m
    return None


# Speeds for models not in the catalogue, by the size of their model.bin (float16 bytes).
_BY_SIZE = ((200e6, 30.0, 100.0), (600e6, 7.6, 50.0), (1.6e9, 2.4, 25.0), (2.0e9, 3.0, 35.0), (1e12, 1.2, 12.0))


def speed_for(model_bytes: int, key: str = "") -> tuple[float, float]:
    """(CPU, GPU) seconds of audio per second for a model: the catalogue's, else guessed from its size."""
    entry = recommended(key) if key else None
    if entry is not None:
        return entry.speed_cpu, entry.speed_gpu
    for limit, cpu, gpu in _BY_SIZE:
        if model_bytes <= limit:
            return cpu, gpu
    return _BY_SIZE[-1][1:]


def queue_seconds(speed: Recommended | tuple[float, float], audio_seconds: float, *, device: str = "cpu",
                  threads: int = 8) -> float:
    """Estimated seconds to transcribe ``audio_seconds`` of audio. CPU speed is taken to
    grow with threads up to 8 and by half as much beyond (faster-whisper's own figures)."""
    cpu, gpu = (speed.speed_cpu, speed.speed_gpu) if isinstance(speed, Recommended) else speed
    if device == "cuda":
        return audio_seconds / gpu
    threads = max(1, threads)
    scale = threads / 8 if threads <= 8 else 1 + (threads - 8) / 16
    return audio_seconds / (cpu * scale)
