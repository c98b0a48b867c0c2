"""
Direct, indirect and mixed claims
=================================

A claim is *direct* when the speaker's words are in quote marks,
*indirect* when the reporter paraphrases them, and *mixed* when a
paraphrase holds a quoted fragment. The ``kind`` field says which; the
content never includes the outer quote marks or the word "that".
"""

# %%
import quotes

text = (
    '"We are not going to close the plant," said Maria Lopez, the chief '
    "executive of Harbor Steel. Lopez said the company would invest $40 "
    "million in new furnaces next year. She called the union's demands "
    '"completely unrealistic."'
)
result = quotes.extract(text, doc_id="harbor-steel")
for a in result.attributions:
    print(f"{a.kind.value:8} {a.speaker.text:12} {a.cue.lemma:5} "
          f"{a.content.text!r}")

# %%
# All three claims belong to one speaker, whose role comes from the
# appositive after her name:
print(result.speakers[0].name, "-", result.speakers[0].roles[0])
result
