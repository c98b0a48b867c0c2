"""
Unattributed quotations and confidence
======================================

Not every quotation is a claim: titles and scare quotes are quoted too.
``quotes`` never drops a quotation silently: what no speaker can be found
for is listed in ``result.unattributed_quotes``. Every attribution has a
``confidence``: by default the share of claims like it that were right on
annotated news (a named speaker with a cue: about four in five), so it
can be read as a probability (see the concepts page).
"""

# %%
import quotes

text = (
    'The film, titled "A Quiet Harbor", opened on Friday. Its "happy '
    'ending" has divided audiences. "It is the best thing I have ever '
    'made," director Ines Moreau said. Some viewers said the ending was '
    'too slow. "Too slow for me."'
)
result = quotes.extract(text, doc_id="film")
for a in result.attributions:
    cue = a.cue.lemma if a.cue else "-"
    print(f"{a.confidence:.2f} {a.kind.value:8} cue={cue:4} "
          f"{a.speaker.text!r:22} {a.content.text!r}")
print("unattributed:", [q.text for q in result.unattributed_quotes])

# %%
# The last quotation has no cue: it continues the most recent speaker,
# with a lower confidence. Filter on confidence to keep the surest claims:
sure = [a for a in result.attributions if a.confidence >= 0.7]
print(len(sure), "of", len(result.attributions), "claims at 0.7 or more")
result
