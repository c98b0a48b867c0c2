"""
Scoring against your own gold file
==================================

To measure ``quotes`` on your texts, write the attributions you expect
as JSON lines (``doc_id``, ``text`` and ``attributions`` with content,
cue, speaker and kind) and score the extractor's output against them.
A predicted content matches a gold one when their characters overlap by
a Jaccard index of at least 0.5.
"""

# %%
import json
import tempfile
from pathlib import Path

import quotes
from quotes import evaluate


def span(text, piece, after=0):
    """The gold span of the first *piece* in *text* from offset *after*."""
    start = text.index(piece, after)
    return {"start": start, "end": start + len(piece), "text": piece}


text = ('"The bridge is safe," said Ruth Amsel, the city engineer. The '
        "council said repairs would start in May. Residents remain "
        "worried.")
gold = {
    "doc_id": "bridge-safety",
    "text": text,
    "attributions": [
        {"kind": "direct", "content": span(text, "The bridge is safe,"),
         "cue": span(text, "said"),
         "source": span(text, "Ruth Amsel"),
         "speaker": {"name": "Ruth Amsel", "role": "city engineer"}},
        {"kind": "indirect",
         "content": span(text, "repairs would start in May"),
         "cue": span(text, "said", text.index("council")),
         "source": span(text, "The council"),
         "speaker": {"name": "council", "role": None}},
    ],
}
path = Path(tempfile.mkdtemp()) / "gold.jsonl"
path.write_text(json.dumps(gold) + "\n", encoding="utf-8")

# %%
# Extract from every gold text, then score; the same figures come from
# ``quotes evaluate gold.jsonl`` on the command line.
gold_docs = evaluate.load(path)
pred_docs = evaluate.predict(gold_docs, quotes.Extractor())
scores = evaluate.score(gold_docs, pred_docs)
print(evaluate.format_report(scores))
