<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AnalysisView</name>
    <message>
        <location filename="../../desktop/analysis_view.py" line="38"/>
        <source>Count coded segments</source>
        <translation>شمارش بخش‌های کدگذاری‌شده</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="39"/>
        <source>Count interviews that mention the code</source>
        <translation>شمارش مصاحبه‌هایی که کد در آن‌ها آمده</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="59"/>
        <source>Frequencies</source>
        <translation>فراوانی‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="60"/>
        <source>Codes × interviews</source>
        <translation>کدها × مصاحبه‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="61"/>
        <location filename="../../desktop/analysis_view.py" line="179"/>
        <location filename="../../desktop/analysis_view.py" line="184"/>
        <source>Participants</source>
        <translation>مشارکت‌کنندگان</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="104"/>
        <source>Counted: %1 interviews with a transcript, in the order held.</source>
        <translation>شمارش‌شده: %1 مصاحبهٔ دارای متن پیاده‌شده، به ترتیب برگزاری.</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="129"/>
        <source>Coded segments</source>
        <translation>بخش‌های کدگذاری‌شده</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="129"/>
        <source>Interviews</source>
        <translation>مصاحبه‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="131"/>
        <source>Category / code</source>
        <translation>مقوله / کد</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="131"/>
        <source>Share of category</source>
        <translation>درصد از مقوله</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="145"/>
        <location filename="../../desktop/analysis_view.py" line="158"/>
        <location filename="../../desktop/analysis_view.py" line="166"/>
        <location filename="../../desktop/analysis_view.py" line="189"/>
        <source>Total</source>
        <translation>جمع</translation>
    </message>
    <message>
        <location filename="../../desktop/analysis_view.py" line="158"/>
        <source>Code</source>
        <translation>کد</translation>
    </message>
</context>
<context>
    <name>CodeCommands</name>
    <message>
        <location filename="../../desktop/code_commands.py" line="36"/>
        <source>Add category “%1”</source>
        <translation>افزودن مقولهٔ «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/code_commands.py" line="37"/>
        <source>Add code “%1”</source>
        <translation>افزودن کد «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/code_commands.py" line="67"/>
        <source>Rename “%1”</source>
        <translation>تغییر نام «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/code_commands.py" line="69"/>
        <source>Change the colour of “%1”</source>
        <translation>تغییر رنگ «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/code_commands.py" line="71"/>
        <source>Describe “%1”</source>
        <translation>توضیح «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/code_commands.py" line="91"/>
        <source>Move “%1”</source>
        <translation>جابه‌جایی «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/code_commands.py" line="112"/>
        <source>Merge “%1” into “%2”</source>
        <translation>ادغام «%1» در «%2»</translation>
    </message>
    <message>
        <location filename="../../desktop/code_commands.py" line="137"/>
        <source>Delete “%1”</source>
        <translation>حذف «%1»</translation>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="100"/>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="100"/>
        <source>Codings</source>
        <translation>کدگذاری‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="198"/>
        <source>Move codes</source>
        <translation>جابه‌جایی کدها</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="230"/>
        <source>Description of the selected code: what it means, when to apply it</source>
        <translation>توضیح کد انتخاب‌شده: معنای آن و اینکه چه زمانی به کار می‌رود</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="241"/>
        <location filename="../../desktop/codebook_panel.py" line="416"/>
        <source>New category</source>
        <translation>مقولهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="242"/>
        <location filename="../../desktop/codebook_panel.py" line="421"/>
        <source>New code</source>
        <translation>کد جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="243"/>
        <source>Rename</source>
        <translation>تغییر نام</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="244"/>
        <source>Colour…</source>
        <translation>رنگ…</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="245"/>
        <source>Merge into…</source>
        <translation>ادغام در…</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="246"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="247"/>
        <source>Apply to selection</source>
        <translation>اعمال بر متن انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="351"/>
        <source>A code needs a name.</source>
        <translation>کد باید نام داشته باشد.</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="372"/>
        <source>A code cannot be merged with itself or a code under it.</source>
        <translation>یک کد را نمی‌توان با خودش یا با کدی زیر آن ادغام کرد.</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="380"/>
        <source>Delete “%1” and its %2 codings?</source>
        <translation>«%1» و %2 کدگذاری آن حذف شود؟</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="382"/>
        <source>The %1 codes under it go too.</source>
        <translation>%1 کد زیر آن هم حذف می‌شود.</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="383"/>
        <source>You can undo this.</source>
        <translation>این کار با «واگرد» برگشت‌پذیر است.</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="386"/>
        <source>Delete code</source>
        <translation>حذف کد</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="416"/>
        <source>Name of the category:</source>
        <translation>نام مقوله:</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="421"/>
        <source>Name of the code:</source>
        <translation>نام کد:</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="434"/>
        <source>Colour of the code</source>
        <translation>رنگ کد</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="447"/>
        <source>Merge “%1” into (its codings move there):</source>
        <translation>«%1» در این کد ادغام شود (کدگذاری‌هایش به آن منتقل می‌شود):</translation>
    </message>
    <message>
        <location filename="../../desktop/codebook_panel.py" line="448"/>
        <source>Merge codes</source>
        <translation>ادغام کدها</translation>
    </message>
</context>
<context>
    <name>RetrievalView</name>
    <message>
        <location filename="../../desktop/retrieval_view.py" line="33"/>
        <source>Code or category</source>
        <translation>کد یا مقوله</translation>
    </message>
    <message>
        <location filename="../../desktop/retrieval_view.py" line="34"/>
        <source>Guide question</source>
        <translation>پرسش راهنمای مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/retrieval_view.py" line="38"/>
        <source>Copy as quotes</source>
        <translation>کپی به‌صورت نقل‌قول</translation>
    </message>
    <message>
        <location filename="../../desktop/retrieval_view.py" line="45"/>
        <source>Participant</source>
        <translation>مشارکت‌کننده</translation>
    </message>
    <message>
        <location filename="../../desktop/retrieval_view.py" line="45"/>
        <source>Interview</source>
        <translation>مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/retrieval_view.py" line="45"/>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../../desktop/retrieval_view.py" line="46"/>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <location filename="../../desktop/retrieval_view.py" line="46"/>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <location filename="../../desktop/retrieval_view.py" line="125"/>
        <source>%1 passages from %2 interviews</source>
        <translation>%1 بخش از %2 مصاحبه</translation>
    </message>
</context>
<context>
    <name>SaturationView</name>
    <message>
        <location filename="../../desktop/saturation_view.py" line="40"/>
        <source>Interviews in the base; their codes are the denominator</source>
        <translation>مصاحبه‌های پایه؛ کدهای آن‌ها مخرج کسر است</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="41"/>
        <source>Interviews in each run</source>
        <translation>تعداد مصاحبه‌ها در هر دنباله</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="48"/>
        <source>Interviews analysed before the stopping criterion applies</source>
        <translation>مصاحبه‌هایی که پیش از اعمال معیار توقف تحلیل می‌شوند</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="49"/>
        <source>Consecutive interviews with no new code</source>
        <translation>مصاحبه‌های پیاپی بدون کد جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="50"/>
        <source>Random re-orderings of the interviews</source>
        <translation>ترتیب‌های تصادفی مصاحبه‌ها</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="51"/>
        <source>Seed of the re-orderings, so the figures repeat</source>
        <translation>بذر ترتیب‌های تصادفی، تا اعداد تکرارپذیر باشند</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="52"/>
        <source>Guest, Namey &amp;&amp; Chen (2020)</source>
        <translation>گست، نِیمی و چن (۲۰۲۰)</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="54"/>
        <source>Base size</source>
        <translation>اندازهٔ پایه</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="55"/>
        <source>Run length</source>
        <translation>طول دنباله</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="56"/>
        <source>New information threshold</source>
        <translation>آستانهٔ اطلاعات جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="57"/>
        <source>Francis et al. (2010)</source>
        <translation>فرانسیس و همکاران (۲۰۱۰)</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="59"/>
        <source>Initial analysis sample</source>
        <translation>نمونهٔ اولیهٔ تحلیل</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="60"/>
        <source>Stopping criterion</source>
        <translation>معیار توقف</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="61"/>
        <source>Order robustness</source>
        <translation>پایداری در برابر ترتیب</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="63"/>
        <source>Permutations</source>
        <translation>تعداد ترتیب‌های تصادفی</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="64"/>
        <source>Seed</source>
        <translation>بذر تصادفی</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="66"/>
        <source>Interview</source>
        <translation>مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="66"/>
        <source>Used</source>
        <translation>کدهای به‌کاررفته</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="66"/>
        <source>New</source>
        <translation>جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="66"/>
        <source>Total</source>
        <translation>تعداد تجمعی</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="103"/>
        <source>Copy the sentence</source>
        <translation>کپی جمله</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="172"/>
        <source>New codes</source>
        <translation>کدهای جدید</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="179"/>
        <source>Cumulative codes</source>
        <translation>تعداد تجمعی کدها</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="188"/>
        <source>Interview (in the order held)</source>
        <translation>مصاحبه (به ترتیب برگزاری)</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="195"/>
        <source>Codes</source>
        <translation>تعداد کدها</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="203"/>
        <source>Chao2 estimate</source>
        <translation>برآورد Chao2</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="210"/>
        <source>New and cumulative codes per interview</source>
        <translation>کدهای جدید و تعداد تجمعی کدها در هر مصاحبه</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="215"/>
        <source>Saturation reached at %1</source>
        <translation>اشباع در %1 حاصل شد</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="218"/>
        <source>Saturation not reached yet</source>
        <translation>اشباع هنوز حاصل نشده است</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="221"/>
        <source>Not yet assessable: at least %1 interviews with codes in the base are needed (now %2)</source>
        <translation>هنوز قابل ارزیابی نیست: دست‌کم %1 مصاحبه با کد در پایه لازم است (اکنون %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="226"/>
        <source>Base: %1 codes in interviews 1–%2.</source>
        <translation>پایه: %1 کد در مصاحبه‌های ۱ تا %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="229"/>
        <source>Run %1–%2: %3 new (%4)</source>
        <translation>مصاحبه‌های %1 تا %2: %3 کد جدید (%4)</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="235"/>
        <source>Francis et al.: saturated at interview %1 (%2 consecutive interviews without a new code after the first %3).</source>
        <translation>فرانسیس و همکاران: اشباع در مصاحبهٔ %1 (%2 مصاحبهٔ پیاپی بدون کد جدید پس از %3 مصاحبهٔ نخست).</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="240"/>
        <source>Francis et al.: not saturated (needs %1 consecutive interviews without a new code after the first %2).</source>
        <translation>فرانسیس و همکاران: اشباع نشده است (%1 مصاحبهٔ پیاپی بدون کد جدید پس از %2 مصاحبهٔ نخست لازم است).</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="245"/>
        <source>Order robustness: not computed.</source>
        <translation>پایداری در برابر ترتیب: محاسبه نشد.</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="247"/>
        <source>Order robustness: none of %1 random orderings reaches saturation.</source>
        <translation>پایداری در برابر ترتیب: هیچ‌یک از %1 ترتیب تصادفی به اشباع نمی‌رسد.</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="257"/>
        <source>Estimated codes in all (Chao2): no codes yet.</source>
        <translation>برآورد کل کدها (Chao2): هنوز کدی نیست.</translation>
    </message>
    <message>
        <location filename="../../desktop/saturation_view.py" line="259"/>
        <source>About %1 of the estimated codes found (%2 of %3, Chao2).</source>
        <translation>حدود %1 از کدهای برآوردشده یافت شده است (%2 از %3، Chao2).</translation>
    </message>
</context>
</TS>
