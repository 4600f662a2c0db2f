<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ModelSettingsWidget</name>
    <message>
        <source>Accurate: beam search (the default)</source>
        <translation>دقیق: جست‌وجوی پرتویی (پیش‌فرض)</translation>
    </message>
    <message>
        <source>Fast: greedy, about two thirds of the time</source>
        <translation>سریع: جست‌وجوی حریصانه، حدود دو سوم زمان</translation>
    </message>
    <message>
        <source>Decoding:</source>
        <translation>شیوهٔ رمزگشایی:</translation>
    </message>
</context>
</TS>
