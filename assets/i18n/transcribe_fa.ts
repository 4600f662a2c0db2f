<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ModelSettingsWidget</name>
    <message>
        <location filename="../../desktop/model_settings.py" line="58"/>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="183"/>
        <source>bundled</source>
        <translation>همراه برنامه</translation>
    </message>
</context>
<context>
    <name>TranscriptionQueue</name>
    <message>
        <location filename="../../desktop/transcription_queue.py" line="58"/>
        <source>Transcription cancelled.</source>
        <translation>پیاده‌سازی لغو شد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription_queue.py" line="129"/>
        <source>The transcription stopped unexpectedly (exit code {0}). What was saved is kept; start it again to resume.</source>
        <translation>پیاده‌سازی به‌طور غیرمنتظره متوقف شد (کد خروج {0}). آنچه ذخیره شده بود حفظ شده است؛ برای ادامه، آن را دوباره آغاز کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription_queue.py" line="142"/>
        <source>Transcription cancelled. It resumes where it stopped.</source>
        <translation>پیاده‌سازی لغو شد. دفعهٔ بعد از همان جایی که متوقف شد ادامه می‌یابد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription_queue.py" line="154"/>
        <source>Cannot start the transcription worker ({0}).</source>
        <translation>فرایند پیاده‌سازی اجرا نشد ({0}).</translation>
    </message>
</context>
</TS>
