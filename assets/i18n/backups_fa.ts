<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>نسخه‌های پشتیبان</translation>
    </message>
    <message>
        <source>A copy of the study's database is made when the study is opened and the newest copy is a day old, and before an upgrade; the newest %1 are kept in the study's backups folder. Recordings are not copied: they never change.</source>
        <translation>هر بار که پژوهش باز می‌شود و از تازه‌ترین نسخه یک روز گذشته است، و نیز پیش از هر ارتقا، از پایگاه دادهٔ پژوهش نسخه‌ای گرفته می‌شود؛ %1 نسخهٔ آخر در پوشهٔ نسخه‌های پشتیبانِ پژوهش نگه داشته می‌شوند. از فایل‌های صوتی نسخه گرفته نمی‌شود، چون هرگز تغییر نمی‌کنند.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>زمان ساخت</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>علت</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>گرفتن نسخهٔ پشتیبان</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>بازگردانی…</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>باز کردن پوشه</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>روزانه</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>پیش از ارتقا</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>پیش از بازگردانی</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>دستی</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 مگابایت</translation>
    </message>
    <message>
        <source>A copy was made.</source>
        <translation>یک نسخه گرفته شد.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>بازگردانی نسخهٔ پشتیبان</translation>
    </message>
    <message>
        <source>Put the copy of %1 back in place of the study? The study closes and opens again as it was then; its present state is kept as one more copy, so this can be undone by restoring that.</source>
        <translation>نسخهٔ %1 به جای پژوهش بازگردانده شود؟ پژوهش بسته می‌شود و به همان حالتِ آن زمان دوباره باز می‌شود؛ حالت کنونی‌اش هم به‌صورت یک نسخهٔ دیگر می‌ماند، پس با بازگرداندن همان نسخه می‌توان این کار را برگرداند.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Backups…</source>
        <translation>نسخه‌های پشتیبان…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>بازگردانی نسخهٔ پشتیبان</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Open study</source>
        <translation>باز کردن پژوهش</translation>
    </message>
    <message>
        <source>The study has backups. Put the newest, of %1, back in its place and open it? The file that would not open is kept in the backups folder.</source>
        <translation>این پژوهش نسخهٔ پشتیبان دارد. تازه‌ترین نسخه (تهیه‌شده در %1) به جای آن بازگردانده و باز شود؟ فایلی که باز نشد در پوشهٔ نسخه‌های پشتیبان نگه داشته می‌شود.</translation>
    </message>
</context>
</TS>
