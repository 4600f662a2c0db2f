<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Interview</source>
        <translation>مصاحبه</translation>
    </message>
    <message>
        <source>New interview</source>
        <translation>مصاحبهٔ جدید</translation>
    </message>
    <message>
        <source>(no participant)</source>
        <translation>(بدون مشارکت‌کننده)</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>مشارکت‌کننده</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>شیوهٔ برگزاری</translation>
    </message>
</context>
<context>
    <name>InVivoDialog</name>
    <message>
        <source>In-vivo code</source>
        <translation>کد زنده</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(بالاترین سطح)</translation>
    </message>
    <message>
        <source>Selected words</source>
        <translation>واژه‌های انتخاب‌شده</translation>
    </message>
    <message>
        <source>Code name</source>
        <translation>نام کد</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>مقوله</translation>
    </message>
</context>
<context>
    <name>SoundNotice</name>
    <message>
        <source>No sound device found: playback runs silently (the text still follows the audio). Editing and coding work as usual.</source>
        <translation>هیچ دستگاه صوتی پیدا نشد: پخش بی‌صدا انجام می‌شود (متن همچنان همراه صدا پیش می‌رود). ویرایش و کدگذاری مثل همیشه کار می‌کنند.</translation>
    </message>
</context>
<context>
    <name>SegmentsModel</name>
    <message>
        <source>Question asked</source>
        <translation>پرسش مطرح‌شده</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>نشانک</translation>
    </message>
</context>
<context>
    <name>SaturationView</name>
    <message>
        <source>Francis et al.: not assessable yet: needs %1 interviews (an initial sample of %2, then %3 in a row without a new code); now %4.</source>
        <translation>فرانسیس و همکاران: هنوز قابل ارزیابی نیست؛ %1 مصاحبه لازم است (نمونهٔ اولیهٔ %2 مصاحبه، سپس %3 مصاحبهٔ پیاپی بدون کد جدید)؛ اکنون %4 مصاحبه.</translation>
    </message>
    <message>
        <source>Order robustness: %1 of %2 random orderings reach saturation; median saturation point %3 (X between %4 and %5 in 90% of the orderings).</source>
        <translation>پایداری در برابر ترتیب: %1 از %2 ترتیب تصادفی به اشباع می‌رسند؛ میانهٔ نقطهٔ اشباع %3 (در ۹۰٪ ترتیب‌ها، عدد نخستِ نقطهٔ اشباع بین %4 و %5 است).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Wrote the project to %1 (categories: %7, codes: %2, participants: %3, interviews: %4, codings: %5, memos: %6).</source>
        <translation>پروژه در %1 ذخیره شد (مقوله‌ها: %7، کدها: %2، مشارکت‌کنندگان: %3، مصاحبه‌ها: %4، کدگذاری‌ها: %5، یادداشت‌ها: %6).</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>categories</source>
        <translation>مقوله‌ها</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Whole study for another copy of Mosahebeh (.mosahebeh.zip, lossless)</source>
        <translation>کل پژوهش، برای برنامهٔ «مصاحبه» در رایانه‌ای دیگر (‎.mosahebeh.zip‎، بی‌کم‌وکاست)</translation>
    </message>
    <message>
        <source>Wrote the whole study to %1 (interviews: %2, segments: %3, codings: %4, audio files: %5). It holds participants' real names and contacts too: store it and share it only with the care the study folder itself needs.</source>
        <translation>کل پژوهش در %1 ذخیره شد (مصاحبه‌ها: %2، بخش‌ها: %3، کدگذاری‌ها: %4، فایل‌های صوتی: %5). نام واقعی و اطلاعات تماس مشارکت‌کنندگان نیز در این فایل هست؛ در نگهداری و به اشتراک گذاشتن آن همان احتیاطی را به کار ببرید که برای خود پوشهٔ پژوهش لازم است.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>A REFI-QDA project (.qdpx) goes into this study only while it is empty; otherwise into a new study folder. A study archive (.mosahebeh.zip) always opens as a new study. A codebook (.qdc) is merged into this study's codebook. A transcript (SRT, WebVTT, TXT with [hh:mm:ss] stamps, noScribe HTML) goes onto the interview chosen.</source>
        <translation>پروژهٔ REFI-QDA ‏(‎.qdpx) فقط وقتی این پژوهش خالی است به آن وارد می‌شود؛ وگرنه به پوشهٔ پژوهشی جدید. بایگانی پژوهش ‏(‎.mosahebeh.zip) همیشه به‌صورت پژوهشی جدید باز می‌شود. کتاب کد ‏(‎.qdc) با کتاب کد این پژوهش ادغام می‌شود. متن پیاده‌شده (SRT، WebVTT، TXT با برچسب زمانی [ساعت:دقیقه:ثانیه]، یا HTML برنامهٔ noScribe) به مصاحبهٔ انتخاب‌شده افزوده می‌شود.</translation>
    </message>
    <message>
        <source>Importable files (*.qdpx *.mosahebeh.zip *.qdc *.srt *.vtt *.txt *.html *.htm)</source>
        <translation>فایل‌های قابل وارد کردن (‎*.qdpx *.mosahebeh.zip *.qdc *.srt *.vtt *.txt *.html *.htm)</translation>
    </message>
    <message>
        <source>Repaired: %1.</source>
        <translation>ترمیم‌شده: %1.</translation>
    </message>
    <message>
        <source>texts missing from the archive</source>
        <translation>متن‌هایی که در بایگانی نیستند</translation>
    </message>
    <message>
        <source>media files missing from the archive</source>
        <translation>فایل‌های صوتی و تصویری که در بایگانی نیستند</translation>
    </message>
    <message>
        <source>codings on texts missing from the archive</source>
        <translation>کدگذاری‌های متن‌هایی که در بایگانی نیستند</translation>
    </message>
    <message>
        <source>codings in picture sources</source>
        <translation>کدگذاری‌های منابع تصویری</translation>
    </message>
    <message>
        <source>codings in pdf sources</source>
        <translation>کدگذاری‌های منابع PDF</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>مشارکت‌کنندگان</translation>
    </message>
    <message>
        <source>audio files</source>
        <translation>فایل‌های صوتی</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>A passage that several coders gave the same code counts once.</source>
        <translation>متنی که چند کدگذار با یک کد کدگذاری کرده‌اند، یک بار شمرده می‌شود.</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Match %1 (counting the others…)</source>
        <translation>مورد %1 (بقیه در حال شمارش…)</translation>
    </message>
</context>
<context>
    <name>InterviewsModel</name>
    <message>
        <source>Edit interview</source>
        <translation>ویرایش مصاحبه</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Edit participant</source>
        <translation>ویرایش مشارکت‌کننده</translation>
    </message>
</context>
</TS>
