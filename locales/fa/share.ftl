# /share: عضو تجربه‌ای را گام‌به‌گام ثبت می‌کند. پیام‌ها به صورت HTML فرستاده می‌شوند.
# دستورهای لاتین در جای‌نگهدار { "…" } آمده‌اند تا Fluent آن‌ها را جدا کند و متن راست‌به‌چپ به هم نریزد.
share-intro = <b>ثبت یک تجربه</b>
    تجربهٔ شما می‌تواند ماه‌ها دردسر را از عضو دیگری دور کند. شش پرسش کوتاه می‌پرسم؛ هر وقت خواستید با { "/cancel" } کار را متوقف کنید.
share-ask-title = <b>گام ۱ از ۶: عنوان</b>
    یک خط که تجربه را معرفی کند (حداکثر { $max } نویسه)، مثلاً «پرداخت به تأمین‌کنندهٔ چینی از طریق بانکی در دبی».
share-ask-problem = <b>گام ۲ از ۶: مشکل</b>
    شرکت شما با چه مشکلی روبه‌رو شد؟ کجا، چه زمانی و با چه کسی؟ ({ $min } تا { $max } نویسه)
share-ask-solution = <b>گام ۳ از ۶: راه‌حل</b>
    چه کردید؟ قدم‌به‌قدم توضیح دهید. ({ $min } تا { $max } نویسه)
share-ask-outcome = <b>گام ۴ از ۶: نتیجه (اختیاری)</b>
    در پایان چه شد؟ عدد و رقم کمک می‌کند: روزهای صرفه‌جویی‌شده، هزینه‌ها، مبالغ. (حداکثر { $max } نویسه)
share-ask-industry = <b>گام ۵ از ۶: صنعت</b>
    این تجربه مربوط به کدام صنعت است؟
share-ask-tags = <b>گام ۶ از ۶: برچسب‌ها (اختیاری)</b>
    چند کلیدواژه که با ویرگول از هم جدا شده‌اند، مثلاً: گمرک، پرداخت، اعتبار اسنادی
share-skip = رد شدن
share-too-short = این متن بیش از حد کوتاه است: { $length } نویسه، در حالی که این پاسخ دست‌کم { $min } نویسه لازم دارد. لطفاً جزئیات بیشتری بنویسید و دوباره بفرستید.
share-too-long = این متن بیش از حد طولانی است: { $length } نویسه، در حالی که سقف این بخش { $max } نویسه است. لطفاً کوتاه‌ترش کنید و دوباره بفرستید.
share-too-many-tags = لطفاً حداکثر { $max } برچسب بنویسید، هر کدام تا { $maxLength } نویسه.
share-text-only = لطفاً با یک پیام متنی پاسخ دهید.
share-use-buttons = لطفاً یکی از دکمه‌های بالا را انتخاب کنید.
share-busy = شما در حال ثبت یک تجربه هستید. به پرسش بالا پاسخ دهید یا برای توقف { "/cancel" } را بفرستید.

share-button-submit = ✅ ارسال
share-button-edit = ✏️ ویرایش
share-button-cancel = ✖️ لغو
share-edit-which = کدام بخش را می‌خواهید تغییر دهید؟
share-field-title = عنوان
share-field-problem = مشکل
share-field-solution = راه‌حل
share-field-outcome = نتیجه
share-field-industry = صنعت
share-field-tags = برچسب‌ها
share-button-back = ↩️ بازگشت به پیش‌نمایش
share-submitted = سپاس‌گزاریم! تجربهٔ شما دریافت شد و <b>در انتظار بررسی</b> کارشناسان مرکز است. وضعیت آن را در { "/my" } می‌بینید.
share-cancelled = ثبت تجربه لغو شد؛ چیزی ذخیره نشد.
share-failed = متأسفیم، الان نتوانستیم تجربهٔ شما را ذخیره کنیم. لطفاً چند دقیقهٔ دیگر دوباره { "/share" } را بفرستید.
share-not-member = لطفاً اول { "/start" } و سپس { "/share" } را بفرستید.
share-private-only = لطفاً { "/share" } را در گفت‌وگوی خصوصی با من به کار ببرید.

share-industry-food = صنایع غذایی
share-industry-textiles = نساجی
share-industry-machinery = ماشین‌آلات
share-industry-chemicals = مواد شیمیایی
share-industry-automotive = خودرو
share-industry-electronics = الکترونیک
share-industry-construction = ساختمان
share-industry-agriculture = کشاورزی
share-industry-handicrafts = صنایع دستی
share-industry-pharma = دارویی
share-industry-logistics = حمل‌ونقل و لجستیک
share-industry-software = نرم‌افزار
share-industry-energy = انرژی
share-industry-other = سایر
share-preview-header = <b>تجربهٔ شما پس از انتشار دقیقاً به این شکل به خوانندگان نشان داده می‌شود:</b>
share-preview-tags = <i>کلیدواژه‌های جست‌وجو (به خوانندگان نشان داده نمی‌شود): { $tags }</i>
share-ask-country = <b>شرکت شما در کدام کشور است؟</b>
    خوانندگان کشور را همراه تجربهٔ شما می‌بینند. دکمه‌ای را بزنید یا کد دوحرفی کشور را بنویسید، مثلاً TR.
share-country-invalid = لطفاً دکمه‌ای را بزنید یا کد دوحرفی کشور را بنویسید، مثلاً TR.
share-ask-named = <b>خوانندگان ببینند چه کسی این تجربه را ثبت کرده است؟</b>
    اگر بله، پایان تجربهٔ شما این خواهد بود:
    { $credit }
share-button-named = 👤 بله، نشان داده شود
share-button-anonymous = 🕶 نه، بی‌نام ثبت شود
share-field-country = کشور
share-field-named = نام نمایش‌داده‌شده
