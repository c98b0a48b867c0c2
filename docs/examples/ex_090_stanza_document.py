"""
A stanza Document you already have
==================================

If your own pipeline has parsed the text already (tokenize, pos, lemma
and depparse), ``quotes.extract_doc`` runs the rules on that
``Document`` without parsing again. Here the document comes from the
pipeline of an ``Extractor``; any stanza English pipeline will do.
"""

# %%
import quotes
from quotes.testing import doc_from_conllu

text = ("The minister said the bill would pass. \"It has the votes,\" "
        "Deputy Minister Paul Adeyemi told reporters.")
nlp = quotes.Extractor().pipeline      # a stanza.Pipeline
doc = nlp(text)                        # your Document
result = quotes.extract_doc(doc, doc_id="bill")
for a in result.attributions:
    print(f"{a.kind.value:8} {a.speaker.text!r:26} {a.content.text!r}")

# %%
# A parse stored as CoNLL-U (``f"{doc:C}"``) works the same way,
# with no model at all: ``quotes.testing.doc_from_conllu`` rebuilds the
# Document, and the text comes back from the tokens' spacing.
conllu = f"{doc:C}"
again = quotes.extract_doc(doc_from_conllu(conllu), text=text)
print(again.attributions == result.attributions)
