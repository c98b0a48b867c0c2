"""
Who said what in a news article
===============================

The article this project started from: US troops sent to Eastern Europe,
with claims by the Pentagon's press secretary, the US president and the
Kremlin's spokesman. ``quotes.extract`` parses it with the bundled model
and ties every claim to its speaker and the speaker's role.
"""

# %%
from pathlib import Path

import quotes

# the article ships with the repository, in fixtures/texts/
text = Path("../../fixtures/texts/seed.txt").read_text(encoding="utf-8")
result = quotes.extract(text, doc_id="seed")

for a in result.attributions:
    print(f"{a.speaker.text:36} -> {a.speaker.name} ({a.speaker.role})")

# %%
# Each speaker is one *entity* with every role found for it, however it
# is mentioned ("Kirby", "He"):
for s in result.speakers:
    roles = ", ".join(s.roles) or "no role found"
    claims = result.attributions_of(s.entity)
    print(f"{s.name} ({roles}): claims {len(claims)}")

# %%
# The HTML view marks each claim's content (underlined), its cue (bold,
# dotted) and the speaker's mention (boxed, with the resolved name as a
# badge), one colour per speaker. In Jupyter a ``Result`` shows itself
# this way; ``result.to_html()`` returns the same markup and
# ``quotes extract --format html`` writes it as a page.
result
