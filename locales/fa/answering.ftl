# پاسخ به پرسش‌های اعضا (src/answering). نام کشورها و صنایع هم این‌جاست.

answer-nothing-found = هنوز تجربه‌ای در پایگاه دانش نیست که به این پرسش پاسخ دهد.
answer-live-information = این پرسش اطلاعات لحظه‌ای می‌خواهد — وضع هوا، ساعتِ جایی، قیمت یا نرخ ارزِ امروز، نتیجهٔ یک بازی، برنامه‌های امشب و فردا — که تجربه‌های گذشتهٔ اعضا نمی‌توانند بگویند. آن را از یک سرویس هواشناسی، خبری یا مالی به‌روز بگیرید.
answer-related-found = پاسخ مطمئنی برای این پرسش ندارم. این تجربه‌های اعضا شاید مرتبط باشند:
answer-offline-intro = تجربهٔ شرکت‌های عضو در این زمینه:
answer-original-note = (متن اصلی به { $language ->
    [fa] فارسی
    [zh] چینی
   *[en] انگلیسی
  })
answer-experience-meta = { $who } — { $industry }
# میان نام شرکت، شهر و کشورِ صاحب تجربه.
answer-who-separator = { "، " }
answer-translation-note = (نسخهٔ فارسی هنوز نیست: ترجمهٔ { $language ->
    [fa] فارسی
    [zh] چینی
   *[en] انگلیسی
  } آن آمده است؛ متن اصلی به { $original ->
    [fa] فارسی
    [zh] چینی
   *[en] انگلیسی
  } است)
answer-results-heading = تجربه‌های مرتبط:

industry-food = صنایع غذایی
industry-textiles = نساجی
industry-machinery = ماشین‌آلات
industry-chemicals = مواد شیمیایی
industry-automotive = خودرو
industry-electronics = الکترونیک
industry-construction = ساختمان
industry-agriculture = کشاورزی
industry-handicrafts = صنایع دستی
industry-pharma = دارویی
industry-logistics = حمل‌ونقل و لجستیک
industry-software = نرم‌افزار
industry-energy = انرژی
industry-other = سایر

country-IR = ایران
country-CN = چین
country-AE = امارات متحده عربی
country-TR = ترکیه
country-HK = هنگ‌کنگ
country-RU = روسیه
country-IQ = عراق
# ISO's code for "unknown": a message kept with /save, or a contribution whose author gave no country.
country-ZZ = کشور نامشخص
