"""
Roles from titles, appositives and earlier sentences
====================================================

The role is its own field. It comes from a title before the name
("Foreign Minister Jonas Berg"), from an appositive ("Tom Becker, the
head coach of ...") or from an earlier sentence that is not a claim at
all; a later "Berg" or "He" inherits it.
"""

# %%
import quotes

texts = {
    "title": "Foreign Minister Jonas Berg announced new rules for visas "
             "on Tuesday. Berg said the rules would take effect in two "
             "weeks. He added that students would not be affected.",
    "appositive": '"We are ready," said Tom Becker, the head coach of the '
                  "Riverside Owls. Becker said his team had trained twice "
                  "a day.",
    "earlier": "Aisha Rahman, the health minister, opened a clinic on "
               "Monday.\n\nRahman said the clinic had treated 300 "
               "patients.",
}
for label, text in texts.items():
    result = quotes.extract(text, doc_id=label)
    for a in result.attributions:
        print(f"{label:10} {a.speaker.text:10} -> {a.speaker.name} "
              f"({a.speaker.role})")

# %%
# The speaker index keeps every role form found for an entity; the
# attribution's ``role`` is the fullest one.
result = quotes.extract(texts["title"], doc_id="title")
print(result.speakers[0].roles)
