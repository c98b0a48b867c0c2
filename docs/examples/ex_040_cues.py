"""
"According to", statements and claims
======================================

Verbs of saying are not the only cues. ``quotes`` also finds "according
to", "in a statement" and reporting nouns ("X's claim that"); each cue
carries its lemma and its lexicon class.
"""

# %%
import quotes

text = (
    "The factory will close in March, according to a union official. "
    "In a statement, Harbor Steel said the decision was final. Analysts "
    "questioned the company's claim that demand had collapsed."
)
result = quotes.extract(text, doc_id="factory")
for a in result.attributions:
    print(f"{a.cue.span.text!r:16} lemma={a.cue.lemma!r:16} "
          f"class={a.cue.cls:10} speaker={a.speaker.text!r}")
    print(f"{'':16} content={a.content.text!r}")

# %%
# A speaker without a name ("a union official") keeps what it is as its
# role; its ``name`` stays ``None``.
official = result.attributions[0].speaker
print(official.name, "|", official.role)
result
