<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<!-- Qt's own widgets (file dialog, message boxes, file types): the strings qtbase_fa.qm lacks, and its «پرونده» as the glossary's «فایل». Loaded after Qt's catalog, so these win. -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;جست‌وجو در:</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>جست‌وجو در:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;نوع فایل:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;نام فایل:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>همهٔ فایل‌ها (‎*)</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>نمایش فایل‌های &amp;پنهان</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>فایل‌ها</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;پوشهٔ جدید</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>ذخیره با نام</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;باز کردن</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;انتخاب</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نه</translation>
    </message>
    <message>
        <source>Don't Save</source>
        <translation>ذخیره نشود</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>بستن بدون ذخیره</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>پوشه</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>درایو</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>رایانه</translation>
    </message>
    <message>
        <source>Trashcan</source>
        <translation>سطل زباله</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>OK</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>راهنما</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>QMimeType</name>
    <message>
        <source>AAC audio</source>
        <translation>صوت AAC</translation>
    </message>
    <message>
        <source>Excel 2007 spreadsheet</source>
        <translation>کاربرگ اکسل</translation>
    </message>
    <message>
        <source>FLAC audio</source>
        <translation>صوت FLAC</translation>
    </message>
    <message>
        <source>HTML document</source>
        <translation>سند HTML</translation>
    </message>
    <message>
        <source>MP3 audio</source>
        <translation>صوت MP3</translation>
    </message>
    <message>
        <source>MPEG-4 audio</source>
        <translation>صوت MPEG-4</translation>
    </message>
    <message>
        <source>MPEG-4 video</source>
        <translation>ویدئوی MPEG-4</translation>
    </message>
    <message>
        <source>Matroska video</source>
        <translation>ویدئوی Matroska</translation>
    </message>
    <message>
        <source>Ogg audio</source>
        <translation>صوت Ogg</translation>
    </message>
    <message>
        <source>Opus audio</source>
        <translation>صوت Opus</translation>
    </message>
    <message>
        <source>QuickTime video</source>
        <translation>ویدئوی QuickTime</translation>
    </message>
    <message>
        <source>SubRip subtitles</source>
        <translation>زیرنویس SubRip</translation>
    </message>
    <message>
        <source>WAV audio</source>
        <translation>صوت WAV</translation>
    </message>
    <message>
        <source>WebM video</source>
        <translation>ویدئوی WebM</translation>
    </message>
    <message>
        <source>WebVTT subtitles</source>
        <translation>زیرنویس WebVTT</translation>
    </message>
    <message>
        <source>Word 2007 document</source>
        <translation>سند ورد</translation>
    </message>
    <message>
        <source>Zip archive</source>
        <translation>بایگانی zip</translation>
    </message>
    <message>
        <source>empty document</source>
        <translation>سند خالی</translation>
    </message>
    <message>
        <source>plain text document</source>
        <translation>سند متنی ساده</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>پوشه</translation>
    </message>
</context>
</TS>
