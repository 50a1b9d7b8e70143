community-language-name = { $language ->
    [fa] Persian
    [zh] Chinese
   *[en] English
}
community-question-post =
    🙋 <b>A member asks the community</b> (in { community-language-name }):

    { $question }

    If you know the answer, press the button: I will take it in a private chat and send it to them.
community-question-with-translation =
    { $question }

    <i>Machine translation:</i> { $translation }
community-button-can-answer = ✍️ I can answer
community-answer-prompt =
    🙋 A member asks:

    { $question }

    Please type your answer in one message: what you did and what happened. It goes to the member and to the center's staff for review. /cancel leaves.
community-answer-busy = Please type your answer first, or send /cancel to leave.
community-answer-text-only = I take typed answers only. Please type your answer, or send /cancel to leave.
community-answer-cancelled = Cancelled: nothing was sent.
community-answer-sent = Thank you! Your answer was sent to the member, and the center's staff will review it for the knowledge base.
community-answer-not-open = This question is no longer open: it was answered or closed.
community-answer-own-question = This is your own question: you will receive the community's answers here.
community-answer-received =
    🙋 A member answered your question

    { $question }

    { $translated ->
        [yes] Their answer, translated from { community-language-name }:
       *[no] Their answer (written in { community-language-name }):
    }

    { $answer }
community-answer-received-named =
    🙋 { $who } answered your question

    { $question }

    { $translated ->
        [yes] Their answer, translated from { community-language-name }:
       *[no] Their answer (written in { community-language-name }):
    }

    { $answer }
community-question-answered =
    ✅ <b>Answered</b> (asked in { community-language-name }):

    { $question }

    Thank you, everyone: a member's answer helped.
community-answer-feedback-thanks = Thank you! It helps us know which answers help.
community-answer-ask-named = Should the member (and readers, once the staff publish it) see who answered?
community-answer-button-named = 👤 Yes, as { $who }
community-answer-button-anonymous = 🕶 No, answer anonymously
community-answer-use-buttons = Please choose with the buttons above, or send /cancel to leave.
community-too-many-open = You already have { $max } questions open to the community. When one is answered (press 👍 under an answer that helped), you can ask another.
community-question-closed =
    🔒 <b>Closed</b> by the center's staff (asked in { community-language-name }):

    { $question }
community-question-closed-notice =
    🔒 The center's staff closed your question to the community; it takes no more answers:

    { $question }

    You can ask it again in other words whenever you like.
community-open-none = No question is waiting for the community right now.
community-open-header = 🙋 <b>Questions waiting for the community</b>: if you know the answer, press its button.
community-open-item = <b>#{ $id }</b> { $question }
community-open-close-hint = Staff: /close followed by a number closes that question.
community-open-answer-button = ✍️ Answer #{ $id }
community-close-usage = Send /close followed by the number of an open question (see /open), e.g. /close 12.
community-close-closed = Question #{ $id } is closed: its posts say so, and it takes no more answers.
community-close-not-open = Question #{ $id } is not open (answered, closed, or no such number). See /open.
community-close-forbidden = Only the center's staff can close a question.
# The command menus (setMyCommands): /open in private chats, /review, /open and /close in the staff chat.
bot-command-open = Questions waiting for an answer
bot-command-close = Close an open question by its number
bot-command-review = Review the next contribution
