<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Two speakers, one per channel</source>
        <translation>دو گوینده، هر کدام در یک کانال</translation>
    </message>
    <message>
        <source>One channel (speakers found by voice)</source>
        <translation>یک کانال (گوینده‌ها از روی صدا شناخته می‌شوند)</translation>
    </message>
    <message>
        <source>One voice on both channels (transcribed once)</source>
        <translation>یک صدا در هر دو کانال (یک بار پیاده‌سازی می‌شود)</translation>
    </message>
    <message>
        <source>Count them</source>
        <translation>شمارش خودکار</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>کانال‌ها</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>گوینده‌ها</translation>
    </message>
    <message>
        <source>The audio has one channel (or none is attached yet).</source>
        <translation>فایل صوتی یک کانال دارد (یا هنوز فایلی افزوده نشده است).</translation>
    </message>
    <message>
        <source>How the speakers are found has changed. Transcribe this interview again now? Its transcript will be replaced (a corrected one is kept as a memo).</source>
        <translation>روش شناختن گوینده‌ها تغییر کرد. این مصاحبه اکنون دوباره پیاده‌سازی شود؟ متن پیاده‌شده جایگزین می‌شود (متن اصلاح‌شده در قالب یک یادداشت نگه داشته می‌شود).</translation>
    </message>
</context>
<context>
    <name>TranscriptSpeakers</name>
    <message>
        <source>Swap interviewer and participant</source>
        <translation>جابه‌جایی مصاحبه‌گر و مشارکت‌کننده</translation>
    </message>
    <message>
        <source>Rename speaker</source>
        <translation>تغییر نام گوینده</translation>
    </message>
    <message>
        <source>Choose a segment of the speaker to rename.</source>
        <translation>بخشی از گفته‌های گوینده‌ای را که می‌خواهید نامش را تغییر دهید انتخاب کنید.</translation>
    </message>
    <message>
        <source>New name for every segment of this speaker:</source>
        <translation>نام جدید این گوینده در همهٔ بخش‌ها:</translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message>
        <source>Swap interviewer and participant</source>
        <translation>جابه‌جایی مصاحبه‌گر و مشارکت‌کننده</translation>
    </message>
    <message>
        <source>Rename speaker…</source>
        <translation>تغییر نام گوینده…</translation>
    </message>
</context>
<context>
    <name>SegmentsModel</name>
    <message>
        <source>Unsure</source>
        <translation>نامطمئن</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Speakers in a new interview</source>
        <translation>گوینده‌ها در مصاحبهٔ جدید</translation>
    </message>
    <message>
        <source>Count them</source>
        <translation>شمارش خودکار</translation>
    </message>
</context>
<context>
    <name>RetrievalView</name>
    <message>
        <source>Participants' speech only</source>
        <translation>فقط گفته‌های مشارکت‌کنندگان</translation>
    </message>
    <message>
        <source>Leave out what the interviewer said</source>
        <translation>گفته‌های مصاحبه‌گر کنار گذاشته شود</translation>
    </message>
</context>
</TS>
