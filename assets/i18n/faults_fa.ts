<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>MainWindow</name>
    <message>
        <source>read-only: editing is off</source>
        <translation>فقط‌خواندنی: ویرایش خاموش است</translation>
    </message>
</context>
</TS>
