# /my: تجربه‌هایی که عضو ثبت کرده و وضعیت هر کدام. پیام‌ها به صورت HTML فرستاده می‌شوند.
my-empty = شما هنوز تجربه‌ای ثبت نکرده‌اید. برای افزودن، { "/share" } را بفرستید.
my-header = <b>تجربه‌های شما</b> ({ $count })، به ترتیب از جدیدترین:
my-item = { $index }. <b>{ $title }</b>
    { $status }
my-status-draft = 📝 پیش‌نویس
my-status-pending = ⏳ در انتظار بررسی
my-status-published = ✅ منتشرشده
my-status-rejected = ✖️ پذیرفته نشد
my-status-archived = 🗄 بایگانی‌شده
my-not-member = لطفاً اول { "/start" } را بفرستید.
