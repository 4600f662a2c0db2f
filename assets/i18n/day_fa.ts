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
        <translation>شیوه</translation>
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
        <translation>پرسش مطرح شد</translation>
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
        <translation>پایداری در برابر ترتیب: %1 از %2 ترتیب تصادفی به اشباع می‌رسند؛ میانهٔ نقطهٔ اشباع %3 (X در ۹۰٪ ترتیب‌ها بین %4 و %5).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Wrote the project to %1 (categories: %7, codes: %2, participants: %3, interviews: %4, codings: %5, memos: %6).</source>
        <translation>پروژه در %1 ذخیره شد (مقوله‌ها: %7، کدها: %2، مشارکت‌کنندگان: %3، مصاحبه‌ها: %4، کدگذاری‌ها: %5، یادداشت‌ها: %6).</translation>
    </message>
    <message>
        <source>Wrote the codebook (%3 categories, %1 codes) to %2.</source>
        <translation>کتاب کد (%3 مقوله، %1 کد) در %2 ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Imported the codebook: %3 categories and %1 codes added, %2 already there.</source>
        <translation>کتاب کد وارد شد: %3 مقوله و %1 کد افزوده شد و %2 از پیش وجود داشت.</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>مقوله‌ها</translation>
    </message>
</context>
</TS>
