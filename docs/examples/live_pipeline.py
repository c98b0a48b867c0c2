"""
The live pipeline
=================

Parses raw text with the bundled model (not run in the docs build).
"""

import quotes

extractor = quotes.Extractor()  # the bundled model; reuse it for many texts
result = extractor.extract(
    '"We will respond," Pentagon press secretary John Kirby said. '
    "He added that the move would not be permanent.",
    doc_id="example",
)
for a in result.attributions:
    print(a.speaker.name, "—", a.speaker.role, ":", a.content.text)
