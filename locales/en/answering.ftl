# Answers to members' questions (src/answering). Country and industry names live here too:
# reuse them (country-XX, industry-slug) instead of defining them again in another file.

answer-nothing-found = Nothing in the knowledge base answers this yet.
answer-live-information = This asks for live information — the weather, the time somewhere, today's prices or exchange rates, a match result, what is on — which members' past experiences cannot tell. A weather, news or finance service has it up to date.
answer-related-found = I have no sure answer to this. These members' experiences might be related:
answer-offline-intro = Here is what member companies have experienced:
answer-original-note = (original in { $language ->
    [fa] Persian
    [zh] Chinese
   *[en] English
  })
answer-experience-meta = { $who } · { $industry }
# Between the company, city and country of who lived an experience.
answer-who-separator = { ", " }
answer-translation-note = (no English version yet: shown in { $language ->
    [fa] Persian
    [zh] Chinese
   *[en] English
  }, translated from the original in { $original ->
    [fa] Persian
    [zh] Chinese
   *[en] English
  })
answer-results-heading = Matching experiences:

industry-food = Food
industry-textiles = Textiles
industry-machinery = Machinery
industry-chemicals = Chemicals
industry-automotive = Automotive
industry-electronics = Electronics
industry-construction = Construction
industry-agriculture = Agriculture
industry-handicrafts = Handicrafts
industry-pharma = Pharmaceuticals
industry-logistics = Logistics
industry-software = Software
industry-energy = Energy
industry-other = Other

country-IR = Iran
country-CN = China
country-AE = United Arab Emirates
country-TR = Türkiye
country-HK = Hong Kong
country-RU = Russia
country-IQ = Iraq
# ISO's code for "unknown": a message kept with /save, or a contribution whose author gave no country.
country-ZZ = country not given
