<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>SpeechServerGroup</name>
    <message>
        <source>Speech server</source>
        <translation>سرور گفتار</translation>
    </message>
    <message>
        <source>Transcribe on this server instead of this computer</source>
        <translation>پیاده‌سازی روی این سرور به جای این رایانه</translation>
    </message>
    <message>
        <source>When this is on, the audio of every interview you transcribe is sent to this server: it leaves this computer. Use it only with a server your study's consent and ethics approval allow. Nothing is sent while it is off.</source>
        <translation>وقتی این گزینه روشن است، صدای هر مصاحبه‌ای که پیاده‌سازی می‌کنید به این سرور فرستاده می‌شود: از این رایانه بیرون می‌رود. فقط با سروری به کارش ببرید که رضایت‌نامه و مجوز اخلاق پژوهش شما اجازه می‌دهد. تا خاموش است، چیزی فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ندارد</translation>
    </message>
    <message>
        <source>How many interviews are sent at once; a server that batches requests (vLLM) finishes a study sooner with more</source>
        <translation>چند مصاحبه هم‌زمان فرستاده شود؛ سروری که درخواست‌ها را دسته‌ای پردازش می‌کند (vLLM) با عدد بیشتر زودتر کار یک پژوهش را تمام می‌کند</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>آزمودن اتصال</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>کلید API</translation>
    </message>
    <message>
        <source>Interviews at once</source>
        <translation>مصاحبه‌های هم‌زمان</translation>
    </message>
    <message>
        <source>The key is kept in the system keyring.</source>
        <translation>کلید در جاکلیدی سیستم نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>The key is kept in a settings file only you can read.</source>
        <translation>کلید در فایل تنظیماتی نگه داشته می‌شود که فقط خودتان می‌توانید آن را بخوانید.</translation>
    </message>
    <message>
        <source>Give the server's address first.</source>
        <translation>نخست نشانی سرور را بنویسید.</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>در حال پرسیدن از سرور…</translation>
    </message>
    <message>
        <source>Connected. This server does not list its models; it serves the one it was started with.</source>
        <translation>وصل شد. این سرور فهرست مدل‌هایش را نمی‌دهد؛ همان مدلی را به کار می‌برد که با آن راه افتاده است.</translation>
    </message>
    <message>
        <source>Connected. Models: %1</source>
        <translation>وصل شد. مدل‌ها: %1</translation>
    </message>
    <message>
        <source>Connected. The server lists no models.</source>
        <translation>وصل شد. سرور هیچ مدلی را فهرست نمی‌کند.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>General</source>
        <translation>عمومی</translation>
    </message>
    <message>
        <source>Transcription</source>
        <translation>پیاده‌سازی</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>سرورها</translation>
    </message>
    <message>
        <source>Transcription runs on the server %1 (Settings → Servers): the audio leaves this computer.</source>
        <translation>پیاده‌سازی روی سرور %1 انجام می‌شود (تنظیمات › سرورها): صدا از این رایانه بیرون می‌رود.</translation>
    </message>
    <message>
        <source>Transcription runs on this computer; no audio leaves it. A lab's speech server can be chosen in Settings → Servers.</source>
        <translation>پیاده‌سازی روی همین رایانه انجام می‌شود و هیچ صدایی از آن بیرون نمی‌رود. سرور گفتار آزمایشگاه را می‌توانید در تنظیمات › سرورها برگزینید.</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Earlier</source>
        <translation>زودتر</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>دیرتر</translation>
    </message>
    <message>
        <source>Take out</source>
        <translation>برداشتن از صف</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>مکث</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>ادامه</translation>
    </message>
    <message>
        <source>Cancel queue</source>
        <translation>لغو صف</translation>
    </message>
    <message>
        <source>The audio of these interviews is sent to the speech server %1: it leaves this computer.</source>
        <translation>صدای این مصاحبه‌ها به سرور گفتار %1 فرستاده می‌شود: از این رایانه بیرون می‌رود.</translation>
    </message>
    <message>
        <source>Transcription queue: %1 interviews</source>
        <translation>صف پیاده‌سازی: %1 مصاحبه</translation>
    </message>
    <message>
        <source>Transcription queue (paused): %1 interviews</source>
        <translation>صف پیاده‌سازی (در مکث): %1 مصاحبه</translation>
    </message>
    <message>
        <source>Paused. Resume goes on where it stopped.</source>
        <translation>در مکث. «ادامه» از همان جایی که متوقف شد پیش می‌رود.</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>اکنون: %1</translation>
    </message>
    <message>
        <source>%1 of %2 interviews done</source>
        <translation>%1 از %2 مصاحبه انجام شد</translation>
    </message>
    <message>
        <source>%1 h of audio done, %2 h left</source>
        <translation>%1 ساعت از صدا پیاده‌سازی شد، %2 ساعت مانده</translation>
    </message>
    <message>
        <source>about %1 left (h:min)</source>
        <translation>حدود %1 مانده (ساعت:دقیقه)</translation>
    </message>
    <message>
        <source>estimating the time left…</source>
        <translation>در حال برآورد زمان باقی‌مانده…</translation>
    </message>
    <message>
        <source>Transcription queue stopped</source>
        <translation>صف پیاده‌سازی متوقف شد</translation>
    </message>
</context>
<context>
    <name>StudyQueueRunner</name>
    <message>
        <source>The transcription queue stopped unexpectedly (exit code %1); what was saved is kept.</source>
        <translation>صف پیاده‌سازی به‌طور غیرمنتظره متوقف شد (کد خروج %1)؛ آنچه ذخیره شده بود محفوظ است.</translation>
    </message>
</context>
<context>
    <name>InterviewsView</name>
    <message>
        <source>Transcribe the selected interviews (several go to the transcription queue)</source>
        <translation>پیاده‌سازی مصاحبه‌های برگزیده (چند مصاحبه به صف پیاده‌سازی می‌روند)</translation>
    </message>
    <message>
        <source>Transcribe the selected interviews</source>
        <translation>پیاده‌سازی مصاحبه‌های برگزیده</translation>
    </message>
    <message>
        <source>Transcribe all not transcribed</source>
        <translation>پیاده‌سازی همهٔ پیاده‌نشده‌ها</translation>
    </message>
</context>
</TS>
