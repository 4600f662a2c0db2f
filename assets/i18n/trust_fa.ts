<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Replace names with pseudonyms (replacement list, real names, contacts)</source>
        <translation>جایگزینی نام‌ها با نام مستعار (فهرست جایگزینی، نام‌های واقعی، اطلاعات تماس)</translation>
    </message>
    <message>
        <source>Every name on the study's replacement list and every participant's real name and contact is replaced in every text the export writes.</source>
        <translation>هر نامِ فهرست جایگزینی پژوهش و نام واقعی و اطلاعات تماس هر مشارکت‌کننده در همهٔ متن‌هایی که خروجی می‌نویسد جایگزین می‌شود.</translation>
    </message>
</context>
<context>
    <name>_JobDialog</name>
    <message>
        <source>No names from the replacement list or the participants' real names were found in the exported text.</source>
        <translation>هیچ نامی از فهرست جایگزینی یا نام واقعی مشارکت‌کنندگان در متن خروجی پیدا نشد.</translation>
    </message>
    <message>
        <source>Check these %1 place(s): they look like a name but were not replaced.</source>
        <translation>این %1 مورد را بررسی کنید: به نامی شبیه‌اند اما جایگزین نشدند.</translation>
    </message>
    <message>
        <source>«%1» in %2 looks like «%3» (%4)</source>
        <translation>«%1» در %2 به «%3» شبیه است (%4)</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… و %1 مورد دیگر.</translation>
    </message>
    <message>
        <source>inside a longer word</source>
        <translation>درون واژه‌ای بلندتر</translation>
    </message>
    <message>
        <source>one letter different</source>
        <translation>یک حرف متفاوت</translation>
    </message>
    <message>
        <source>part of a real name</source>
        <translation>بخشی از یک نام واقعی</translation>
    </message>
</context>
</TS>
