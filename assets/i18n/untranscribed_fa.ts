<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>TranscriptionQueue</name>
    <message numerus="yes">
        <location filename="../../desktop/transcription/queue.py" line="130"/>
        <source>%n stretch(es), %1 s, could not be transcribed; they are marked in the transcript (F7 goes to the next one).</source>
        <translation>
            <numerusform>%Ln تکه از گفتار (در مجموع %1 ثانیه) پیاده‌سازی نشد؛ این تکه‌ها در متن علامت‌گذاری شده‌اند (با F7 به تکهٔ بعدی بروید).</numerusform></translation>
    </message>
</context>
<context>
    <name>SegmentDelegate</name>
    <message>
        <location filename="../../desktop/transcript/delegate.py" line="118"/>
        <source>[speech the machine could not transcribe: listen and type it]</source>
        <translation>[گفتاری که برنامه نتوانست پیاده‌سازی کند: گوش دهید و بنویسید]</translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="130"/>
        <source>Next untranscribed</source>
        <translation>گفتار پیاده‌سازی‌نشدهٔ بعدی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="355"/>
        <source>No untranscribed speech is left.</source>
        <translation>گفتار پیاده‌سازی‌نشده‌ای نمانده است.</translation>
    </message>
</context>
</TS>
