<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="67"/>
        <source>Find and replace</source>
        <translation>جست‌وجو و جایگزینی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="73"/>
        <source>— a participant's pseudonym —</source>
        <translation>— نام مستعار یک مشارکت‌کننده —</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="77"/>
        <source>This interview</source>
        <translation>این مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="78"/>
        <source>The whole study</source>
        <translation>کل پژوهش</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="81"/>
        <source>Find next</source>
        <translation>یافتن بعدی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="83"/>
        <location filename="../../desktop/transcript/find_replace.py" line="146"/>
        <source>Replace all</source>
        <translation>جایگزینی همه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="84"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="89"/>
        <source>Find</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="90"/>
        <source>Replace with</source>
        <translation>جایگزین با</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="95"/>
        <source>Where</source>
        <translation>دامنه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="124"/>
        <location filename="../../desktop/transcript/find_replace.py" line="144"/>
        <source>Not found.</source>
        <translation>یافت نشد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="134"/>
        <source>Match %1 of %2</source>
        <translation>مورد %1 از %2</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/find_replace.py" line="159"/>
        <source>%1 replaced.</source>
        <translation>%1 مورد جایگزین شد.</translation>
    </message>
</context>
<context>
    <name>InterviewsView</name>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews_view.py" line="123"/>
        <source>New interview</source>
        <translation>مصاحبهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews_view.py" line="123"/>
        <source>Record…</source>
        <translation>ضبط…</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews_view.py" line="124"/>
        <source>Import audio…</source>
        <translation>افزودن فایل صوتی…</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews_view.py" line="125"/>
        <source>Transcribe</source>
        <translation>پیاده‌سازی</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews_view.py" line="126"/>
        <source>Open transcript</source>
        <translation>باز کردن متن پیاده‌شده</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Edit interview…</source>
        <translation>ویرایش مصاحبه…</translation>
    </message>
    <message>
        <source>Transcribe again</source>
        <translation>پیاده‌سازی دوباره</translation>
    </message>
    <message>
        <source>This transcript has %1 checked segments and %2 codings. Transcribe the audio again? The corrected transcript is kept as a memo on the interview.</source>
        <translation>این متن پیاده‌شده %1 بخش بازبینی‌شده و %2 کدگذاری دارد. صدای مصاحبه دوباره پیاده‌سازی شود؟ متن اصلاح‌شده به‌صورت یادداشتی در مصاحبه نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="45"/>
        <source>Participants</source>
        <translation>مشارکت‌کنندگان</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="46"/>
        <source>Interviews</source>
        <translation>مصاحبه‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="47"/>
        <source>Transcript</source>
        <translation>متن پیاده‌شده</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="48"/>
        <source>Retrieval</source>
        <translation>بازیابی</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="49"/>
        <source>Tables</source>
        <translation>جدول‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="50"/>
        <source>Saturation</source>
        <translation>اشباع</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="59"/>
        <source>Codebook</source>
        <translation>کتاب کد</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="94"/>
        <source>&amp;File</source>
        <translation>&amp;فایل</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="95"/>
        <source>New study…</source>
        <translation>پژوهش جدید…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="96"/>
        <source>Open study…</source>
        <translation>باز کردن پژوهش…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="97"/>
        <source>Recent studies</source>
        <translation>پژوهش‌های اخیر</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="100"/>
        <source>Export…</source>
        <translation>خروجی گرفتن…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="101"/>
        <source>Import…</source>
        <translation>وارد کردن…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="103"/>
        <source>Settings…</source>
        <translation>تنظیمات…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="104"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="105"/>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="106"/>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="108"/>
        <source>Redo</source>
        <translation>انجام دوباره</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="114"/>
        <source>&amp;Transcript</source>
        <translation>&amp;متن پیاده‌شده</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="120"/>
        <source>&amp;Interview</source>
        <translation>&amp;مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="121"/>
        <source>New interview…</source>
        <translation>مصاحبهٔ جدید…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="122"/>
        <source>Record…</source>
        <translation>ضبط…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="123"/>
        <source>Import audio…</source>
        <translation>افزودن فایل صوتی…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="124"/>
        <location filename="../../desktop/main_window.py" line="197"/>
        <source>Transcribe</source>
        <translation>پیاده‌سازی</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="125"/>
        <source>Open transcript</source>
        <translation>باز کردن متن پیاده‌شده</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="126"/>
        <source>Interview guide…</source>
        <translation>راهنمای مصاحبه…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="138"/>
        <source>Choose an interview in the list first.</source>
        <translation>نخست یک مصاحبه را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="160"/>
        <source>(no participant)</source>
        <translation>(بدون مشارکت‌کننده)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="161"/>
        <source>New interview</source>
        <translation>مصاحبهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="161"/>
        <source>Participant</source>
        <translation>مشارکت‌کننده</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="180"/>
        <location filename="../../desktop/main_window.py" line="187"/>
        <source>Import audio</source>
        <translation>افزودن فایل صوتی</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="197"/>
        <source>Record or import the audio first.</source>
        <translation>نخست صدای مصاحبه را ضبط یا وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="215"/>
        <source>Transcription failed</source>
        <translation>پیاده‌سازی ناموفق بود</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="240"/>
        <location filename="../../desktop/main_window.py" line="246"/>
        <source>New study</source>
        <translation>پژوهش جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="241"/>
        <source>Mosahebeh study (*.mosahebeh)</source>
        <translation>پژوهش برنامهٔ «مصاحبه» (‎*.mosahebeh)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="251"/>
        <source>Open study (a .mosahebeh folder)</source>
        <translation>باز کردن پژوهش (پوشهٔ ‎.mosahebeh)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="259"/>
        <source>Open study</source>
        <translation>باز کردن پژوهش</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="275"/>
        <source>a transcription</source>
        <translation>یک پیاده‌سازی</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="278"/>
        <source>a recording</source>
        <translation>یک ضبط</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="284"/>
        <source>Close Mosahebeh</source>
        <translation>بستن برنامهٔ مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="285"/>
        <source>%1 is still running. Stop it and close? Work saved so far is kept.</source>
        <translation>%1 هنوز در جریان است. متوقف شود و برنامه بسته شود؟ کارهای ذخیره‌شده می‌مانند.</translation>
    </message>
<message><source>Mosahebeh</source><translation>«مصاحبه»</translation></message></context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <location filename="../../desktop/participants_view.py" line="26"/>
        <source>Participant</source>
        <translation>مشارکت‌کننده</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="26"/>
        <source>New participant</source>
        <translation>مشارکت‌کنندهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="29"/>
        <source>(nobody: a seed)</source>
        <translation>(هیچ‌کس؛ نفر آغازین زنجیره)</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="36"/>
        <source>Pseudonym</source>
        <translation>نام مستعار</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="37"/>
        <source>Referred by</source>
        <translation>معرف</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="45"/>
        <source>new attribute</source>
        <translation>ویژگی جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="49"/>
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="52"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
</context>
<context>
    <name>ParticipantsView</name>
    <message>
        <location filename="../../desktop/participants_view.py" line="92"/>
        <source>Add…</source>
        <translation>افزودن…</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="92"/>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="92"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="109"/>
        <source>Pseudonym</source>
        <translation>نام مستعار</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="109"/>
        <source>Interviews</source>
        <translation>مصاحبه‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="168"/>
        <location filename="../../desktop/participants_view.py" line="175"/>
        <source>Remove participant</source>
        <translation>حذف مشارکت‌کننده</translation>
    </message>
    <message>
        <location filename="../../desktop/participants_view.py" line="169"/>
        <source>Remove %1? Their interviews stay, without a participant.</source>
        <translation>%1 حذف شود؟ مصاحبه‌هایش بدون مشارکت‌کننده می‌مانند.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/settings.py" line="122"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="128"/>
        <source>Language (after restart)</source>
        <translation>زبان (پس از راه‌اندازی دوباره)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="132"/>
        <source> s</source>
        <translation> ثانیه</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="134"/>
        <source>Rewind on resume</source>
        <translation>برگشت هنگام ادامهٔ پخش</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="139"/>
        <source>Playback speed</source>
        <translation>سرعت پخش</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="140"/>
        <source>Shade words the model was unsure of</source>
        <translation>سایه‌زدن واژه‌هایی که مدل از آن‌ها مطمئن نبود</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="147"/>
        <source>Unsure below probability</source>
        <translation>آستانهٔ احتمال برای نامطمئن بودن</translation>
    </message>
</context>
<context>
    <name>TimesDialog</name>
    <message>
        <location filename="../../desktop/transcript/dialogs.py" line="17"/>
        <source>Segment times</source>
        <translation>زمان‌های بخش</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/dialogs.py" line="23"/>
        <source>Start</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/dialogs.py" line="24"/>
        <source>End</source>
        <translation>پایان</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/dialogs.py" line="41"/>
        <source>Write times as mm:ss.t, the end not before the start.</source>
        <translation>زمان‌ها را به شکل دقیقه:ثانیه بنویسید (مثلاً ۰۱:۲۳٫۴)؛ پایان نباید پیش از آغاز باشد.</translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="92"/>
        <source>Cannot play the audio: %1</source>
        <translation>پخش صدا ممکن نیست: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="115"/>
        <location filename="../../desktop/transcript/editor.py" line="207"/>
        <source>Play</source>
        <translation>پخش</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="116"/>
        <source>Back 5 s</source>
        <translation>۵ ثانیه عقب</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="117"/>
        <source>Forward 5 s</source>
        <translation>۵ ثانیه جلو</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="118"/>
        <source>Slower</source>
        <translation>کندتر</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="119"/>
        <source>Faster</source>
        <translation>تندتر</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="121"/>
        <source>Next unchecked</source>
        <translation>بازبینی‌نشدهٔ بعدی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="123"/>
        <source>Bookmark</source>
        <translation>نشانک</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="125"/>
        <source>Split</source>
        <translation>تقسیم</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="126"/>
        <source>Merge with next</source>
        <translation>ادغام با بعدی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="127"/>
        <source>Switch speaker</source>
        <translation>تغییر گوینده</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="128"/>
        <source>Times…</source>
        <translation>زمان‌ها…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="130"/>
        <source>In vivo code</source>
        <translation>کد زنده</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="131"/>
        <source>Coding memo…</source>
        <translation>یادداشت کدگذاری…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="132"/>
        <source>Find and replace…</source>
        <translation>جست‌وجو و جایگزینی…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="148"/>
        <source>This interview has no audio file; the transcript can still be edited.</source>
        <translation>این مصاحبه فایل صوتی ندارد؛ متن همچنان ویرایش‌پذیر است.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="185"/>
        <source>No audio to play.</source>
        <translation>صدایی برای پخش نیست.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="207"/>
        <source>Pause</source>
        <translation>مکث</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="284"/>
        <source>Put the cursor in the text (double-click it) to split a segment.</source>
        <translation>برای تقسیم بخش، مکان‌نما را در متن بگذارید (دوبار کلیک کنید).</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="290"/>
        <source>Put the cursor inside the text, between two words, to split.</source>
        <translation>برای تقسیم، مکان‌نما را میان دو واژه بگذارید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="299"/>
        <source>Choose a segment that has one after it.</source>
        <translation>بخشی را انتخاب کنید که بعد از آن بخش دیگری باشد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="347"/>
        <source>Every segment is checked.</source>
        <translation>همهٔ بخش‌ها بازبینی شده‌اند.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="378"/>
        <source>Select some text (or whole segments) to code.</source>
        <translation>برای کدگذاری، متن (یا چند بخش کامل) را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="386"/>
        <source>Apply codes, not categories.</source>
        <translation>کد اعمال کنید، نه مقوله.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="394"/>
        <location filename="../../desktop/transcript/editor.py" line="401"/>
        <source>Select the words to make an in-vivo code of.</source>
        <translation>واژه‌هایی را که کد زنده می‌شوند انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="405"/>
        <source>In vivo</source>
        <translation>کد زنده (برگرفته از گفتهٔ مشارکت‌کننده)</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/editor.py" line="421"/>
        <source>No coding on this segment.</source>
        <translation>این بخش کدگذاری ندارد.</translation>
    </message>
<message>
        <location filename="../../desktop/transcript/dialogs.py" line="53"/>
        <location filename="../../desktop/transcript/dialogs.py" line="58"/>
        <source>Memo on a coding</source>
        <translation>یادداشت روی کدگذاری</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/dialogs.py" line="53"/>
        <source>Coding</source>
        <translation>کدگذاری</translation>
    </message>
</context>
<context><name>SegmentsModel</name><message><source>Interviewer</source><translation>مصاحبه‌گر</translation></message><message><source>Participant</source><translation>مشارکت‌کننده</translation></message><message><source>Time</source><translation>زمان</translation></message><message><source>Speaker</source><translation>گوینده</translation></message><message><source>Text</source><translation>متن</translation></message><message><source>Codes</source><translation>کدها</translation></message></context><context><name>InterviewsModel</name><message><source>WhatsApp</source><translation>واتس‌اپ</translation></message><message><source>Phone</source><translation>تلفن</translation></message><message><source>In person</source><translation>حضوری</translation></message><message><source>Video call</source><translation>تماس تصویری</translation></message><message><source>Other</source><translation>دیگر</translation></message><message><source>transcribing %1%</source><translation>در حال پیاده‌سازی (%1٪)</translation></message><message><source>queued</source><translation>در صف</translation></message><message><source>transcription failed</source><translation>پیاده‌سازی ناموفق</translation></message><message><source>recorded</source><translation>ضبط‌شده</translation></message><message><source>planned</source><translation>برنامه‌ریزی‌شده</translation></message><message><source>coded</source><translation>کدگذاری‌شده</translation></message><message><source>corrected</source><translation>بازبینی‌شده</translation></message><message><source>corrected %1%</source><translation>%1٪ بازبینی‌شده</translation></message><message><source>transcribed</source><translation>پیاده‌شده</translation></message><message><source>Interview</source><translation>مصاحبه</translation></message><message><source>Participant</source><translation>مشارکت‌کننده</translation></message><message><source>Date</source><translation>تاریخ</translation></message><message><source>Mode</source><translation>شیوهٔ برگزاری</translation></message><message><source>Duration</source><translation>مدت</translation></message><message><source>Status</source><translation>وضعیت</translation></message></context><context><name>TranscriptCommands</name><message><source>Edit text</source><translation>ویرایش متن</translation></message><message><source>Change speaker</source><translation>تغییر گوینده</translation></message><message><source>Mark checked</source><translation>علامت بازبینی</translation></message><message><source>Mark unchecked</source><translation>برداشتن علامت بازبینی</translation></message><message><source>Edit times</source><translation>ویرایش زمان‌ها</translation></message><message><source>Split segment</source><translation>تقسیم بخش</translation></message><message><source>Merge with next</source><translation>ادغام با بعدی</translation></message><message><source>Insert bookmark</source><translation>افزودن نشانک</translation></message><message><source>Apply code</source><translation>اعمال کد</translation></message><message><source>Coding memo</source><translation>یادداشت کدگذاری</translation></message></context><context><name>SpanSelection</name><message><source>Selected from segment %1 to segment %2: apply codes to code it; Shift+click or Shift+arrows change it, Esc clears it.</source><translation>از بخش %1 تا بخش %2 انتخاب شد: برای کدگذاری، کد اعمال کنید؛ با Shift+کلیک یا Shift و کلیدهای جهت‌نما آن را تغییر دهید و با Esc لغوش کنید.</translation></message></context></TS>
