"""
The JSON form of a result
=========================

``Result.to_dict()`` is one JSON object per document, described on the
schema page: attributions with their spans (offsets into the exact input
text), speakers with their mentions and roles, and the unattributed
quotations. The command line writes the same objects, one per line.
"""

# %%
import json

import quotes

text = '"We will rebuild," said Governor Rosa Alvarez.'
result = quotes.extract(text, doc_id="rebuild")
data = result.to_dict()
print(json.dumps(data, indent=1, ensure_ascii=False))

# %%
# Every span indexes the text it came from:
content = data["attributions"][0]["content"]
assert text[content["start"]:content["end"]] == content["text"]
