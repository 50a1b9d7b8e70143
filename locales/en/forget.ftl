# /forget: the member erases their data after choosing what happens to published experiences.
forget-explain = <b>Erase my data</b>
    This permanently erases your profile, your questions and the answers you received, your feedback, your open questions and any unfinished conversation with me. It cannot be undone.
forget-choose = { $published ->
        [0] You have no published experiences. Erase everything now?
        [one] You have one published experience. Should it be deleted too, or stay in the knowledge base without your name, company or city?
       *[other] You have { $published } published experiences. Should they be deleted too, or stay in the knowledge base without your name, company or city?
    }
forget-button-delete = 🗑 Erase everything, with my experiences
forget-button-anonymise = 👤 Erase me, keep my experiences anonymous
forget-button-erase = 🗑 Erase everything
forget-button-cancel = ↩️ Keep everything
forget-done-delete = Done: everything about you was erased, including your experiences. If you write to me again, you will start as a new member.
forget-done-anonymise = Done: everything about you was erased. Your published experiences stay in the knowledge base without your name. If you write to me again, you will start as a new member.
forget-cancelled = Nothing was erased.
forget-nothing = I have no data about you.
forget-failed = Sorry, erasing failed and nothing was changed. Please try /forget again in a few minutes.
forget-private-only = Please use /forget in a private chat with me.
forget-holding = What I hold about you:
forget-holding-nothing = I hold nothing about you beyond your profile and language.
forget-count-questions = { $count ->
        [one] • one question you asked, with its answer
       *[other] • { $count } questions you asked, with their answers
    }
forget-count-feedback = { $count ->
        [one] • one rating you gave an answer
       *[other] • { $count } ratings you gave answers
    }
forget-count-open-questions = { $count ->
        [one] • one question you put to the community
       *[other] • { $count } questions you put to the community
    }
forget-count-pending = { $count ->
        [one] • one experience awaiting review (erased)
       *[other] • { $count } experiences awaiting review (erased)
    }
forget-count-draft = { $count ->
        [one] • one withdrawn experience (erased)
       *[other] • { $count } withdrawn experiences (erased)
    }
forget-count-rejected = { $count ->
        [one] • one experience that was not accepted (erased)
       *[other] • { $count } experiences that were not accepted (erased)
    }
forget-count-published = { $count ->
        [one] • one published experience (you choose below)
       *[other] • { $count } published experiences (you choose below)
    }
forget-count-saved-messages = { $count ->
        [one] • one of your group messages saved with /save that you have not agreed to keep (erased)
       *[other] • { $count } of your group messages saved with /save that you have not agreed to keep (erased)
    }
forget-count-introductions = { $count ->
        [one] • one introduction request you sent or received (erased)
       *[other] • { $count } introduction requests you sent or received (erased)
    }
