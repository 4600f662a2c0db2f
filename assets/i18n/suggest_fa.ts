<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>LlmServerBox</name>
    <message>
        <source>Language model server (coding suggestions)</source>
        <translation>سرور مدل زبانی (پیشنهاد کدگذاری)</translation>
    </message>
    <message>
        <source>none: nothing is sent (e.g. http://127.0.0.1:8080)</source>
        <translation>ندارد: چیزی فرستاده نمی‌شود (مثلاً ‎http://127.0.0.1:8080)</translation>
    </message>
    <message>
        <source>An OpenAI-compatible chat server: Ollama, llama.cpp's server, vLLM, or your institution's. Interview text is sent there only when you ask for suggestions.</source>
        <translation>یک سرور گفت‌وگوی سازگار با OpenAI: ‏Ollama، سرور llama.cpp، ‏vLLM یا سرور مؤسسهٔ شما. متن مصاحبه‌ها فقط وقتی به آنجا فرستاده می‌شود که خودتان پیشنهاد بخواهید.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <source>the model's name as the server lists it</source>
        <translation>نام مدل، همان‌گونه که سرور فهرست می‌کند</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>مدل</translation>
    </message>
    <message>
        <source>kept (type to replace)</source>
        <translation>ذخیره شده است (برای جایگزینی، کلید جدید را بنویسید)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ندارد</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>Send the text as stored, not pseudonymised (only to a server on this computer)</source>
        <translation>فرستادن متن همان‌گونه که ذخیره شده، بی جایگزینی نام‌ها (فقط به سروری روی همین رایانه)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>آزمودن اتصال</translation>
    </message>
    <message>
        <source>Enter the server's address first.</source>
        <translation>نخست نشانی سرور را بنویسید.</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>در حال پرسیدن از سرور…</translation>
    </message>
    <message>
        <source>Connected, but the server does not list %1. It lists: %2</source>
        <translation>وصل شد، ولی سرور %1 را فهرست نمی‌کند. فهرست آن: %2</translation>
    </message>
    <message>
        <source>Connected. Models: %1</source>
        <translation>وصل شد. مدل‌ها: %1</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>No language model server is set (Settings → Servers), so nothing is sent anywhere.</source>
        <translation>هیچ سرور مدل زبانی تعیین نشده است (تنظیمات › سرورها)؛ پس چیزی به جایی فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>Sent to %1 (model %2): the text of the chosen interviews, pseudonymised (the names in the study's replacement list replaced), and the chosen codes' names, descriptions and memos. No participant, date or file name is sent.</source>
        <translation>فرستاده می‌شود به %1 (مدل %2): متن مصاحبه‌های برگزیده پس از جایگزینی نام‌ها با نام مستعار (نام‌های فهرست جایگزینی پژوهش)، و نام، توضیح و یادداشت‌های کدهای برگزیده. نام مشارکت‌کننده، تاریخ یا نام فایل فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>Sent to %1 (model %2), a server on this computer: the text of the chosen interviews as stored (not pseudonymised), and the chosen codes' names, descriptions and memos. It does not leave this computer.</source>
        <translation>فرستاده می‌شود به %1 (مدل %2)، سروری روی همین رایانه: متن مصاحبه‌های برگزیده همان‌گونه که ذخیره شده (بی جایگزینی نام‌ها)، و نام، توضیح و یادداشت‌های کدهای برگزیده. این متن از این رایانه بیرون نمی‌رود.</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>حدود %1 دقیقه مانده</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>حدود %1 ثانیه مانده</translation>
    </message>
    <message>
        <source>Ask for suggestions…</source>
        <translation>درخواست پیشنهاد…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>نقل‌قول</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>مصاحبه</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>پذیرفتن</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رد کردن</translation>
    </message>
    <message>
        <source>Span to selection</source>
        <translation>تطبیق محدوده با متن انتخاب‌شده</translation>
    </message>
    <message>
        <source>Move the suggestion's span to the text selected in the transcript</source>
        <translation>محدودهٔ پیشنهاد را به متنی که در متن پیاده‌شده انتخاب کرده‌اید ببرید</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <source>Sentence for the paper</source>
        <translation>جمله برای مقاله</translation>
    </message>
    <message>
        <source>%1 pending · %2 accepted · %3 rejected</source>
        <translation>%1 در انتظار، %2 پذیرفته، %3 ردشده</translation>
    </message>
    <message>
        <source>%1 suggestions chosen</source>
        <translation>%1 پیشنهاد برگزیده شده</translation>
    </message>
    <message>
        <source>Choose a suggestion to read it whole; several to decide on them at once.</source>
        <translation>یک پیشنهاد را برگزینید تا کامل بخوانید؛ چند پیشنهاد را تا یک‌جا درباره‌شان تصمیم بگیرید.</translation>
    </message>
    <message>
        <source>Select the words in the transcript first, then press this again.</source>
        <translation>نخست واژه‌ها را در متن پیاده‌شده انتخاب کنید، سپس دوباره این را بزنید.</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>No language model server is set (Settings → Servers), so nothing is sent anywhere.</source>
        <translation>هیچ سرور مدل زبانی تعیین نشده است (تنظیمات › سرورها)؛ پس چیزی به جایی فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>Sent to %1 (model %2): the text of the chosen interviews, pseudonymised (the names in the study's replacement list replaced), and the chosen codes' names, descriptions and memos. No participant, date or file name is sent.</source>
        <translation>فرستاده می‌شود به %1 (مدل %2): متن مصاحبه‌های برگزیده پس از جایگزینی نام‌ها با نام مستعار (نام‌های فهرست جایگزینی پژوهش)، و نام، توضیح و یادداشت‌های کدهای برگزیده. نام مشارکت‌کننده، تاریخ یا نام فایل فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>Sent to %1 (model %2), a server on this computer: the text of the chosen interviews as stored (not pseudonymised), and the chosen codes' names, descriptions and memos. It does not leave this computer.</source>
        <translation>فرستاده می‌شود به %1 (مدل %2)، سروری روی همین رایانه: متن مصاحبه‌های برگزیده همان‌گونه که ذخیره شده (بی جایگزینی نام‌ها)، و نام، توضیح و یادداشت‌های کدهای برگزیده. این متن از این رایانه بیرون نمی‌رود.</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>حدود %1 دقیقه مانده</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>حدود %1 ثانیه مانده</translation>
    </message>
    <message>
        <source>Ask for coding suggestions</source>
        <translation>درخواست پیشنهاد کدگذاری</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>مصاحبه‌ها</translation>
    </message>
    <message>
        <source>Codes (their descriptions and memos are the rules sent)</source>
        <translation>کدها (توضیح و یادداشت‌هایشان قاعده‌هایی است که فرستاده می‌شود)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <source>Continue the stopped run</source>
        <translation>ادامهٔ کار نیمه‌تمام</translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation>لغو کار</translation>
    </message>
    <message>
        <source>Choose at least one interview and one code.</source>
        <translation>دست‌کم یک مصاحبه و یک کد برگزینید.</translation>
    </message>
    <message>
        <source>Asking the model…</source>
        <translation>در حال پرسیدن از مدل…</translation>
    </message>
    <message>
        <source>Part %1 of %2 · %3 suggestions so far · %4</source>
        <translation>بخش %1 از %2 — تاکنون %3 پیشنهاد — %4</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>در حال توقف…</translation>
    </message>
    <message>
        <source>%1 suggestions wait for review. %2 quotes not found in the text were dropped, %3 answers were not in the schema, %4 requests got no answer.</source>
        <translation>%1 پیشنهاد در انتظار بررسی است. %2 نقل‌قول که در متن یافت نشد کنار گذاشته شد، %3 پاسخ در قالب خواسته‌شده نبود و %4 درخواست بی‌پاسخ ماند.</translation>
    </message>
    <message>
        <source>The rest of the run is kept: Continue takes it up.</source>
        <translation>باقی کار نگه داشته شده است: «ادامه» آن را پی می‌گیرد.</translation>
    </message>
</context>
<context>
    <name>SuggestionCommands</name>
    <message>
        <source>Accept %n suggestion(s)</source>
        <translation>پذیرفتن %n پیشنهاد</translation>
    </message>
    <message>
        <source>Reject %n suggestion(s)</source>
        <translation>رد کردن %n پیشنهاد</translation>
    </message>
    <message>
        <source>Adjust a suggestion's span</source>
        <translation>تنظیم محدودهٔ یک پیشنهاد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Suggestions</source>
        <translation>پیشنهادها</translation>
    </message>
    <message>
        <source>Coding suggestions</source>
        <translation>پیشنهادهای کدگذاری</translation>
    </message>
</context>
</TS>
