<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ModelSettingsWidget</name>
    <message>
        <location filename="../../desktop/model_settings.py" line="48"/>
        <source>Whisper model</source>
        <translation>مدل Whisper</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="49"/>
        <source>Bundled model (Whisper base, multilingual)</source>
        <translation>مدل همراه برنامه (Whisper base، چندزبانه)</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="50"/>
        <source>Local model folder (CTranslate2)</source>
        <translation>پوشهٔ مدل روی همین رایانه (CTranslate2)</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="51"/>
        <source>Model name or hub id (downloaded once when online)</source>
        <translation>نام مدل یا شناسهٔ هاب (یک بار هنگام اتصال به اینترنت دریافت می‌شود)</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="56"/>
        <source>Folder with config.json and model.bin</source>
        <translation>پوشه‌ای با config.json و model.bin</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="58"/>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="74"/>
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="74"/>
        <source>Detect automatically</source>
        <translation>تشخیص خودکار</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="74"/>
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="75"/>
        <source>Arabic</source>
        <translation>عربی</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="75"/>
        <source>Kurdish</source>
        <translation>کردی</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="75"/>
        <source>Azerbaijani</source>
        <translation>آذربایجانی</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="76"/>
        <source>Turkish</source>
        <translation>ترکی</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="80"/>
        <source>In use</source>
        <translation>در حال استفاده</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="90"/>
        <source>Model:</source>
        <translation>مدل:</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="91"/>
        <source>Size on disk:</source>
        <translation>حجم روی دیسک:</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="92"/>
        <source>Runs on:</source>
        <translation>اجرا روی:</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="96"/>
        <source>Language of the interviews:</source>
        <translation>زبان مصاحبه‌ها:</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="150"/>
        <source>Choose a CTranslate2 Whisper model folder</source>
        <translation>یک پوشهٔ مدل Whisper از نوع CTranslate2 انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="172"/>
        <source>{device}, {compute} ({threads} threads)</source>
        <translation>{device}، {compute} ({threads} رشته)</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="176"/>
        <source>(nothing chosen yet)</source>
        <translation>(هنوز چیزی انتخاب نشده)</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="183"/>
        <source>bundled</source>
        <translation>همراه برنامه</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="184"/>
        <source>not on this computer</source>
        <translation>روی این رایانه نیست</translation>
    </message>
    <message>
        <location filename="../../desktop/model_settings.py" line="187"/>
        <source>Bundled Whisper base</source>
        <translation>مدل Whisper base همراه برنامه</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>پردازنده</translation>
    </message>
    <message>
        <source>graphics card (CUDA)</source>
        <translation>کارت گرافیک (CUDA)</translation>
    </message>
    <message>
        <source>8-bit integers</source>
        <translation>اعداد صحیح ۸ بیتی</translation>
    </message>
    <message>
        <source>16-bit floats</source>
        <translation>ممیز شناور ۱۶ بیتی</translation>
    </message>
    <message>
        <source>8-bit integers with 16-bit floats</source>
        <translation>اعداد صحیح ۸ بیتی با ممیز شناور ۱۶ بیتی</translation>
    </message>
    <message>
        <source>32-bit floats</source>
        <translation>ممیز شناور ۳۲ بیتی</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>گیگابایت</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>مگابایت</translation>
    </message>
    <message>
        <source>kB</source>
        <translation>کیلوبایت</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>بایت</translation>
    </message>
</context>
<context>
    <name>TranscriptionQueue</name>
    <message>
        <location filename="../../desktop/transcription_queue.py" line="58"/>
        <source>Transcription cancelled.</source>
        <translation>پیاده‌سازی لغو شد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription_queue.py" line="129"/>
        <source>The transcription stopped unexpectedly (exit code {0}). What was saved is kept; start it again to resume.</source>
        <translation>پیاده‌سازی به‌طور غیرمنتظره متوقف شد (کد خروج {0}). آنچه ذخیره شده بود حفظ شده است؛ برای ادامه، آن را دوباره آغاز کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription_queue.py" line="142"/>
        <source>Transcription cancelled. It resumes where it stopped.</source>
        <translation>پیاده‌سازی لغو شد. دفعهٔ بعد از همان جایی که متوقف شد ادامه می‌یابد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription_queue.py" line="154"/>
        <source>Cannot start the transcription worker ({0}).</source>
        <translation>فرایند پیاده‌سازی اجرا نشد ({0}).</translation>
    </message>
</context>
</TS>
