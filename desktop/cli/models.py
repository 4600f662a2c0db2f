"""``mosahebeh models``: the Whisper models on this computer, fetching, adding and comparing them.

    mosahebeh models list [--recommended] [--json]
    mosahebeh models fetch NAME [--endpoint URL] [--proxy URL]
    mosahebeh models add PATH [--name NAME] [--link]
    mosahebeh models remove NAME
    mosahebeh models use NAME [--device auto|cpu|cuda] [--compute-type T] [--threads N] [--decode accurate|fast]
    mosahebeh models compare --study PATH [--models A B ...] [--segments N] [--json]

Only ``fetch`` goes online (to HF_ENDPOINT, a mirror, when it is set). ``add``
takes a model folder or a .zip/.tar of one: the way in without internet.
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from codebook.dates import format_hms
from desktop.cli.transcribe import cancel_on_sigterm


def register(subparsers) -> None:
    p = subparsers.add_parser("models", help="list, fetch, add, remove, choose and compare Whisper models",
                              description=__doc__.split("\n\n", 1)[0].replace("``", ""))
    sub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    ls = sub.add_parser("list", help="installed models with their size and which is in use")
    ls.add_argument("--recommended", action="store_true",
                    help="the models recommended for Persian, with size, memory, speed and published WER")
    ls.add_argument("--json", action="store_true", help="print JSON")
    fetch = sub.add_parser("fetch", help="download a model from the Hugging Face hub or a mirror (resumable)")
    fetch.add_argument("name", metavar="NAME", help="a recommended name (large-v3, large-v3-turbo, medium, "
                       "small, whisper-fa-accuracy) or a hub id owner/name of a CTranslate2 model")
    fetch.add_argument("--endpoint", metavar="URL", help="hub or mirror address (default: $HF_ENDPOINT, "
                       "else https://huggingface.co)")
    fetch.add_argument("--proxy", metavar="URL", help="HTTP(S) proxy, e.g. http://127.0.0.1:8080")
    fetch.add_argument("--use", action="store_true", help="use the model once it is fetched")
    fetch.add_argument("--progress-json", action="store_true", help=argparse.SUPPRESS)
    add = sub.add_parser("add", help="add a model from a folder or a .zip/.tar of one (works offline)")
    add.add_argument("path", metavar="PATH")
    add.add_argument("--name", help="name to give it (default: from the file or folder name)")
    add.add_argument("--link", action="store_true", help="link a folder instead of copying it")
    add.add_argument("--use", action="store_true", help="use the model once it is added")
    rm = sub.add_parser("remove", help="delete an installed model (never the bundled one)")
    rm.add_argument("name", metavar="NAME")
    use = sub.add_parser("use", help="choose the model (and device) for transcription")
    use.add_argument("name", metavar="NAME", help="an installed model's name, or 'bundled'")
    use.add_argument("--device", choices=["auto", "cpu", "cuda"], help="where to run it (default: auto)")
    use.add_argument("--compute-type", metavar="T",
                     help="int8 (CPU default), float16 (GPU default), int8_float16, float32")
    use.add_argument("--threads", type=int, metavar="N", help="CPU threads (default: all cores)")
    use.add_argument("--decode", choices=["accurate", "fast"],
                     help="accurate (default): beam search, best on long answers and phone calls; "
                          "fast: greedy, about 1.5x less CPU")
    cmp = sub.add_parser("compare", help="re-transcribe a study's checked segments with each model: WER, CER, speed")
    cmp.add_argument("--study", metavar="PATH", required=True)
    cmp.add_argument("--models", nargs="+", metavar="M", help="models to compare (default: all installed)")
    cmp.add_argument("--segments", type=int, metavar="N", help="at most N checked segments, shortest first")
    cmp.add_argument("--language", default="fa", metavar="LANG")
    cmp.add_argument("--json", action="store_true", help="print one JSON object")
    cmp.add_argument("--progress-json", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args) -> int:
    return {"list": _list, "fetch": _fetch, "add": _add, "remove": _remove, "use": _use,
            "compare": _compare}[args.models_command](args)


def _size(n: int) -> str:
    from transcribe.models import format_size
    return format_size(n)


def _list(args) -> int:
    from transcribe.installed import installed, offline_hint, selected_model

    if args.recommended:
        from transcribe.catalog import RECOMMENDED

        have = {m.name for m in installed()}
        rows = [{"name": m.key, "repo_id": m.repo_id, "download_bytes": m.download_bytes,
                 "memory_cpu_gb": m.memory_cpu_gb, "memory_gpu_gb": m.memory_gpu_gb,
                 "speed_cpu": m.speed_cpu, "speed_gpu": m.speed_gpu,
                 "wer": [{"test_set": t, "wer": w, "cer": c} for t, w, c in m.wer], "wer_text": m.wer_text,
                 "source": m.source,
                 "note": m.note, "convert": m.convert_command, "installed": m.key in have} for m in RECOMMENDED]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False))
            return 0
        for r in rows:
            mark = " (installed)" if r["installed"] else ""
            print(f"{r['name']}{mark}: {_size(r['download_bytes'])}, {r['memory_cpu_gb']:g} GB RAM (CPU, int8) / "
                  f"{r['memory_gpu_gb']:g} GB on a GPU; about {r['speed_cpu']:g}× real time on 8 CPU threads, "
                  f"{r['speed_gpu']:g}× on a GPU")
            print(f"    Persian WER: {r['wer_text']}" + (f" [{r['source']}]" if r["source"] else ""))
            print(f"    {r['note']}")
            print(f"    {'convert first: ' + r['convert'] if r['convert'] else 'mosahebeh models fetch ' + r['name']}")
        return 0
    models = installed()
    chosen = selected_model() or "bundled"
    if args.json:
        print(json.dumps([{**m.to_dict(), "in_use": m.name == chosen} for m in models], ensure_ascii=False))
        return 0
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from desktop.messages import cli_output
        from transcribe.paths import models_dir

        print(cli_output.models_list(models, chosen))
        if all(m.bundled for m in models):
            print(cli_output.offline_hint(models_dir()), file=sys.stderr)
        return 0
    for m in models:
        mark = "*" if m.name == chosen else " "
        extra = " (bundled)" if m.bundled else (f" (from {m.source})" if m.source else "")
        print(f"{mark} {m.name:<28} {_size(m.size_bytes):>8}{extra}")
    if chosen not in {m.name for m in models}:
        print(f"! in use: {chosen} (not in the models folder)")
    if all(m.bundled for m in models):
        print(offline_hint(), file=sys.stderr)
    return 0


class _FetchReporter:
    def __init__(self, as_json: bool, fa: bool = False):
        self.as_json, self.last, self.fa = as_json, 0.0, fa

    def __call__(self, p) -> None:
        if self.as_json:
            print(json.dumps({"fetch": p.to_dict()}), flush=True)
            return
        now = time.monotonic()
        if now - self.last < 0.5 and p.done < p.total:
            return
        self.last = now
        share = p.done / p.total * 100 if p.total else 0.0
        if self.fa:
            from desktop.messages.cli_output import isolate, num, size

            rate = f"، {size(int(p.rate))} در ثانیه" if p.rate > 0 else ""
            eta = f"، حدود {num(format_hms(p.eta * 1000))} مانده" if p.eta >= 0 and p.done < p.total else ""
            print(f"در حال دریافت {isolate(p.file)}: {size(p.done)} از {size(p.total)} ({num(share, '.1f')}٪){rate}{eta}",
                  file=sys.stderr, flush=True)
            return
        rate = f", {_size(int(p.rate))}/s" if p.rate > 0 else ""
        eta = f", about {format_hms(p.eta * 1000)} left" if p.eta >= 0 and p.done < p.total else ""
        print(f"fetching {p.file}: {_size(p.done)} of {_size(p.total)} ({share:.1f}%){rate}{eta}",
              file=sys.stderr, flush=True)


def _fetch(args) -> int:
    from desktop.cli import cli_language
    from desktop.messages import word
    from desktop.messages.cli_output import isolate, path
    from transcribe.hub import FetchCancelled, endpoint_url, fetch
    from transcribe.installed import select

    fa = cli_language(args) == "fa"
    print(f"در حال دریافت {isolate(args.name)} از {path(endpoint_url(args.endpoint))} …" if fa
          else f"Fetching {args.name} from {endpoint_url(args.endpoint)} …", file=sys.stderr, flush=True)
    try:
        folder = fetch(args.name, endpoint=args.endpoint, proxy=args.proxy,
                       on_progress=_FetchReporter(args.progress_json, fa), cancel=cancel_on_sigterm())
    except FetchCancelled as exc:
        print(f"mosahebeh: {word(exc, 'fa' if fa else 'en')}", file=sys.stderr)
        return 130
    if args.use:
        select(folder.name)
    if args.progress_json:
        print(json.dumps({"done": {"name": folder.name, "path": str(folder)}}), flush=True)
    print(f"دریافت و وارسی شد: {isolate(folder.name)} در {path(folder)}." if fa
          else f"Fetched and verified: {folder.name} in {folder}.", file=sys.stderr)
    return 0


def _add(args) -> int:
    from transcribe.installed import add_model, select

    model = add_model(args.path, name=args.name, link=args.link)
    if args.use:
        select(model.name)
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from desktop.messages.cli_output import isolate, path, size

        print(f"مدل {isolate(model.name)} ({size(model.size_bytes)}) در {path(model.path)} افزوده شد."
              + (" اکنون به کار می‌رود." if args.use
                 else f" برای به کار بردن آن: {isolate('mosahebeh models use ' + model.name)}"))
        return 0
    print(f"Added {model.name} ({_size(model.size_bytes)}) in {model.path}."
          + (" It is now in use." if args.use else f" Use it with: mosahebeh models use {model.name}"))
    return 0


def _remove(args) -> int:
    from transcribe.installed import remove

    folder = remove(args.name)
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from desktop.messages.cli_output import isolate, path

        print(f"مدل {isolate(args.name)} حذف شد ({path(folder)}).")
        return 0
    print(f"Removed {args.name} ({folder}).")
    return 0


def _use(args) -> int:
    from transcribe.installed import select
    from transcribe.models import device_options

    device = {}
    if args.device is not None:
        device["device"] = None if args.device == "auto" else args.device
    if args.compute_type is not None:
        device["compute_type"] = args.compute_type
    if args.threads is not None:
        device["cpu_threads"] = args.threads
    if args.decode is not None:
        device["decode"] = args.decode
    chosen = select(args.name, **device)
    opts = device_options()
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from desktop.messages.cli_output import model_in_use

        print(model_in_use(chosen["model"] or "bundled", opts["device"], opts["compute_type"], opts["cpu_threads"],
                           chosen.get("decode") or "accurate"))
        return 0
    print(f"In use: {chosen['model'] or 'bundled'} on {opts['device']} ({opts['compute_type']}, "
          f"{opts['cpu_threads']} threads), {chosen.get('decode') or 'accurate'} decoding.")
    return 0


def _compare(args) -> int:
    from codebook.compare_models import compare_models
    from codebook.study import Study
    from transcribe.whisper import Cancelled

    last = [0.0]

    def progress(fraction: float, model: str) -> None:
        if args.progress_json:
            print(json.dumps({"progress": round(fraction, 4), "model": model}), flush=True)
        elif time.monotonic() - last[0] > 0.5 or fraction >= 1:
            last[0] = time.monotonic()
            print(f"comparing ({model}): {fraction * 100:5.1f}%", file=sys.stderr, flush=True)

    with Study.open(args.study) as study:
        try:
            result = compare_models(study, args.models, limit=args.segments, language=args.language,
                                    on_progress=progress, cancel=cancel_on_sigterm())
        except Cancelled:
            print("mosahebeh: comparison cancelled.", file=sys.stderr)
            return 130
    from desktop.cli import cli_language
    from desktop.messages import word

    for m in result.models:  # why a model was not compared, in the language of the command (the app's, for its worker)
        if m.error:
            m.error = word(m.error, cli_language(args))
    if args.json or args.progress_json:
        print(json.dumps({"comparison": result.to_dict()} if args.progress_json else result.to_dict(),
                         ensure_ascii=False), flush=True)
        return 0
    if cli_language(args) == "fa":
        from desktop.messages.cli_output import isolate, num, pct

        print(f"{num(result.segments)} بخش بازبینی‌شده، {num(result.audio_seconds, '.1f')} ثانیه صدا:")
        for m in result.models:
            name = "Whisper base همراه برنامه" if m.model == "bundled" else isolate(m.model)
            if m.error:
                print(f"  {name}  مقایسه نشد: {m.error}")
            else:
                print(f"  {name}  نرخ خطای واژه (WER) {pct(m.wer)} — نرخ خطای نویسه (CER) {pct(m.cer)} — "
                      f"{num(m.speed, '.2f')} برابر زمان واقعی ({num(m.seconds, '.1f')} ثانیه، بارگذاری "
                      f"{num(m.load_seconds, '.1f')} ثانیه)")
        return 0
    print(f"{result.segments} checked segments, {result.audio_seconds:.1f} s of audio:")
    for m in result.models:
        if m.error:
            print(f"  {m.model:<28} not compared: {m.error}")
        else:
            print(f"  {m.model:<28} WER {m.wer * 100:5.1f}%  CER {m.cer * 100:5.1f}%  "
                  f"{m.speed:.2f}× real time ({m.seconds:.1f} s, loading {m.load_seconds:.1f} s)")
    return 0
