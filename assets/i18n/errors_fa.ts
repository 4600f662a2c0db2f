<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ErrorReport</name>
    <message>
        <source>The disk is full: the last change could not be saved. Free some space and do it again; everything saved before is kept.</source>
        <translation>دیسک پر است: آخرین تغییر ذخیره نشد. کمی فضا آزاد کنید و دوباره انجامش دهید؛ هرچه پیش‌تر ذخیره شده بود سالم است.</translation>
    </message>
    <message>
        <source>The study is busy in another program; the last change was not saved. Try again in a moment.</source>
        <translation>برنامهٔ دیگری مشغول کار با این پژوهش است؛ آخرین تغییر ذخیره نشد. چند لحظه بعد دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The study folder is read-only: changes cannot be saved there.</source>
        <translation>پوشهٔ پژوهش فقط‌خواندنی است: تغییرها در آن ذخیره نمی‌شوند.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). What was saved before is kept.</source>
        <translation>خطایی پیش آمد (%1). هرچه پیش‌تر ذخیره شده بود سالم است.</translation>
    </message>
</context>
</TS>
