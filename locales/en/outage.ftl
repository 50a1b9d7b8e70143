# Sent straight through Telegram, once per member per outage, while the database does not answer.
bot-answer-will-come = I cannot reach my database just now, so I cannot answer yet. Your message is kept: the answer will come here as soon as I can reach it again, with no need to send it again.
