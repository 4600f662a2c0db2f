<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>CodebookPanel</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1، %2، %3</translation>
    </message>
    <message>
        <source>%1 category</source>
        <translation>%1 مقوله</translation>
    </message>
    <message>
        <source>%1 categories</source>
        <translation>%1 مقوله</translation>
    </message>
    <message>
        <source>%1 code</source>
        <translation>%1 کد</translation>
    </message>
    <message>
        <source>%1 codes</source>
        <translation>%1 کد</translation>
    </message>
    <message>
        <source>%1 coding</source>
        <translation>%1 کدگذاری</translation>
    </message>
    <message>
        <source>%1 codings</source>
        <translation>%1 کدگذاری</translation>
    </message>
</context>
<context>
    <name>InterviewsModel</name>
    <message>
        <source>Interview id %1 (the ID the command line asks for)</source>
        <translation>شناسهٔ مصاحبه: %1 (همان ID که خط فرمان می‌خواهد)</translation>
    </message>
</context>
</TS>
