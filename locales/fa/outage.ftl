# Sent straight through Telegram, once per member per outage, while the database does not answer.
bot-answer-will-come = در این لحظه به پایگاه داده‌ام دسترسی ندارم و هنوز نمی‌توانم پاسخ بدهم. پیام شما نگه داشته شده است: به محض برقراری دوباره، پاسخ همین‌جا می‌آید و لازم نیست دوباره بفرستید.
