"""
A quote over several paragraphs
===============================

News style reopens a long quotation at the start of every paragraph and
closes it only at the end, where the attribution often comes last.
``quotes`` pairs the marks over the whole text, so the three paragraphs
are one claim of the speaker named after them.
"""

# %%
import quotes

text = """The mayor spoke for twenty minutes at the opening of the bridge.

"This bridge took eleven years to build. There were lawsuits, floods \
and two changes of contractor.

"But the people of Eastport never gave up on it, and neither did this \
city council.

"Today we finally get to walk across it," Mayor Daniel Okafor said.

The bridge will open to cars on Monday."""

result = quotes.extract(text, doc_id="bridge")
claim = result.attributions[0]
print(len(result.attributions), "claim:", claim.kind.value)
print("speaker:", claim.speaker.name, "-", claim.speaker.role)
print("paragraphs in the content:", claim.content.text.count("\n\n") + 1)
print(claim.content.text)

# %%
# The content span starts inside the first paragraph's quote mark and
# ends before the closing one; ``text[start:end]`` is always the span's
# text.
assert text[claim.content.start:claim.content.end] == claim.content.text
result
