<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ModelSettingsWidget</name>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Automatic</source>
        <translation>خودکار</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>CPU</source>
        <translation>پردازنده</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>graphics card (CUDA)</source>
        <translation>کارت گرافیک (CUDA)</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>8-bit integers</source>
        <translation>اعداد صحیح ۸ بیتی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>8-bit integers, 32-bit floats</source>
        <translation>اعداد صحیح ۸ بیتی و ممیز شناور ۳۲ بیتی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>16-bit floats</source>
        <translation>ممیز شناور ۱۶ بیتی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>8-bit integers with 16-bit floats</source>
        <translation>اعداد صحیح ۸ بیتی با ممیز شناور ۱۶ بیتی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>32-bit floats</source>
        <translation>ممیز شناور ۳۲ بیتی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>GB</source>
        <translation>گیگابایت</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>MB</source>
        <translation>مگابایت</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>kB</source>
        <translation>کیلوبایت</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>bytes</source>
        <translation>بایت</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Models on this computer</source>
        <translation>مدل‌های روی این رایانه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Use</source>
        <translation>به کار بردن</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Add from file…</source>
        <translation>افزودن از فایل…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Add folder…</source>
        <translation>افزودن پوشه…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Compare models…</source>
        <translation>مقایسهٔ مدل‌ها…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Transcribe the checked segments of this study again with each model and show WER, CER and speed</source>
        <translation>بخش‌های بازبینی‌شدهٔ این پژوهش را با هر مدل دوباره پیاده‌سازی می‌کند و WER، CER و سرعت را نشان می‌دهد</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Recommended for Persian</source>
        <translation>پیشنهادی برای فارسی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>none</source>
        <translation>بدون پراکسی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Hub or mirror:</source>
        <translation>مخزن مدل‌ها (Hub) یا سرور آینه:</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Proxy:</source>
        <translation>پراکسی:</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Fetch</source>
        <translation>دریافت</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>How it runs</source>
        <translation>شیوهٔ اجرا</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Detect automatically</source>
        <translation>تشخیص خودکار</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Arabic</source>
        <translation>عربی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Kurdish</source>
        <translation>کردی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Azerbaijani</source>
        <translation>ترکی آذربایجانی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Turkish</source>
        <translation>ترکی استانبولی</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Device:</source>
        <translation>سخت‌افزار اجرا:</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Precision:</source>
        <translation>دقت محاسبه:</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>CPU threads:</source>
        <translation>رشته‌های پردازنده:</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Language of the interviews:</source>
        <translation>زبان مصاحبه‌ها:</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Remove model</source>
        <translation>حذف مدل</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Add a model from a file</source>
        <translation>افزودن مدل از فایل</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Model archives (*.zip *.tar *.tar.gz *.tgz *.tar.xz)</source>
        <translation>بایگانی مدل (‎*.zip *.tar *.tar.gz *.tgz *.tar.xz)</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Choose a CTranslate2 Whisper model folder</source>
        <translation>یک پوشهٔ مدل Whisper از نوع CTranslate2 انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Connecting…</source>
        <translation>در حال اتصال…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>In use</source>
        <translation>در حال استفاده</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Download</source>
        <translation>حجم دریافت</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Memory (CPU / GPU)</source>
        <translation>حافظه (پردازنده / گرافیک)</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Speed (CPU / GPU)</source>
        <translation>سرعت (پردازنده / گرافیک)</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Published WER</source>
        <translation>نرخ خطای واژهٔ گزارش‌شده (WER)</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Bundled Whisper base</source>
        <translation>مدل Whisper base همراه برنامه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>The model chosen before is no longer here: the bundled model is used.</source>
        <translation>مدلی که پیش‌تر انتخاب شده بود دیگر اینجا نیست: مدل همراه برنامه به کار می‌رود.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>not published</source>
        <translation>منتشر نشده</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>About {0} of work per hour of audio on this computer.</source>
        <translation>روی این رایانه، پیاده‌سازی هر ساعت صدا حدود {0} طول می‌کشد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>An estimate from published figures; Compare models measures it on your own audio.</source>
        <translation>این برآوردی از ارقام منتشرشده است؛ «مقایسهٔ مدل‌ها» آن را روی صدای خود شما می‌سنجد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>in use</source>
        <translation>در حال استفاده</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Delete the model {0} from this computer?</source>
        <translation>مدل {0} از این رایانه حذف شود؟</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Choose a model in the list first.</source>
        <translation>نخست مدلی را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Cancelled. What arrived is kept: Fetch again to resume.</source>
        <translation>لغو شد. آنچه تاکنون دریافت شده بود نگه داشته شد؛ برای ادامه دوباره «دریافت» را بزنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Only the bundled model is here, and it is weak in Persian. Without internet, copy a model's folder (or a .zip of it) from another computer and press Add from file; models live in {0}</source>
        <translation>اینجا فقط مدل همراه برنامه هست که در فارسی ضعیف است. بدون اینترنت، پوشهٔ یک مدل (یا فایل فشردهٔ آن) را از رایانه‌ای دیگر بیاورید و «افزودن از فایل» را بزنید؛ مدل‌ها در این پوشه‌اند: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Source: {0}</source>
        <translation>منبع: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>No CTranslate2 copy exists: convert it on a computer with transformers installed, then add the folder: {0}</source>
        <translation>این مدل نسخهٔ CTranslate2 ندارد: آن را روی رایانه‌ای که کتابخانهٔ ترنسفورمرز دارد تبدیل کنید و سپس پوشه را بیفزایید: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>about {0} left</source>
        <translation>حدود {0} مانده</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>{done} of {total}</source>
        <translation>{done} از {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>{0} is fetched, verified and in use.</source>
        <translation>مدل {0} دریافت و وارسی شد و اکنون به کار می‌رود.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>The interviews not yet transcribed ({0}, {1} of audio): about {2}.</source>
        <translation>مصاحبه‌هایی که هنوز پیاده‌سازی نشده‌اند ({0} مصاحبه، {1} صدا): حدود {2}.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>The most accurate of OpenAI's models for Persian; slow on a CPU.</source>
        <translation>دقیق‌ترین مدل اصلی Whisper برای فارسی؛ روی پردازندهٔ مرکزی کند است.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Nearly as accurate as large-v3 on FLEURS, several times faster; reported weaker on hard audio.</source>
        <translation>روی FLEURS تقریباً به دقت large-v3 و چند برابر سریع‌تر؛ گزارش شده که روی صدای دشوار ضعیف‌تر است.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>A middle way on a CPU without a graphics card.</source>
        <translation>راه میانه برای رایانهٔ بدون کارت گرافیک.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Fast; for a first draft on an old laptop.</source>
        <translation>سریع؛ برای پیش‌نویس نخست روی لپ‌تاپ قدیمی.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>A Persian fine-tune of Whisper large, already converted to CTranslate2 (float16).</source>
        <translation>نسخه‌ای از Whisper large با آموزش تکمیلی برای فارسی که پیش‌تر به CTranslate2 تبدیل شده است.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>A Persian fine-tune of large-v3-turbo in transformers format: convert it first, then add the folder.</source>
        <translation>نسخه‌ای از large-v3-turbo با آموزش تکمیلی برای فارسی، در قالب ترنسفورمرز: نخست تبدیلش کنید، سپس پوشه را بیفزایید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>Published WER:</source>
        <translation>نرخ خطای واژهٔ گزارش‌شده (WER):</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>{0} min</source>
        <translation>{0} دقیقه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>{0} h {1} min</source>
        <translation>{0} ساعت و {1} دقیقه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_settings.py"/>
        <source>On this computer</source>
        <translation>روی این رایانه</translation>
    </message>
</context>
<context>
    <name>CompareModelsDialog</name>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Compare models on your checked segments</source>
        <translation>مقایسهٔ مدل‌ها روی بخش‌های بازبینی‌شدهٔ شما</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Each chosen model transcribes the audio of the segments you marked checked again; its text is compared with your corrected text. The shortest segments are taken first.</source>
        <translation>هر مدل انتخاب‌شده صدای بخش‌هایی را که به‌عنوان بازبینی‌شده علامت زده‌اید دوباره پیاده‌سازی می‌کند و متنش با متن اصلاح‌شدهٔ شما سنجیده می‌شود. کوتاه‌ترین بخش‌ها نخست برداشته می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Compare</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Loading the first model…</source>
        <translation>در حال بارگذاری نخستین مدل…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Checked segments to use:</source>
        <translation>تعداد بخش‌های بازبینی‌شده:</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>WER</source>
        <translation>WER</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>CER</source>
        <translation>CER</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Speed (× real time)</source>
        <translation>سرعت (× زمان واقعی)</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>No checked segments with audio yet: correct a few segments and mark them checked, then compare.</source>
        <translation>هنوز بخش بازبینی‌شده‌ای با صدا نیست: چند بخش را اصلاح کنید و به‌عنوان بازبینی‌شده علامت بزنید، سپس مقایسه کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Choose at least one model.</source>
        <translation>دست‌کم یک مدل انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Bundled Whisper base</source>
        <translation>مدل Whisper base همراه برنامه</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Cancelled.</source>
        <translation>لغو شد.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>Transcribing with {0}…</source>
        <translation>پیاده‌سازی با {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>{0} checked segments, {1} seconds of audio. Lower WER and CER are better.</source>
        <translation>{0} بخش بازبینی‌شده، {1} ثانیه صدا. WER و CER کمتر بهتر است.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/compare_dialog.py"/>
        <source>of {0}</source>
        <translation>از {0}</translation>
    </message>
</context>
<context>
    <name>CliJob</name>
    <message>
        <location filename="../../desktop/transcription/model_jobs.py"/>
        <source>The worker stopped unexpectedly (exit code {0}).</source>
        <translation>فرایند پس‌زمینه به‌طور غیرمنتظره متوقف شد (کد خروج {0}).</translation>
    </message>
    <message>
        <location filename="../../desktop/transcription/model_jobs.py"/>
        <source>Cannot start the worker ({0}).</source>
        <translation>فرایند پس‌زمینه اجرا نشد ({0}).</translation>
    </message>
</context>
</TS>
