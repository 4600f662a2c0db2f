<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>GuideEditor</name>
    <message>
        <location filename="../../desktop/guide_editor.py" line="29"/>
        <location filename="../../desktop/guide_editor.py" line="98"/>
        <source>Add question</source>
        <translation>افزودن پرسش</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor.py" line="47"/>
        <source>Edit question</source>
        <translation>ویرایش پرسش</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor.py" line="61"/>
        <source>Delete question</source>
        <translation>حذف پرسش</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor.py" line="76"/>
        <source>Move question</source>
        <translation>جابه‌جایی پرسش</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor.py" line="99"/>
        <source>Add follow-up</source>
        <translation>افزودن پرسش پیگیری</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor.py" line="100"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor.py" line="101"/>
        <source>Up</source>
        <translation>بالا</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor.py" line="102"/>
        <source>Down</source>
        <translation>پایین</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor.py" line="145"/>
        <source>New main question</source>
        <translation>پرسش اصلی جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor.py" line="155"/>
        <source>New follow-up</source>
        <translation>پرسش پیگیری جدید</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Audio and video (*.wav *.mp3 *.m4a *.aac *.ogg *.opus *.oga *.flac *.webm *.mp4 *.mkv *.mov);;All files (*)</source>
        <translation>فایل‌های صوتی و ویدئویی (‎*.wav *.mp3 *.m4a *.aac *.ogg *.opus *.oga *.flac *.webm *.mp4 *.mkv *.mov);;همهٔ فایل‌ها (‎*)</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="54"/>
        <source>Record: %1</source>
        <translation>ضبط: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="70"/>
        <source>Microphone (interviewer):</source>
        <translation>میکروفون (مصاحبه‌گر):</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="71"/>
        <source>Other side of the call:</source>
        <translation>طرف دیگر تماس:</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="77"/>
        <source>Interviewer</source>
        <translation>مصاحبه‌گر</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="77"/>
        <source>Remote party</source>
        <translation>طرف مقابل</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="92"/>
        <source>The participant consented to this recording</source>
        <translation>مشارکت‌کننده به ضبط این گفت‌وگو رضایت داده است</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="97"/>
        <source>Record</source>
        <translation>ضبط</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="98"/>
        <location filename="../../desktop/record_dialog.py" line="206"/>
        <source>Pause</source>
        <translation>مکث</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="99"/>
        <source>Mark (F8)</source>
        <translation>نشانک (F8)</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="100"/>
        <source>Stop</source>
        <translation>توقف</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="107"/>
        <source>Marks:</source>
        <translation>نشانک‌ها:</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="111"/>
        <source>Interview guide: click a question when you ask it</source>
        <translation>راهنمای مصاحبه: هنگام پرسیدن هر پرسش روی آن کلیک کنید</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="126"/>
        <location filename="../../desktop/record_dialog.py" line="127"/>
        <source>(none)</source>
        <translation>(هیچ‌کدام)</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="129"/>
        <source> (what the computer plays)</source>
        <translation> (صدای پخش‌شده در رایانه)</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="141"/>
        <source>No audio input found: connect a microphone (or start PulseAudio/PipeWire) and open this window again.</source>
        <translation>هیچ ورودی صوتی پیدا نشد: میکروفونی وصل کنید (یا PulseAudio/PipeWire را راه بیندازید) و این پنجره را دوباره باز کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="162"/>
        <source>Choose a microphone or the other side of the call.</source>
        <translation>یک میکروفون یا طرف دیگر تماس را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="165"/>
        <source>Choose two different inputs.</source>
        <translation>دو ورودی متفاوت انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="192"/>
        <source> (paused)</source>
        <translation> (در مکث)</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="196"/>
        <source>Input overflows: %1</source>
        <translation>سرریز ورودی: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="209"/>
        <source>Resume</source>
        <translation>ادامه</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="217"/>
        <source>%1  mark</source>
        <translation>%1  نشانک</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="249"/>
        <source>Saving…</source>
        <translation>در حال ذخیره…</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="270"/>
        <source>Not saved</source>
        <translation>ذخیره نشد</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="273"/>
        <source>Saved: %1</source>
        <translation>ذخیره شد: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="282"/>
        <source>Stop the recording and save it?</source>
        <translation>ضبط متوقف و ذخیره شود؟</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="304"/>
        <source>Unfinished recordings</source>
        <translation>ضبط‌های ناتمام</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/record_dialog.py" line="305"/>
        <source>%n recording(s) were cut short (the app closed during a call). Finish them now and attach them to their interviews?</source>
        <translation>
            <numerusform>%Ln ضبط نیمه‌کاره ماند (برنامه در میانهٔ تماس بسته شد). اکنون تکمیل و به مصاحبه‌های مربوط پیوست شوند؟</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="329"/>
        <source>Import audio</source>
        <translation>افزودن فایل صوتی</translation>
    </message>
    <message>
        <location filename="../../desktop/record_dialog.py" line="338"/>
        <source>%1 holds no audio.</source>
        <translation>فایل «%1» هیچ صدایی ندارد.</translation>
    </message>
</context>
</TS>