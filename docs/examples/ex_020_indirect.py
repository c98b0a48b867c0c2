"""
Reported speech
===============

Indirect claims come from the clause a reporting verb governs, with or
without "that", and from "according to".
"""

# %%
from _fixture import case

for name in ("indirect_that", "indirect_no_that", "indirect_according_to",
             "indirect_parenthetical"):
    a = case(name).attributions[0]
    print(f"{a.speaker.text!r:28} {a.cue.span.text!r:16} {a.content.text!r}")

# %%
# A quoted fragment inside reported speech makes the claim *mixed*.
case("mixed_fragment").attributions[0]
