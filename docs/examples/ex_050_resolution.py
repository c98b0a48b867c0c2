"""
Pronouns, surnames and "the spokesman"
======================================

A speaker is named in full once and then mentioned as "Haddad", "he" or
"the spokesman". Each attribution keeps the mention of its own sentence
(``speaker.text``) and the resolved entity (``speaker.name`` and
``speaker.entity``, an index into ``result.speakers``).
"""

# %%
import quotes

text = (
    "City spokesman Omar Haddad said the water was safe to drink. The "
    "spokesman added that tests would continue every day. Haddad said "
    'residents could call a hotline. "We will publish every result," '
    "he said."
)
result = quotes.extract(text, doc_id="water")
for a in result.attributions:
    print(f"{a.speaker.text:28} -> entity {a.speaker.entity}: "
          f"{a.speaker.name} ({a.speaker.role})")

# %%
# One entity, with every mention found in the text:
entity = result.speakers[0]
print(entity.name, [m.text for m in entity.mentions])
result
