<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="123"/>
        <location filename="../../desktop/export_dialog.py" line="124"/>
        <source>Export</source>
        <translation>خروجی گرفتن</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="125"/>
        <source>Whole study for MAXQDA, ATLAS.ti, NVivo, QualCoder (REFI-QDA .qdpx)</source>
        <translation>کل پژوهش برای MAXQDA، ATLAS.ti، NVivo و QualCoder (REFI-QDA .qdpx)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="126"/>
        <source>Codebook only (REFI-QDA .qdc)</source>
        <translation>فقط کتاب کد (REFI-QDA .qdc)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="126"/>
        <source>Transcript</source>
        <translation>متن پیاده‌شده</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="127"/>
        <source>Code frequency tables</source>
        <translation>جدول‌های فراوانی کدها</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="127"/>
        <source>Participants table</source>
        <translation>جدول مشارکت‌کنندگان</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="128"/>
        <source>Quotes by code</source>
        <translation>نقل‌قول‌ها به تفکیک کد</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="128"/>
        <source>Saturation plot</source>
        <translation>نمودار اشباع</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="134"/>
        <source>All interviews (one file each, into a folder)</source>
        <translation>همهٔ مصاحبه‌ها (هر کدام یک فایل، در یک پوشه)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="142"/>
        <source>Coded segments</source>
        <translation>بخش‌های کدگذاری‌شده</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="143"/>
        <source>Interviews that mention the code</source>
        <translation>مصاحبه‌هایی که کد در آن‌ها آمده</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="146"/>
        <source>Time stamps</source>
        <translation>برچسب‌های زمانی</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="148"/>
        <source>Include the audio files</source>
        <translation>همراه با فایل‌های صوتی</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="150"/>
        <source>What</source>
        <translation>محتوا</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="151"/>
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="152"/>
        <source>Interview</source>
        <translation>مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="153"/>
        <source>Language of labels</source>
        <translation>زبان برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="154"/>
        <source>Count by</source>
        <translation>شمارش بر اساس</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="161"/>
        <source>Participants appear only by pseudonym; real names and contacts are never exported.</source>
        <translation>مشارکت‌کنندگان فقط با نام مستعار در خروجی می‌آیند؛ نام واقعی و اطلاعات تماس هرگز در خروجی قرار نمی‌گیرد.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="203"/>
        <source>Folder for the transcripts</source>
        <translation>پوشهٔ متن‌های پیاده‌شده</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="206"/>
        <source>Export to</source>
        <translation>ذخیرهٔ خروجی در</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="218"/>
        <source>Choose where to write the export.</source>
        <translation>محل ذخیرهٔ خروجی را انتخاب کنید.</translation>
    </message>
    <message>
        <source>The audio of %1 is missing (%2); it was exported as text only.</source>
        <translation>صدای %1 پیدا نشد (%2)؛ فقط متن آن در خروجی آمد.</translation>
    </message>
    <message>
        <source>A coding of “%1” in %2 covers no text (its text was deleted); it was left out.</source>
        <translation>یکی از کدگذاری‌های «%1» در %2 هیچ متنی را در بر نمی‌گیرد (متن آن حذف شده است) و کنار گذاشته شد.</translation>
    </message>
    <message>
        <source>Wrote the transcript of %1 to %2.</source>
        <translation>متن پیاده‌شدهٔ %1 در %2 ذخیره شد.</translation>
    </message>
    <message>
        <source>Wrote %1 transcripts to the folder %2.</source>
        <translation>%1 متن پیاده‌شده در پوشهٔ %2 ذخیره شد.</translation>
    </message>
    <message>
        <source>Wrote the code frequency tables to %1.</source>
        <translation>جدول‌های فراوانی کدها در %1 ذخیره شد.</translation>
    </message>
    <message>
        <source>Wrote the participants table to %1.</source>
        <translation>جدول مشارکت‌کنندگان در %1 ذخیره شد.</translation>
    </message>
    <message>
        <source>Wrote the quotes by code to %1.</source>
        <translation>نقل‌قول‌ها به تفکیک کد در %1 ذخیره شد.</translation>
    </message>
    <message>
        <source>Wrote the saturation plot to %1.</source>
        <translation>نمودار اشباع در %1 ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="237"/>
        <location filename="../../desktop/export_dialog.py" line="238"/>
        <location filename="../../desktop/export_dialog.py" line="283"/>
        <source>Import</source>
        <translation>وارد کردن</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="243"/>
        <source>Replace the interview's transcript if it has one</source>
        <translation>جایگزینی متن پیاده‌شدهٔ موجود مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="245"/>
        <source>Interview</source>
        <translation>مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="247"/>
        <source>New study folder</source>
        <translation>پوشهٔ پژوهش جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="293"/>
        <source>Choose a file to import.</source>
        <translation>فایلی را برای وارد کردن انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="296"/>
        <source>This kind of file cannot be imported.</source>
        <translation>این نوع فایل وارد نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="321"/>
        <source>The new study is at {0}; open it from the File menu.</source>
        <translation>پژوهش جدید در {0} است؛ آن را از منوی فایل باز کنید.</translation>
    </message>
    <message>
        <source>This study has no interview yet to put the transcript on.</source>
        <translation>این پژوهش هنوز مصاحبه‌ای ندارد که متن پیاده‌شده به آن افزوده شود.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>وارد شد: %1.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>هیچ‌چیز</translation>
    </message>
    <message>
        <source>Not imported: %1.</source>
        <translation>وارد نشد: %1.</translation>
    </message>
    <message>
        <source>Imported %1 segments from %2 onto %3.</source>
        <translation>%1 بخش از %2 به %3 وارد شد.</translation>
    </message>
    <message>
        <source>codes</source>
        <translation>کدها</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>موردها (مشارکت‌کنندگان)</translation>
    </message>
    <message>
        <source>interviews</source>
        <translation>مصاحبه‌ها</translation>
    </message>
    <message>
        <source>media files</source>
        <translation>فایل‌های صوتی و تصویری</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>بخش‌ها</translation>
    </message>
    <message>
        <source>codings</source>
        <translation>کدگذاری‌ها</translation>
    </message>
    <message>
        <source>memos</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>guide questions</source>
        <translation>پرسش‌های راهنمای مصاحبه</translation>
    </message>
    <message>
        <source>glossary terms</source>
        <translation>نام‌های فهرست جایگزینی</translation>
    </message>
    <message>
        <source>bookmarks</source>
        <translation>نشانک‌ها</translation>
    </message>
    <message>
        <source>links</source>
        <translation>پیوندها</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>مجموعه‌ها</translation>
    </message>
    <message>
        <source>graphs</source>
        <translation>نقشه‌های مفهومی (graphs)</translation>
    </message>
    <message>
        <source>sources in more than one case (kept with the first)</source>
        <translation>منابعی که در بیش از یک مورد بودند (با اولی نگه داشته شدند)</translation>
    </message>
    <message>
        <source>codes applied to whole cases</source>
        <translation>کدهایی که به کل یک مورد زده شده بودند</translation>
    </message>
    <message>
        <source>selections in cases</source>
        <translation>گزینش‌های درون موردها</translation>
    </message>
    <message>
        <source>texts stored outside the project file</source>
        <translation>متن‌هایی که بیرون از فایل پروژه بودند</translation>
    </message>
    <message>
        <source>picture sources</source>
        <translation>منابع تصویری</translation>
    </message>
    <message>
        <source>pdf sources</source>
        <translation>منابع PDF</translation>
    </message>
    <message>
        <source>further transcripts of a source</source>
        <translation>متن‌های پیاده‌شدهٔ اضافی یک منبع</translation>
    </message>
    <message>
        <source>codings on audio or video time ranges</source>
        <translation>کدگذاری‌های بازه‌های زمانی صدا یا تصویر</translation>
    </message>
    <message>
        <source>codings of whole documents</source>
        <translation>کدگذاری‌های کل یک سند</translation>
    </message>
    <message>
        <source>variable values of sources</source>
        <translation>مقادیر متغیرهای منابع</translation>
    </message>
    <message>
        <source>media files outside the project file</source>
        <translation>فایل‌های صوتی و تصویری بیرون از فایل پروژه</translation>
    </message>
    <message>
        <source>unreadable media files</source>
        <translation>فایل‌های صوتی و تصویری ناخوانا</translation>
    </message>
    <message>
        <source>transcript selections without text positions</source>
        <translation>گزینش‌های متن بدون جایگاه در متن</translation>
    </message>
    <message>
        <source>selections that cover no text</source>
        <translation>گزینش‌هایی که روی هیچ متنی نیستند</translation>
    </message>
</context>
<context>
    <name>_JobDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="73"/>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="80"/>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="86"/>
        <source>Working…</source>
        <translation>در حال انجام…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="109"/>
        <source>Please wait until the work in progress ends.</source>
        <translation>لطفاً صبر کنید تا کار در جریان تمام شود.</translation>
    </message>
    <message>
        <source>Replaced %1 occurrence(s) of %2 name(s): </source>
        <translation>%2 نام در مجموع %1 بار جایگزین شد: </translation>
    </message>
    <message>
        <source>It was not done. The details:</source>
        <translation>انجام نشد. جزئیات:</translation>
    </message>
</context>
</TS>