"""``mosahebeh devices``: the inputs that can be recorded, monitors included."""
from __future__ import annotations

import json


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "devices", help="list audio inputs (microphones, and monitors = what the computer plays)",
        description="List audio inputs. Give a number or a name to `mosahebeh record --mic/--remote`. "
                    "On Linux a '.monitor' source records what an output plays: the remote party of a call.")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(func=run)


def run(args) -> int:
    from transcribe.recording.devices import list_devices, loopback_hint

    devices = list_devices()
    if args.json:
        print(json.dumps([d.as_dict() for d in devices], ensure_ascii=False, indent=1))
        return 0
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from desktop.messages.cli_output import isolate, num

        if not devices:
            print("هیچ ورودی صوتی‌ای پیدا نشد. میکروفونی وصل کنید یا PulseAudio/PipeWire را راه بیندازید.")
        for d in devices:
            tags = "، ".join(t for t in ("پیش‌فرض" if d.default else "", "صدای پخش‌شده" if d.is_monitor else "") if t)
            print(f"{num(d.number, '>3')}  {isolate(d.name)}  {num(d.channels)} کانال  {num(d.samplerate)} هرتز"
                  f"{'  [' + tags + ']' if tags else ''}")
        hint = loopback_hint()
        if hint:
            print(hint)
        return 0
    if not devices:
        print("No audio inputs found. Connect a microphone, or start PulseAudio/PipeWire.")
    for d in devices:
        tags = ", ".join(t for t in ("default" if d.default else "", "monitor" if d.is_monitor else "") if t)
        print(f"{d.number:>3}  {d.name:<40} {d.kind:<9} {d.channels:>2} ch {d.samplerate:>6} Hz"
              f"{'  [' + tags + ']' if tags else ''}")
    hint = loopback_hint()
    if hint:
        print(hint)
    return 0
