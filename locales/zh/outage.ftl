# Sent straight through Telegram, once per member per outage, while the database does not answer.
bot-answer-will-come = 我暂时无法连接数据库，所以还不能回答。您的消息已保留：一旦恢复连接，答案就会发到这里，无需重新发送。
