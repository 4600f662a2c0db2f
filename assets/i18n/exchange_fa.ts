<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="123"/>
        <location filename="../../desktop/export_dialog.py" line="124"/>
        <source>Export</source>
        <translation>خروجی</translation>
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
        <location filename="../../desktop/export_dialog.py" line="144"/>
        <source>Replace names on the study's replacement list (pseudonymise)</source>
        <translation>جایگزینی نام‌های فهرست جایگزینی پژوهش (نام‌زدایی)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="146"/>
        <source>Time stamps</source>
        <translation>زمان‌نما</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="148"/>
        <source>Include the audio files</source>
        <translation>همراه با فایل‌های صوتی</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="150"/>
        <source>What</source>
        <translation>چه چیز</translation>
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
        <translation>مشارکت‌کنندگان فقط با نام مستعار می‌آیند؛ نام واقعی و راه تماس هرگز بیرون نمی‌رود.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="203"/>
        <source>Folder for the transcripts</source>
        <translation>پوشه برای متن‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="206"/>
        <source>Export to</source>
        <translation>خروجی در</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="218"/>
        <source>Choose where to write the export.</source>
        <translation>جای نوشتن خروجی را انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="237"/>
        <location filename="../../desktop/export_dialog.py" line="238"/>
        <location filename="../../desktop/export_dialog.py" line="283"/>
        <source>Import</source>
        <translation>ورود</translation>
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
        <translation>پوشهٔ پژوهش تازه</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="248"/>
        <source>A REFI-QDA project (.qdpx) goes into this study only while it is empty; otherwise into a new study folder. A codebook (.qdc) is merged into this study's codebook. A transcript (SRT, WebVTT, TXT with [hh:mm:ss] stamps, noScribe HTML) goes onto the interview chosen.</source>
        <translation>پروژهٔ REFI-QDA ‏(.qdpx) فقط وقتی این پژوهش خالی است به آن وارد می‌شود؛ وگرنه به پوشهٔ پژوهشی تازه. کتاب کد (.qdc) با کتاب کد این پژوهش ادغام می‌شود. متن پیاده‌شده (SRT، WebVTT، TXT با زمان‌نمای [hh:mm:ss]، HTML نواسکرایب) روی مصاحبهٔ انتخاب‌شده می‌نشیند.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="284"/>
        <source>Importable files (*.qdpx *.qdc *.srt *.vtt *.txt *.html *.htm)</source>
        <translation>فایل‌های قابل ورود (*.qdpx *.qdc *.srt *.vtt *.txt *.html *.htm)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="293"/>
        <source>Choose a file to import.</source>
        <translation>فایلی برای ورود انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="296"/>
        <source>This kind of file cannot be imported.</source>
        <translation>این نوع فایل وارد نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="321"/>
        <source>The new study is at {0}; open it from the File menu.</source>
        <translation>پژوهش تازه در {0} است؛ آن را از منوی فایل باز کنید.</translation>
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
</context>
</TS>