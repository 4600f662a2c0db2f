<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>MainWindow</name>
    <message>
        <source>read-only: editing is off</source>
        <translation>فقط‌خواندنی: ویرایش غیرفعال است</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>%1 with a time that cannot be read (skipped)</source>
        <translation>%1 بخش با زمانی که خوانده نمی‌شود (کنار گذاشته شد)</translation>
    </message>
    <message>
        <source>%1 starting after the end of the audio (skipped)</source>
        <translation>%1 بخش که پس از پایان صدا شروع می‌شود (کنار گذاشته شد)</translation>
    </message>
    <message>
        <source>%1 ending after the end of the audio (cut at its end)</source>
        <translation>%1 بخش که پس از پایان صدا تمام می‌شود (در پایان صدا بریده شد)</translation>
    </message>
    <message>
        <source>%1 with a negative time (set to 0)</source>
        <translation>%1 بخش با زمان منفی (صفر شد)</translation>
    </message>
    <message>
        <source>%1 control characters removed</source>
        <translation>%1 نویسهٔ کنترلی حذف شد</translation>
    </message>
    <message>
        <source>Not as written: %1.</source>
        <translation>آنچه عیناً وارد نشد: %1.</translation>
    </message>
</context>
</TS>
