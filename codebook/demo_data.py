"""The content of the demo study: an expert-interview study of Iran's public
libraries during COVID-19, invented for the demo (no real people).

Each interview is a list of turns ``(speaker, [sentences])``; a sentence is
either plain text or ``(text, [code keys])``, which the demo codes. The
codings are spread so that later interviews add fewer new codes than earlier
ones (6, 4, 3, 1, 0, 0 new codes): with base 4 and run 2 the study reaches
saturation at 4+2 (Guest, Namey & Chen 2020).
"""
from __future__ import annotations

from typing import Any

STUDY_NAME = "کتابخانه‌های عمومی در دوران کرونا"

ATTRIBUTES = ["نقش", "محل کار", "رشته", "مدرک", "جنسیت"]

# key, pseudonym, attributes, referred by (key), voice for espeak-ng
PARTICIPANTS = [
    ("p1", "مشارکت‌کننده ۱", ["مدیر کتابخانه", "کتابخانهٔ عمومی", "علم اطلاعات و دانش‌شناسی", "کارشناسی ارشد", "زن"], None, "fa+f3"),
    ("p2", "مشارکت‌کننده ۲", ["کتابدار", "کتابخانهٔ عمومی", "علم اطلاعات و دانش‌شناسی", "کارشناسی", "مرد"], "p1", "fa+m2"),
    ("p3", "مشارکت‌کننده ۳", ["عضو هیئت علمی", "دانشگاه", "علم اطلاعات و دانش‌شناسی", "دکتری", "زن"], "p1", "fa+f2"),
    ("p4", "مشارکت‌کننده ۴", ["مدیر کتابخانه", "کتابخانهٔ عمومی", "مدیریت", "کارشناسی ارشد", "مرد"], "p3", "fa+m4"),
    ("p5", "مشارکت‌کننده ۵", ["کارشناس ستادی", "نهاد کتابخانه‌های عمومی", "علم اطلاعات و دانش‌شناسی", "کارشناسی ارشد", "زن"], "p4", "fa+f4"),
    ("p6", "مشارکت‌کننده ۶", ["کتابدار", "کتابخانهٔ عمومی", "ادبیات فارسی", "کارشناسی", "مرد"], "p4", "fa+m3"),
]
INTERVIEWER_VOICE = "fa"

GUIDE = [
    ("q1", "کتابخانهٔ شما در دوران کرونا با چه چالش‌هایی روبه‌رو شد؟", ["کدام چالش از همه سخت‌تر بود؟"]),
    ("q2", "چه خدماتی را به شکل مجازی یا بدون تماس ارائه دادید؟", ["کاربران چه واکنشی نشان دادند؟"]),
    ("q3", "برای آیندهٔ کتابخانه‌های عمومی چه پیشنهادی دارید؟", []),
]

# category name, description, [(key, code name, description)]
CODEBOOK = [
    ("چالش‌ها", "مشکلاتی که کتابخانه در همه‌گیری با آن روبه‌رو شد", [
        ("closure", "تعطیلی فیزیکی", "بسته شدن ساختمان کتابخانه یا محدود شدن ساعت کار"),
        ("budget", "کمبود بودجه", "کاهش یا نرسیدن اعتبار و بودجه"),
        ("infra", "نبود زیرساخت فناوری", "کمبود سخت‌افزار، نرم‌افزار یا اینترنت مناسب"),
        ("health", "نگرانی از سلامت کارکنان", "ترس از بیماری و نبود وسایل حفاظتی"),
    ]),
    ("خدمات جایگزین", "خدماتی که به جای خدمات حضوری ارائه شد", [
        ("contactless", "امانت بدون تماس", "تحویل کتاب بدون تماس یا با پیک"),
        ("reading", "کتاب‌خوانی مجازی", "جلسه‌های کتاب‌خوانی و قصه‌گویی آنلاین"),
        ("eresources", "منابع الکترونیکی", "کتاب الکترونیکی و صوتی و پایگاه‌های اطلاعاتی"),
        ("social", "شبکه‌های اجتماعی", "ارتباط با کاربران در واتس‌اپ، تلگرام و اینستاگرام"),
    ]),
    ("کاربران", "آنچه بر سر کاربران کتابخانه آمد", [
        ("visits", "کاهش مراجعه", "کم شدن مراجعه و عضویت"),
        ("elderly", "کاربران سالمند", "دشواری سالمندان در استفاده از خدمات مجازی"),
        ("divide", "شکاف دیجیتال", "نابرابری در دسترسی به اینترنت و دستگاه"),
    ]),
    ("آینده", "پیشنهادها برای پس از همه‌گیری", [
        ("training", "آموزش کتابداران", "آموزش مهارت‌های دیجیتال به کتابداران"),
        ("hybrid", "خدمات ترکیبی", "ترکیب خدمات حضوری و مجازی"),
        ("partners", "همکاری با نهادهای محلی", "همکاری با شهرداری، مدرسه و مسجد"),
    ]),
]

I, P = "interviewer", "participant"  # noqa: E741 (the turns below read as a script: I asks, P answers)

# participant key, date (ISO), mode, turns; a turn's question key marks when a guide question was asked
INTERVIEWS: list[tuple[str, str, str, list[Any]]] = [
    ("p1", "2020-05-12", "whatsapp", [
        (I, None, ["سلام، ممنون که وقت گذاشتید."]),
        (I, "q1", ["کتابخانهٔ شما در دوران کرونا با چه چالش‌هایی روبه‌رو شد؟"]),
        (P, None, [("از اسفند کتابخانه کاملاً تعطیل شد و دو ماه بسته بود.", ["closure"]),
                   ("بودجهٔ خرید کتاب هم نصف شد.", ["budget"])]),
        (I, "q2", ["چه خدماتی را به شکل مجازی یا بدون تماس ارائه دادید؟"]),
        (P, None, [("کتاب‌ها را پشت در تحویل می‌دادیم و اعضا بدون تماس امانت می‌گرفتند.", ["contactless"]),
                   ("در واتس‌اپ گروهی برای اعضا ساختیم.", ["social"])]),
        (P, None, [("با این همه مراجعه خیلی کم شد.", ["visits"])]),
        (I, "q3", ["برای آیندهٔ کتابخانه‌های عمومی چه پیشنهادی دارید؟"]),
        (P, None, [("کتابداران باید مهارت‌های دیجیتال یاد بگیرند.", ["training"])]),
    ]),
    ("p2", "2020-06-03", "phone", [
        (I, "q1", ["کتابخانهٔ شما در دوران کرونا با چه چالش‌هایی روبه‌رو شد؟"]),
        (P, None, [("ما هم تعطیل شدیم.", ["closure"]),
                   ("رایانه‌ها قدیمی بود و اینترنت کتابخانه ضعیف بود.", ["infra"])]),
        (I, "q2", ["چه خدماتی را به شکل مجازی یا بدون تماس ارائه دادید؟"]),
        (P, None, [("کتاب الکترونیکی و صوتی معرفی کردیم.", ["eresources"]),
                   ("در اینستاگرام هم فعال شدیم.", ["social"])]),
        (I, None, ["کاربران چه واکنشی نشان دادند؟"]),
        (P, None, [("سالمندان نمی‌توانستند از خدمات مجازی استفاده کنند.", ["elderly"])]),
        (I, "q3", ["برای آینده چه پیشنهادی دارید؟"]),
        (P, None, [("باید خدمات حضوری و مجازی را با هم داشته باشیم.", ["hybrid"])]),
    ]),
    ("p3", "2020-07-20", "whatsapp", [
        (I, "q1", ["به نظر شما کتابخانه‌ها با چه چالش‌هایی روبه‌رو شدند؟"]),
        (P, None, [("زیرساخت فناوری در بیشتر کتابخانه‌ها آماده نبود.", ["infra"]),
                   ("کارکنان هم نگران سلامت خودشان بودند.", ["health"])]),
        (I, "q2", ["چه خدماتی به شکل مجازی ارائه شد؟"]),
        (P, None, [("جلسه‌های کتاب‌خوانی مجازی برای کودکان خوب بود.", ["reading"])]),
        (P, None, [("اما همهٔ خانواده‌ها اینترنت و گوشی نداشتند.", ["divide"])]),
        (I, "q3", ["برای آینده چه پیشنهادی دارید؟"]),
        (P, None, [("خدمات ترکیبی باید ادامه پیدا کند.", ["hybrid"])]),
    ]),
    ("p4", "2020-09-15", "phone", [
        (I, "q1", ["کتابخانهٔ شما با چه چالش‌هایی روبه‌رو شد؟"]),
        (P, None, [("سه ماه تعطیل بودیم.", ["closure"]),
                   ("بودجه هم دیر رسید.", ["budget"])]),
        (I, "q2", ["چه خدماتی ارائه دادید؟"]),
        (P, None, [("قصه‌گویی و کتاب‌خوانی آنلاین گذاشتیم.", ["reading"]),
                   ("ولی سالمندان نمی‌آمدند.", ["elderly"])]),
        (I, "q3", ["برای آینده چه پیشنهادی دارید؟"]),
        (P, None, [("با شهرداری و مدرسه‌های محله همکاری کنیم.", ["partners"])]),
    ]),
    ("p5", "2020-11-02", "whatsapp", [
        (I, "q1", ["از نگاه ستاد، کتابخانه‌ها با چه چالش‌هایی روبه‌رو شدند؟"]),
        (P, None, [("بیشتر کتابخانه‌ها تعطیل شدند.", ["closure"])]),
        (I, "q2", ["چه خدماتی جایگزین شد؟"]),
        (P, None, [("منابع الکترونیکی را گسترش دادیم.", ["eresources"]),
                   ("کانال‌های شبکه‌های اجتماعی هم راه افتاد.", ["social"])]),
        (P, None, [("روستاها اینترنت خوب نداشتند.", ["divide"])]),
        (I, "q3", ["برای آینده چه پیشنهادی دارید؟"]),
        (P, None, [("آموزش کتابداران مهم‌ترین کار است.", ["training"])]),
    ]),
    ("p6", "2021-01-18", "phone", [
        (I, "q1", ["کتابخانهٔ شما با چه چالش‌هایی روبه‌رو شد؟"]),
        (P, None, [("کتابخانهٔ ما هم مدتی بسته بود.", ["closure"])]),
        (I, "q2", ["چه خدماتی ارائه دادید؟"]),
        (P, None, [("کتاب را با پیک به خانهٔ اعضا می‌فرستادیم.", ["contactless"]),
                   ("در تلگرام کتاب معرفی می‌کردیم.", ["social"])]),
        (I, "q3", ["برای آینده چه پیشنهادی دارید؟"]),
        (P, None, [("خدمات ترکیبی و همکاری با مسجد و مدرسهٔ محله.", ["hybrid", "partners"])]),
    ]),
]

# Who coded: the first coder coded every interview (the codes in INTERVIEWS); a
# colleague, the second coder, coded the first two again for a reliability check.
CODERS = ("مریم", "رضا")

# The second coder's codings: (interview index, turn index, sentence index or None
# for the whole turn, [code keys]). They use only codes the first coder used in the
# same interview, so which codes each interview mentions (and saturation) stays as
# it is; the disagreements are what such a check finds: a code left out (budget,
# social on Instagram), a code added (closure where visits dropped, infra where the
# elderly could not use online services, contactless on the WhatsApp group) and a
# longer span (infra on the whole turn: ~70% overlap with the first coder's).
SECOND_CODINGS = [
    (0, 2, 0, ["closure"]),
    (0, 4, 0, ["contactless"]),
    (0, 4, 1, ["social", "contactless"]),
    (0, 5, 0, ["visits", "closure"]),
    (0, 7, 0, ["training"]),
    (1, 1, 0, ["closure"]),
    (1, 1, None, ["infra"]),
    (1, 3, 0, ["eresources"]),
    (1, 5, 0, ["elderly", "infra"]),
    (1, 7, 0, ["hybrid"]),
]

# Segments marked checked (corrected) per interview: the first four are fully
# checked, the fifth half, the sixth is still a draft.
CHECKED_SHARE = [1.0, 1.0, 1.0, 1.0, 0.5, 0.0]

STUDY_MEMO = ("پرسش پژوهش: کتابخانه‌های عمومی ایران در همه‌گیری کرونا چه کردند و چه آموختند؟ "
              "نمونه‌گیری گلوله‌برفی از مدیران، کتابداران و استادان.")
