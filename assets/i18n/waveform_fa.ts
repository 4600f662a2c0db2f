<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>WaveformPanel</name>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="90"/>
        <source>Start to the playhead</source>
        <translation>آغاز بخش در جای پخش</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="92"/>
        <source>End to the playhead</source>
        <translation>پایان بخش در جای پخش</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="94"/>
        <source>Waveform</source>
        <translation>شکل موج</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="96"/>
        <source>Show the waveform strip above the transcript</source>
        <translation>نمایش نوار شکل موج بالای متن</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="123"/>
        <source>This interview has no audio file.</source>
        <translation>این مصاحبه فایل صوتی ندارد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="135"/>
        <source>Computing the waveform…</source>
        <translation>در حال محاسبهٔ شکل موج…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="146"/>
        <source>Computing the waveform… %1%</source>
        <translation>در حال محاسبهٔ شکل موج… %1٪</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="149"/>
        <source>about %1 s left</source>
        <translation>حدود %1 ثانیه مانده</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="159"/>
        <source>No waveform: %1</source>
        <translation>شکل موج در دسترس نیست: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="211"/>
        <source>A segment's end must come after its start.</source>
        <translation>پایان بخش باید پس از آغاز آن باشد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="219"/>
        <source>That would leave the neighbouring segment with no time.</source>
        <translation>این کار برای بخش همسایه زمانی باقی نمی‌گذارد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="223"/>
        <source>Move segment boundary</source>
        <translation>جابه‌جایی مرز بخش</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="236"/>
        <source>Choose a segment of an interview with audio to set its times.</source>
        <translation>بخشی از مصاحبه‌ای را که فایل صوتی دارد برگزینید تا زمان‌هایش را تعیین کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="262"/>
        <source>Show the whole recording</source>
        <translation>نمایش کل ضبط</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="264"/>
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
</context>
</TS>
