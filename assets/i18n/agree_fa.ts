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
</TS>
