<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>A participant needs a pseudonym.</source>
        <translation>هر مشارکت‌کننده نام مستعاری لازم دارد.</translation>
    </message>
    <message>
        <source>The pseudonym “%1” is already used in this study.</source>
        <translation>نام مستعار «%1» پیش‌تر در این پژوهش به کار رفته است.</translation>
    </message>
    <message>
        <source>A participant cannot be referred by someone they referred.</source>
        <translation>مشارکت‌کننده را نمی‌توان به معرفی کسی ثبت کرد که خودش او را معرفی کرده است.</translation>
    </message>
    <message>
        <source>An attribute needs a name.</source>
        <translation>هر ویژگی نامی لازم دارد.</translation>
    </message>
</context>
</TS>
