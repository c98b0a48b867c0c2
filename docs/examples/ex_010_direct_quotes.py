"""
Direct quotes
=============

A quote split by its attribution comes out as one attribution with two
pieces; the cue and the speaker sit between them.
"""

# %%
from _fixture import case

result = case("direct_split")
a = result.attributions[0]
print(a.kind.value, "|", a.speaker.name, "|", a.cue.lemma)
print([p.text for p in a.content_pieces])

# %%
# A quote that runs over three paragraphs, each reopened with a mark and
# only the last one closed, is a single quotation.
result = case("direct_multi_paragraph")
print(result.attributions[0].content.text)
print(result.attributions[0].speaker)
