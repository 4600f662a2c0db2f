"""The command line's own output in Persian (``mosahebeh --lang fa …`` or a Persian locale), without Qt.

Each command keeps its English output as it was (tests compare it byte for byte) and, when the
language is Persian, prints what these functions word instead: the same facts and the same
columns, with Persian words (docs/GLOSSARY.md), Persian digits and «٪», and file names and other
Latin runs isolated (FSI … PDI) so they keep their order inside a right-to-left line.
"""
from __future__ import annotations

from typing import Any

from desktop.messages import isolate, persian_digits

# The nouns the store counts with (an import's, an export's, an archive's counts), in the singular
# that follows a Persian number («۶ مصاحبه»).
NOUNS = {
    "participants": "مشارکت‌کننده", "interviews": "مصاحبه", "segments": "بخش", "codings": "کدگذاری",
    "codes": "کد", "categories": "مقوله", "memos": "یادداشت", "notes": "یادداشت",
    "guide questions": "پرسش راهنمای مصاحبه", "glossary terms": "نام فهرست جایگزینی", "cases": "مورد",
    "media files": "فایل رسانه", "audio files": "فایل صوتی", "bookmarks": "نشانک", "marks": "نشانک",
    "transcripts": "متن پیاده‌شده", "sources": "منبع", "variables": "متغیر", "sets": "مجموعه",
    "users": "کاربر", "graphs": "نقشهٔ مفهومی", "attributes": "ویژگی", "coders": "کدگذار",
}
STATES = {"corrected": "بازبینی‌شده", "transcribed": "پیاده‌شده", "transcribing": "در حال پیاده‌سازی",
          "queued": "در صف", "failed": "پیاده‌سازی ناموفق", "recorded": "ضبط‌شده", "planned": "برنامه‌ریزی‌شده",
          "untranscribed": "پیاده‌نشده"}
MODES = {"whatsapp": "واتس‌اپ", "phone": "تلفن", "in-person": "حضوری", "video": "تماس تصویری", "other": "دیگر"}
WHY = {"manual": "دستی", "daily": "روزانه", "restore": "پیش از بازگردانی", "before-restore": "پیش از بازگردانی",
       "migration": "پیش از به‌روزرسانی"}


def num(value: Any, spec: str = "") -> str:
    """A number in Persian digits («٫» decimal, «٬» thousands)."""
    return persian_digits(format(value, spec))


def pct(share: float | None, spec: str = ".1f") -> str:
    """A share (0–1) as a Persian percent: «۹۸٫۲٪»; «—» when there is none."""
    return "—" if share is None else num(share * 100, spec) + "٪"


def counted(n: int, kind: str) -> str:
    """«۶ مصاحبه» for ``(6, "interviews")``; a kind with no Persian noun keeps its name, isolated."""
    return f"{num(n)} {NOUNS.get(kind, isolate(kind))}"


def counts(items: dict[str, int], skip_zero: bool = False) -> str:
    """A store's counts as «۶ مشارکت‌کننده، ۶ مصاحبه، …»."""
    return "، ".join(counted(n, k) for k, n in items.items() if n or not skip_zero)


def table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Columns padded as the English tables are, the first column first (a terminal that lays Persian out
    right to left shows it on the right)."""
    lines = [head, *rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in lines)


def path(value: Any) -> str:
    return isolate(str(value))


# --- export and import -------------------------------------------------------------------------

def exported(result: Any, paragraph: str | None = None) -> str:
    """What ``mosahebeh export`` tells in Persian (``result``: codebook.exchange.Exported)."""
    from desktop.messages import word

    kind = result.kind
    if kind == "qdpx":
        text = f"پروژهٔ REFI-QDA در {path(result.project.path)} ذخیره شد: {counts(result.project.counts)}."
        replaced = getattr(result.project, "replaced", None)
        return "\n".join([text, *(word(w, "fa") for w in result.project.warnings),
                          *([replaced_summary(replaced)] if replaced is not None else [])])
    if kind == "archive":
        return (f"بایگانی پژوهش در {path(result.project.path)} ذخیره شد: {counts(result.project.counts)}.\n"
                "همه‌چیز، از جمله نام واقعی و اطلاعات تماس مشارکت‌کنندگان، در این فایل هست؛ در نگهداری و "
                "به اشتراک گذاشتن آن همان احتیاطی را به کار ببرید که برای خود پوشهٔ پژوهش لازم است.")
    if kind == "qdc":
        return (f"کتاب کد ({counted(result.categories, 'categories')}، {counted(result.count, 'codes')}) "
                f"در {path(result.path)} ذخیره شد.")
    if kind == "transcript":
        return f"متن پیاده‌شدهٔ مصاحبهٔ {num(result.interview_id)} در {path(result.path)} ذخیره شد."
    if kind == "transcripts":
        return f"{counted(result.count, 'transcripts')} در {path(result.path)} ذخیره شد."
    if kind == "saturation":
        return f"نمودار اشباع در {path(result.path)} ذخیره شد.\n{paragraph or ''}".rstrip()
    what = {"frequencies": "جدول فراوانی کدها", "participants": "جدول ویژگی‌های مشارکت‌کنندگان",
            "quotes": "نقل‌قول‌ها", "codebook": "کتاب کد"}.get(kind, isolate(kind))
    return f"{what} در {path(result.path)} ذخیره شد."


def imported(result: Any) -> str:
    """What ``mosahebeh import`` tells in Persian (``result``: codebook.exchange.Imported)."""
    from desktop.messages import word

    if result.kind in ("qdpx", "archive"):
        project = result.project
        done = counts(project.counts, skip_zero=True) or "هیچ"
        lines = [f"وارد شد: {done}."]
        repairs = getattr(project, "repairs", None) or []
        if repairs:
            lines.append("ترمیم‌شده: " + "؛ ".join(word(r, "fa") for r in repairs) + ".")
        skipped = getattr(project, "skipped", None) or {}
        if skipped:
            lines.append("وارد نشد: " + "؛ ".join(f"{isolate(str(w))} ({num(n)})" for w, n in skipped.items()) + ".")
        lines += [word(w, "fa") for w in getattr(project, "warnings", None) or []]
        return "\n".join(lines)
    if result.kind == "qdc":
        c = result.codebook
        text = (f"کتاب کد وارد شد: {counted(c.categories, 'categories')} و {counted(c.added - c.categories, 'codes')} "
                f"افزوده شد و {num(c.reused)} مورد از پیش وجود داشت.")
        if c.repairs:
            text += "\nترمیم‌شده: " + "؛ ".join(word(r, "fa") for r in c.repairs) + "."
        return text
    done = (f"{counted(result.segments, 'segments')} از {path(result.path.name)} به مصاحبهٔ "
            f"{num(result.interview_id)} وارد شد.")
    said = [NOTES[k].replace("%1", num(v)) for k, v in getattr(result.segments, "notes", {}).items() if k in NOTES]
    if said:  # what the import skipped or changed is said, never silent
        done += "\nآنچه عیناً وارد نشد: " + "؛ ".join(said) + "."
    return done


NOTES = {"unreadable": "%1 بخش با زمانی که خوانده نمی‌شود (کنار گذاشته شد)",
         "past_end": "%1 بخش که پس از پایان صدا شروع می‌شود (کنار گذاشته شد)",
         "clamped": "%1 بخش که پس از پایان صدا تمام می‌شود (در پایان صدا بریده شد)",
         "negative": "%1 بخش با زمان منفی (صفر شد)",
         "control": "%1 نویسهٔ کنترلی حذف شد"}


# --- backups, coders, interviews, participants --------------------------------------------------

def backup_made(made: Any) -> str:
    return f"از پژوهش نسخهٔ پشتیبان گرفته شد: {path(made.path)} ({num(made.size / 1e6, '.1f')} مگابایت)."


def restored(name: str, before: str) -> str:
    return f"{path(name)} بازگردانی شد. پژوهش آن‌گونه که بود با نام {path(before)} نگه داشته شد."


def backup_line(b: Any) -> str:
    made = persian_digits(f"{b.made:%Y-%m-%d %H:%M}")
    return f"{made}  {num(b.size / 1e6, '7.1f')} مگابایت  {WHY.get(b.why, b.why):<16} {path(b.path.name)}"


def no_backups(folder: Any) -> str:
    return f"در {path(folder)} هنوز نسخهٔ پشتیبانی نیست."


def coders_renamed(old: str, new: str, n: int) -> str:
    return f"نام کدگذار «{isolate(old)}» روی {counted(n, 'codings')} به «{isolate(new)}» تغییر کرد."


def coder_line(name: str, n: int) -> str:
    return f"{num(n, '>6')}  {name or '(بدون نام کدگذار)'}"


NO_CODINGS = "هنوز کدگذاری‌ای نیست."


def interviews_table(rows: list[dict]) -> str:
    from codebook.dates import format_hms
    from codebook.safety import terminal_text

    head = ("شناسه", "عنوان", "مشارکت‌کننده", "تاریخ", "شیوهٔ برگزاری", "مدت", "وضعیت", "بازبینی‌شده")
    out = []
    for r in rows:
        status = STATES.get(r["status"], r["status"]) + (" · کدگذاری‌شده" if r["coded"] else "")
        duration = persian_digits(format_hms(r["duration_s"] * 1000)) if r["duration_s"] is not None else ""
        out.append((num(r["id"]), terminal_text(r["title"] or ""), terminal_text(r["participant"] or ""),
                    persian_digits(terminal_text(r["date"] or "")), MODES.get(r["mode"] or "", terminal_text(r["mode"] or "")),
                    duration, status, f"{num(round(r['checked'] * 100))}٪" if r["segments"] else ""))
    return table(head, out)


def participants_table(rows: list[dict]) -> str:
    head = ("شناسه", "نام مستعار", "معرف", "مصاحبه‌ها", "ویژگی‌ها")
    out = [(num(r["id"]), r["pseudonym"], r["referrer"] or "", "، ".join(num(i) for i in r["interviews"]),
            "؛ ".join(f"{k}={v}" for k, v in r["attributes"].items())) for r in rows]
    return table(head, out)


# --- saturation, agreement, wer ------------------------------------------------------------------

def saturation_report(result: Any, labels: list[str], paragraph: str) -> str:
    """``mosahebeh saturation``'s table and verdicts in Persian (the English report's facts, one for one)."""
    lines = []
    width = max([len("مصاحبه")] + [len(str(x)) for x in labels])
    lines.append(f"{'#':>3}  {'مصاحبه':<{width}}  {'کدها':>5}  {'جدید':>5}  {'تجمعی':>5}")
    for n, (label, u, new, cum) in enumerate(zip(labels, result.codes_used, result.new_codes,
                                                 result.cumulative), start=1):
        lines.append(f"{num(n, '>3')}  {label:<{width}}  {num(u, '>5')}  {num(new, '>5')}  {num(cum, '>5')}")
    if not labels:
        lines.append("(هنوز هیچ مصاحبه‌ای متن پیاده‌شده ندارد)")
    g = result.guest
    lines.append("")
    lines.append(f"گست، نِیمی و چن (۲۰۲۰): اندازهٔ پایه {counted(g.base, 'interviews')} با {counted(g.base_codes, 'codes')}، "
                 f"طول دنباله {num(g.run)}، آستانهٔ اطلاعات جدید حداکثر {pct(g.threshold, '.0f')}")
    for r in g.runs:
        lines.append(f"  دنبالهٔ {num(r.first)} تا {num(r.last)}: {num(r.new)} کد جدید، {pct(r.ratio)}")
    if g.saturated:
        lines.append(f"  اشباع در \u2066{persian_digits(g.label)}\u2069")
    elif g.assessable:
        lines.append("  اشباع حاصل نشد")
    else:
        lines.append("  هنوز قابل ارزیابی نیست")
    f = result.francis
    lines.append(f"فرانسیس و همکاران (۲۰۱۰): نمونهٔ آغازین {num(f.initial)}، معیار توقف {num(f.stop)}: "
                 + (f"اشباع در مصاحبهٔ {num(f.at)}" if f.saturated else "اشباع حاصل نشد"))
    r = result.permutations
    if r.k:
        spread = (f"میانهٔ X {num(r.median_x, 'g')}، صدک‌های پنجم و نود و پنجم X: {num(r.p5_x, 'g')} تا {num(r.p95_x, 'g')}"
                  if r.median_x is not None else "در هیچ ترتیبی اشباع حاصل نشد")
        lines.append(f"پایداری در برابر ترتیب ({num(r.k, ',')} ترتیب تصادفی): اشباع در {pct(r.share_saturated)} ترتیب‌ها؛ {spread}")
    found = result.cumulative[-1] if result.cumulative else 0
    share = f" ({pct(result.found_share, '.0f')} شناسایی شده)" if result.found_share is not None else ""
    lines.append(f"برآورد Chao2 از کل کدها: {num(result.chao2, '.1f')}؛ شناسایی‌شده: {num(found)}{share}")
    lines.append("")
    lines.append(paragraph)
    return "\n".join(lines) + "\n"


def agreement_report(result: Any, sentence: str) -> str:
    """``mosahebeh agreement``'s table in Persian (the English report's columns, one for one)."""
    def coef(x: float | None) -> str:
        return "—" if x is None else num(x, "5.2f")

    unit = {"segment": "بخش متن", "span": "بازهٔ کدگذاری‌شده"}.get(result.unit, result.unit)
    width = max([len("کد")] + [len(c.code) for c in result.codes])
    overlap = f" (هم‌پوشانی {num(result.overlap, 'g')})" if result.overlap is not None else ""
    interviews = "، ".join(num(i) for i in result.interviews) or "هیچ"
    lines = [f"کدگذاران: {isolate(result.coders[0])} و {isolate(result.coders[1])}؛ واحد تحلیل: {unit}{overlap}؛ مصاحبه‌ها: {interviews}",
             f"{'کد':<{width}}  {'واحدها':>6}  {'درصد توافق':>10}  {'کاپا':>5}  {'آلفا':>5}"]
    for c in result.codes:
        lines.append(f"{c.code:<{width}}  {num(c.units, '>6')}  {pct(c.percent):>10}  {coef(c.kappa):>5}  {coef(c.alpha):>5}")
    o = result.overall
    lines.append(f"{'همهٔ کدها':<{width}}  {num(o.units, '>6')}  {pct(o.percent):>10}  {coef(o.kappa):>5}  {coef(o.alpha):>5}")
    lines.append("")
    lines.append(sentence)
    lines.append(f"موارد عدم توافق: {num(len(result.disagreements))}")
    return "\n".join(lines) + "\n"


def wrote(out: Any) -> str:
    return f"در {path(out)} ذخیره شد."


def wer_lines(rates: Any) -> str:
    return "\n".join([
        f"نرخ خطای واژه (WER): {pct(rates.wer)} ({num(rates.word_errors)} خطا در {num(rates.ref_words)} واژه)",
        f"نرخ خطای نویسه (CER): {pct(rates.cer)} ({num(rates.char_errors)} خطا در {num(rates.ref_chars)} نویسه)",
        "(پس از یکسان‌سازی فارسی: گونه‌های حروف (ي/ی ك/ک)، نگارش کسرهٔ اضافه و همزه، ارقام و اعراب یکسان شده‌اند؛ "
        "نشانه‌های نگارشی نادیده گرفته شده‌اند؛ فاصله، نیم‌فاصله یا سرهم‌نویسی میان اجزای واژه خطا شمرده نمی‌شود.)",
    ])


# --- models ----------------------------------------------------------------------------------------

def size(n: int) -> str:
    """``145217532`` → «۱۴۵ مگابایت» (as transcribe.models.format_size, in Persian)."""
    for unit, scale in (("گیگابایت", 1e9), ("مگابایت", 1e6), ("کیلوبایت", 1e3)):
        if n >= scale:
            return f"{num(n / scale, '.3g' if scale == 1e9 else '.0f')} {unit}"
    return f"{num(n)} بایت"


def models_list(models: list[Any], chosen: str) -> str:
    """``mosahebeh models list``: «*» marks the model in use; names stay as they are (isolated)."""
    lines = []
    for m in models:
        mark = "*" if m.name == chosen else " "
        name = "Whisper base همراه برنامه" if m.bundled else isolate(m.name)
        extra = f" (از {isolate(str(m.source))})" if m.source and not m.bundled else ""
        lines.append(f"{mark} {name}  {size(m.size_bytes)}{extra}")
    if chosen not in {m.name for m in models}:
        lines.append(f"! در حال استفاده: {isolate(chosen)} (در پوشهٔ مدل‌ها نیست)")
    return "\n".join(lines)


def model_in_use(name: str, device: str, compute: str, threads: int, decode: str) -> str:
    """``mosahebeh models use``: what transcribes from now on."""
    where = {"cpu": "پردازنده", "cuda": "کارت گرافیک"}.get(device, isolate(device))
    how = {"accurate": "دقیق", "fast": "سریع"}.get(decode, isolate(decode))
    shown = "Whisper base همراه برنامه" if name == "bundled" else isolate(name)
    return (f"در حال استفاده: {shown} روی {where} ({isolate(compute)}، {num(threads)} رشته)، "
            f"شیوهٔ رمزگشایی: {how}.")


def offline_hint(folder: Any) -> str:
    """transcribe.choice.OFFLINE_HINT in Persian."""
    return ("برای به کار بردن مدلی بزرگ‌تر بدون اینترنت، پوشهٔ CTranslate2 آن (یا فایل \u2068.zip/.tar\u2069 آن) را از رایانهٔ "
            "دیگری بیاورید و از تنظیمات › مدل‌ها › افزودن از فایل، یا با "
            f"{isolate('mosahebeh models add PATH')} بیفزایید؛ مدل‌ها در {path(folder)} نگه داشته می‌شوند.")


# --- pseudonymisation --------------------------------------------------------------------------------

WHY_FA = {"inside a longer word": "درون واژه‌ای بلندتر", "one letter different": "یک حرف متفاوت",
          "part of a real name": "بخشی از یک نام واقعی"}


def replaced_summary(report: Any) -> str:
    """codebook.pseudonymise.Report.summary in Persian (the arrow points the reading way: «←»)."""
    if not report.total:
        text = "هیچ نامی از فهرست جایگزینی یا نام واقعی مشارکت‌کنندگان در متن خروجی پیدا نشد."
    else:
        lines = [f"{term} ← {report.replacements[term]}: {num(n)}" for term, n in report.counts.most_common()]
        text = f"{num(len(report.counts))} نام در مجموع {num(report.total)} بار جایگزین شد: " + "؛ ".join(lines)
    near = list(dict.fromkeys(report.near_misses))
    if near:
        said = [f"«{m.found}»" + (f" در {isolate(m.place)}" if m.place else "") + f" به «{m.term}» شبیه است "
                f"({WHY_FA.get(m.why, isolate(m.why))})؛ جایگزین نشد." for m in near]
        text += f"\nاین {num(len(near))} مورد را بررسی کنید: به نامی شبیه‌اند اما جایگزین نشدند:\n  " + "\n  ".join(said)
    return text


# --- merge ---------------------------------------------------------------------------------------------

HOW_FA = {"audio": "از روی صدا", "text": "از روی متن پیاده‌شده", "guid": "از روی شناسه", "name": "از روی نام"}


def merge_summary(plan: Any) -> str:
    """codebook.merge.MergePlan.summary in Persian: what a merge adds, matches and leaves out."""
    lines = [f"ادغام از {path(plan.source)}:"]
    lines.append(f"  مصاحبه‌های تطبیق‌یافته: {num(len(plan.matched_interviews))} از {num(len(plan.interviews))}")
    for x in plan.interviews:
        where = (f"مصاحبهٔ {num(x.mine_id)} ({HOW_FA.get(x.how, isolate(x.how))})" if x.mine_id is not None
                 else "کنار گذاشته شد: مصاحبهٔ متناظری ندارد")
        lines.append(f"    {x.label}: {where}، {counted(x.codings, 'codings')}")
    matched = [c for c in plan.codes if c.mine_id is not None]
    lines.append(f"  کدهای تطبیق‌یافته: {num(len(matched))} ({num(sum(c.how == 'guid' for c in matched))} از روی شناسه، "
                 f"{num(sum(c.how == 'name' for c in matched))} از روی نام)؛ کدهای افزوده: {num(len(plan.added_codes))}")
    for c in matched:
        if c.name != c.mine_name:
            lines.append(f"    {c.name} ← {c.mine_name} ({HOW_FA.get(c.how, isolate(c.how))})")
    for c in plan.added_codes:
        lines.append(f"    + {c.name}" + (f" (در {c.category})" if c.category else ""))
    flagged = sum(c.flagged for c in plan.codings)
    lines.append(f"  کدگذاری‌های افزوده: {num(len(plan.codings))}"
                 + "".join(f"؛ {num(n)} از {isolate(name) if name else '(بدون نام کدگذار)'}" for name, n in plan.coders.items())
                 + f"؛ از پیش موجود: {num(plan.already)}؛ کنار گذاشته: {num(plan.left)}"
                 + (f"؛ نشان‌دار برای بازبینی: {num(flagged)}" if flagged else ""))
    return "\n".join(lines) + "\n"

ROLES = {"mic": "میکروفون", "remote": "طرف دیگر تماس", "interviewer": "مصاحبه‌گر", "participant": "مشارکت‌کننده"}
