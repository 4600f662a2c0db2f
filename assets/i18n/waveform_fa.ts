<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>WaveformPanel</name>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="98"/>
        <source>Start to the playhead</source>
        <translation>آغاز بخش در جای پخش</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="100"/>
        <source>End to the playhead</source>
        <translation>پایان بخش در جای پخش</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="102"/>
        <source>Waveform</source>
        <translation>شکل موج</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="104"/>
        <source>Show the waveform strip above the transcript</source>
        <translation>نمایش نوار شکل موج بالای متن</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="132"/>
        <source>This interview has no audio file.</source>
        <translation>این مصاحبه فایل صوتی ندارد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="144"/>
        <source>Computing the waveform…</source>
        <translation>در حال محاسبهٔ شکل موج…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="155"/>
        <source>Computing the waveform… %1%</source>
        <translation>در حال محاسبهٔ شکل موج… %1٪</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="158"/>
        <source>about %1 s left</source>
        <translation>حدود %1 ثانیه مانده</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="169"/>
        <source>No waveform: %1</source>
        <translation>شکل موج در دسترس نیست: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="220"/>
        <source>A segment's end must come after its start.</source>
        <translation>پایان بخش باید پس از آغاز آن باشد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="228"/>
        <source>That would leave the neighbouring segment with no time.</source>
        <translation>این کار برای بخش همسایه زمانی باقی نمی‌گذارد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="232"/>
        <source>Move segment boundary</source>
        <translation>جابه‌جایی مرز بخش</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="245"/>
        <source>Choose a segment of an interview with audio to set its times.</source>
        <translation>بخشی از مصاحبه‌ای را که فایل صوتی دارد برگزینید تا زمان‌هایش را تعیین کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="271"/>
        <source>Show the whole recording</source>
        <translation>نمایش کل ضبط</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/waveform_panel.py" line="273"/>
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
</context>
</TS>
