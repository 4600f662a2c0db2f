<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AgreementView</name>
    <message>
        <source>Segment: each code present or absent in each segment</source>
        <translation>بخش: حضور یا نبود هر کد در هر بخش</translation>
    </message>
    <message>
        <source>Span: each coding, matched by overlap</source>
        <translation>کدگذاری: هر کدگذاری، با سنجش هم‌پوشانی</translation>
    </message>
    <message>
        <source>Two codings agree when they overlap by at least this share of the longer one</source>
        <translation>دو کدگذاری هنگامی هم‌خوان شمرده می‌شوند که دست‌کم به این نسبت از کدگذاری بلندتر هم‌پوشانی داشته باشند</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>خروجی گرفتن از جدول…</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>کدگذار</translation>
    </message>
    <message>
        <source>and</source>
        <translation>و</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>هم‌پوشانی</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>مقوله</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>تعداد واحدها</translation>
    </message>
    <message>
        <source>Percent agreement</source>
        <translation>درصد توافق</translation>
    </message>
    <message>
        <source>Cohen's kappa</source>
        <translation>کاپای کوهن</translation>
    </message>
    <message>
        <source>Krippendorff's alpha</source>
        <translation>آلفای کریپندورف</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>مصاحبه</translation>
    </message>
    <message>
        <source>Only by</source>
        <translation>فقط از سوی</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>(no coder named)</source>
        <translation>(کدگذار بی‌نام)</translation>
    </message>
    <message>
        <source>Agreement compares two coders: choose two different coders. Each coder's name is stamped on their codings (Settings), and a colleague's coding comes in with File › Merge a colleague's coding.</source>
        <translation>توافق میان دو کدگذار سنجیده می‌شود: دو کدگذار متفاوت برگزینید. نام هر کدگذار روی کدگذاری‌هایش ثبت می‌شود (تنظیمات) و کدگذاری همکار از مسیر فایل › ادغام کدگذاری همکار… وارد می‌شود.</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>همهٔ کدها</translation>
    </message>
    <message>
        <source>Disagreements: %1 (double-click one to walk through them)</source>
        <translation>موارد عدم توافق: %1 (برای مرور، روی یکی از آن‌ها دوبار کلیک کنید)</translation>
    </message>
    <message>
        <source>Export agreement table</source>
        <translation>خروجی گرفتن از جدول توافق</translation>
    </message>
    <message>
        <source>Word document (*.docx);;Excel workbook (*.xlsx)</source>
        <translation>سند ورد (‎*.docx);;فایل اکسل (‎*.xlsx)</translation>
    </message>
</context>
<context>
    <name>DisagreementWalker</name>
    <message>
        <source>Disagreements</source>
        <translation>موارد عدم توافق</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>نگه داشتن</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>قبلی</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <source>Leave both codings as they are and go to the next disagreement</source>
        <translation>هر دو کدگذاری دست‌نخورده بمانند و به مورد عدم توافق بعدی بروید</translation>
    </message>
    <message>
        <source>Disagreement %1 of %2 · %3 · %4</source>
        <translation>عدم توافق %1 از %2 — %3 — %4</translation>
    </message>
    <message>
        <source>Codings by %1 here</source>
        <translation>کدگذاری‌های %1 در اینجا</translation>
    </message>
    <message>
        <source>(no coder named)</source>
        <translation>(کدگذار بی‌نام)</translation>
    </message>
    <message>
        <source>%1 coded this as “%2”; %3 did not.</source>
        <translation>%1 این قسمت از متن را با کد «%2» کدگذاری کرده است، ولی %3 نه.</translation>
    </message>
    <message>
        <source>Drop %1's coding</source>
        <translation>حذف کدگذاری %1</translation>
    </message>
    <message>
        <source>Adopt it for %1</source>
        <translation>ثبت همین کدگذاری به نام %1</translation>
    </message>
    <message>
        <source>Adopt a coding for %1</source>
        <translation>ثبت یک کدگذاری به نام %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Agreement</source>
        <translation>توافق کدگذاران</translation>
    </message>
    <message>
        <source>Merge a colleague's coding…</source>
        <translation>ادغام کدگذاری همکار…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge a colleague's coding</source>
        <translation>ادغام کدگذاری همکار</translation>
    </message>
    <message>
        <source>Bring in another coder's work on the same interviews: their study folder, a study archive (.zip) or a REFI-QDA project (.qdpx). Interviews are matched by their audio or transcript text, codes by identity or by name within their category. Their codings come in under their coder's name; nothing of yours is changed.</source>
        <translation>کار کدگذار دیگری روی همین مصاحبه‌ها را وارد کنید: پوشهٔ پژوهش او، بایگانی پژوهش (‎.zip) یا پروژهٔ REFI-QDA ‏(‎.qdpx). مصاحبه‌ها از روی صدا یا متن پیاده‌شده، و کدها از روی شناسه یا نامشان در همان مقوله با هم تطبیق داده می‌شوند. کدگذاری‌های او با نام خودش وارد می‌شوند و چیزی از کار شما تغییر نمی‌کند.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>در حال خواندن %1…</translation>
    </message>
    <message>
        <source>Study folder…</source>
        <translation>پوشهٔ پژوهش…</translation>
    </message>
    <message>
        <source>Archive or .qdpx…</source>
        <translation>بایگانی یا ‎.qdpx…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>ادغام</translation>
    </message>
    <message>
        <source>Their study (a .mosahebeh folder)</source>
        <translation>پژوهش همکار (یک پوشهٔ ‎.mosahebeh)</translation>
    </message>
    <message>
        <source>Their study archive or REFI-QDA project</source>
        <translation>بایگانی پژوهش همکار یا پروژهٔ REFI-QDA</translation>
    </message>
    <message>
        <source>Study archive or REFI-QDA project (*.zip *.qdpx)</source>
        <translation>بایگانی پژوهش یا پروژهٔ REFI-QDA (*.zip *.qdpx)</translation>
    </message>
    <message>
        <source>None of their interviews matches one here: nothing to merge.</source>
        <translation>هیچ‌یک از مصاحبه‌های همکار با مصاحبه‌های این پژوهش تطبیق نیافت؛ چیزی برای ادغام نیست.</translation>
    </message>
    <message>
        <source>by audio</source>
        <translation>با صدا</translation>
    </message>
    <message>
        <source>by transcript text</source>
        <translation>با متن پیاده‌شده</translation>
    </message>
    <message>
        <source>From %1:</source>
        <translation>از %1:</translation>
    </message>
    <message>
        <source>Interviews matched: %1 of %2</source>
        <translation>مصاحبه‌های تطبیق‌یافته: %1 از %2</translation>
    </message>
    <message>
        <source>%1: left out, no match (%2 codings)</source>
        <translation>%1: کنار گذاشته شد، چون مصاحبهٔ متناظری در این پژوهش ندارد (%2 کدگذاری)</translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation>%1 ← %2 (%3)</translation>
    </message>
    <message>
        <source>Codes matched: %1 (%2 by identity, %3 by name)</source>
        <translation>کدهای تطبیق‌یافته: %1 (%2 با شناسه، %3 با نام)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>Codes added: %1</source>
        <translation>کدهای افزوده: %1</translation>
    </message>
    <message>
        <source>Codings added: %1</source>
        <translation>کدگذاری‌های افزوده: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Already here: %1 · left out: %2 · to review (text differs): %3</source>
        <translation>از پیش موجود: %1؛ کنار گذاشته: %2؛ نیازمند بازبینی (متن فرق دارد): %3</translation>
    </message>
    <message>
        <source>Nothing was merged: %1</source>
        <translation>چیزی ادغام نشد: %1</translation>
    </message>
    <message>
        <source>Merge from %1</source>
        <translation>ادغام از %1</translation>
    </message>
    <message>
        <source>Rename coder</source>
        <translation>تغییر نام کدگذار</translation>
    </message>
    <message>
        <source>This study has %1 codings by “%2”. Put your new name “%3” on them too?</source>
        <translation>این پژوهش %1 کدگذاری از «%2» دارد. نام تازهٔ شما، «%3»، روی آن‌ها هم گذاشته شود؟</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Your name, stamped on your codings</source>
        <translation>نام شما، که روی کدگذاری‌هایتان ثبت می‌شود</translation>
    </message>
    <message>
        <source>Stamped on every coding you make, so that two coders' work can be merged and compared</source>
        <translation>روی هر کدگذاری شما ثبت می‌شود تا کار دو کدگذار را بتوان ادغام کرد و سنجید</translation>
    </message>
    <message>
        <source>Your name as coder</source>
        <translation>نام شما به‌عنوان کدگذار</translation>
    </message>
</context>
<context>
    <name>CoderFilter</name>
    <message>
        <source>Count the codings of all coders, or of one</source>
        <translation>شمردن کدگذاری‌های همهٔ کدگذاران، یا فقط یکی از آنان</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>همهٔ کدگذاران</translation>
    </message>
    <message>
        <source>(no coder named)</source>
        <translation>(کدگذار بی‌نام)</translation>
    </message>
</context>
</TS>
