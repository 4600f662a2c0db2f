"""The sentence for the paper: which model, which prompt, how many suggestions were accepted, and the agreement
between the researcher and the model as a second coder (:mod:`codebook.agreement`, unchanged)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from codebook import agreement
from codebook.errors import StudyError
from codebook.suggestions.store import Suggestions, coder_name

if TYPE_CHECKING:
    from codebook.study import Study


def paper_sentence(study: Study, researcher: str, model: str | None = None, *, unit: str = "segment",
                   lang: str = "en") -> str:
    """What a methods section says about a model's suggestions (the latest run's model by default), in
    English or Persian (``lang="fa"``)."""
    repo = Suggestions(study)
    runs = [r for r in repo.runs() if model is None or r.model == model]
    if not runs:
        if model is None:
            raise StudyError("No suggestions were asked of a model in this study.")
        raise StudyError("No suggestions were asked of {model} in this study.", model=model)
    model = runs[-1].model
    runs = [r for r in runs if r.model == model]
    counts = {"pending": 0, "accepted": 0, "rejected": 0}
    for r in runs:
        for k, v in repo.counts(r.id).items():
            counts[k] += v
    versions = sorted({r.prompt_version for r in runs})
    dropped = sum(r.dropped for r in runs)
    invalid = sum(r.invalid for r in runs)
    total = sum(counts.values())
    if lang == "fa":
        return _fa(study, researcher, model, runs, counts, versions, dropped, invalid, total, unit)
    text = (f"Coding suggestions were made by the language model {model} (prompt {', '.join(versions)}, "
            f"{'pseudonymised' if all(r.pseudonymised for r in runs) else 'not pseudonymised'} text; the codes' "
            f"descriptions and memos as the coding rules); of {total} suggestion{'s' if total != 1 else ''} "
            f"anchored to the transcript, {counts['accepted']} were accepted, {counts['rejected']} rejected and "
            f"{counts['pending']} left unreviewed ({dropped} quote{'s' if dropped != 1 else ''} not found in the "
            f"text and {invalid} answer{'s' if invalid != 1 else ''} outside the schema were discarded).")
    coder = coder_name(model)
    try:
        result = agreement.compute(study, researcher, coder, unit=unit)
    except StudyError:
        return text + f" No interview has codings by both {researcher} and {coder} yet."
    return text + " " + agreement.sentence(result, "en")


def _fa(study: Study, researcher: str, model: str, runs, counts, versions, dropped, invalid, total, unit) -> str:
    from transcribe.normalize import persian_digits

    def n(x: int) -> str:
        return persian_digits(str(x))

    lrm = "\u200e"
    names = "، ".join(f"{lrm}{v}{lrm}" for v in versions)
    text = (f"پیشنهادهای کدگذاری را مدل زبانی {lrm}{model}{lrm} داد (دستور {names}، با "
            f"{'جایگزینی نام‌ها با نام مستعار' if all(r.pseudonymised for r in runs) else 'متن بی جایگزینی نام‌ها'}؛ "
            f"توضیح و یادداشت‌های کدها قاعده‌های کدگذاری بودند)؛ از {n(total)} پیشنهادِ منطبق بر متن، "
            f"{n(counts['accepted'])} پذیرفته، {n(counts['rejected'])} رد و {n(counts['pending'])} بررسی‌نشده ماند "
            f"({n(dropped)} نقل‌قولِ نایافته در متن و {n(invalid)} پاسخِ بیرون از قالب کنار گذاشته شد).")
    coder = coder_name(model)
    try:
        result = agreement.compute(study, researcher, coder, unit=unit)
    except StudyError:
        return text + f" هنوز هیچ مصاحبه‌ای را هر دو کدگذار ({researcher} و {coder}) کدگذاری نکرده‌اند."
    return text + " " + agreement.sentence(result, "fa")
