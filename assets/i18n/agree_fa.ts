<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AgreementView</name>
    <message>
        <source>Computing agreement…</source>
        <translation>در حال محاسبهٔ توافق…</translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message>
        <source>Mark checked</source>
        <translation>علامت بازبینی</translation>
    </message>
    <message>
        <source>Mark unchecked</source>
        <translation>برداشتن علامت بازبینی</translation>
    </message>
    <message>
        <source>WER %1% · CER %2% of the machine draft on %3 checked segments (Persian-normalised; a word break written as a space, a ZWNJ or nothing does not count)</source>
        <translation>نرخ خطای واژهٔ پیش‌نویس ماشینی (WER): %1٪ — نرخ خطای نویسه (CER): %2٪، روی %3 بخش بازبینی‌شده (پس از یکسان‌سازی فارسی؛ فاصله، نیم‌فاصله یا سرهم‌نویسی میان اجزای واژه خطا شمرده نمی‌شود)</translation>
    </message>
    <message>
        <source>WER %1% · CER %2% of the machine draft on the one checked segment (Persian-normalised; a word break written as a space, a ZWNJ or nothing does not count)</source>
        <translation>نرخ خطای واژهٔ پیش‌نویس ماشینی (WER): %1٪ — نرخ خطای نویسه (CER): %2٪، روی تنها بخش بازبینی‌شده (پس از یکسان‌سازی فارسی؛ فاصله، نیم‌فاصله یا سرهم‌نویسی میان اجزای واژه خطا شمرده نمی‌شود)</translation>
    </message>
</context>
<context>
    <name>ModelSettingsWidget</name>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
</context>
</TS>
