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
<context>
    <name>ExportDialog</name>
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
        <source>Wrote the codebook (%1, %2) to %3.</source>
        <translation>کتاب کد (%1، %2) در %3 ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
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
        <source>Imported the codebook: %1 and %2 added, %3 already there.</source>
        <translation>کتاب کد وارد شد: %1 و %2 افزوده شد و %3 از پیش وجود داشت.</translation>
    </message>
</context>
</TS>
