# /share: a member contributes an experience, step by step. Messages are sent as HTML.
share-intro = <b>Share an experience</b>
    Your story can save another member months of trouble. I will ask six short questions; send /cancel at any time to stop.
share-ask-title = <b>Step 1 of 6: title</b>
    One line that names the experience (at most { $max } characters), for example “Paying a Chinese supplier through a bank in Dubai”.
share-ask-problem = <b>Step 2 of 6: the problem</b>
    What did your company face? Where, when, with whom? ({ $min }–{ $max } characters)
share-ask-solution = <b>Step 3 of 6: what you did</b>
    What did you do about it, step by step? ({ $min }–{ $max } characters)
share-ask-outcome = <b>Step 4 of 6: the outcome (optional)</b>
    What happened in the end? Figures help: days saved, costs, amounts. (at most { $max } characters)
share-ask-industry = <b>Step 5 of 6: industry</b>
    Which industry is this experience from?
share-ask-tags = <b>Step 6 of 6: tags (optional)</b>
    A few keywords separated by commas, for example: customs, payment, letter of credit
share-skip = Skip
share-too-short = That is too short: { $length } characters, and this answer needs at least { $min }. Please add some detail and send it again.
share-too-long = That is too long: { $length } characters, and the limit here is { $max }. Please shorten it and send it again.
share-too-many-tags = Please give at most { $max } tags, each up to { $maxLength } characters.
share-text-only = Please answer with a text message.
share-use-buttons = Please choose one of the buttons above.
share-busy = You are in the middle of sharing an experience. Answer the question above, or send /cancel to stop.

share-button-submit = ✅ Submit
share-button-edit = ✏️ Edit
share-button-cancel = ✖️ Cancel
share-edit-which = Which part do you want to change?
share-field-title = Title
share-field-problem = Problem
share-field-solution = What was done
share-field-outcome = Outcome
share-field-industry = Industry
share-field-tags = Tags
share-button-back = ↩️ Back to the preview
share-submitted = Thank you! Your experience was received and <b>awaits review</b> by the center’s staff. You will find it under /my with its status.
share-cancelled = Sharing was cancelled; nothing was saved.
share-failed = Sorry, your experience could not be saved just now. Please try /share again in a few minutes.
share-not-member = Please send /start first, then /share.
share-private-only = Please use /share in a private chat with me.

share-industry-food = Food
share-industry-textiles = Textiles
share-industry-machinery = Machinery
share-industry-chemicals = Chemicals
share-industry-automotive = Automotive
share-industry-electronics = Electronics
share-industry-construction = Construction
share-industry-agriculture = Agriculture
share-industry-handicrafts = Handicrafts
share-industry-pharma = Pharmaceuticals
share-industry-logistics = Logistics
share-industry-software = Software
share-industry-energy = Energy
share-industry-other = Other
share-preview-header = <b>Here is your experience exactly as readers will see it once it is published:</b>
share-preview-tags = <i>Keywords for search (not shown to readers): { $tags }</i>
share-ask-country = <b>Where is your company based?</b>
    Readers see the country with your experience. Press a button or type a two-letter country code such as TR.
share-country-invalid = Please press a button or type a two-letter country code such as TR.
share-ask-named = <b>Should readers see who shared this?</b>
    If yes, your experience will end with:
    { $credit }
share-button-named = 👤 Yes, show this
share-button-anonymous = 🕶 No, share it anonymously
share-field-country = Country
share-field-named = Name shown
