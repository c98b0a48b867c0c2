"""
Speakers and their roles
========================

The role is its own field, taken from a title before the name, an
appositive, or "who is the ...". Later mentions ("Kirby", "He", "the
spokesman", "Officials") resolve to the same speaker entity.
"""

# %%
from _fixture import FIXTURES, from_parse

text = (FIXTURES / "texts" / "seed.txt").read_text(encoding="utf-8")
result = from_parse("seed", text)
for a in result.attributions:
    print(f"{a.speaker.text:36} -> {a.speaker.name} ({a.speaker.role})")

# %%
# The speaker index lists each entity once, with all its mentions.
for s in result.speakers:
    print(s.entity, s.name, s.roles, len(result.attributions_of(s.entity)))
result.speakers[0]
