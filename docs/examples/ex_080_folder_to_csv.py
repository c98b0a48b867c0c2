"""
A folder of articles to a CSV table
===================================

Run one ``Extractor`` over every ``.txt`` file in a folder and write one
row per claim: document, speaker, role, kind, cue, confidence and content.
The rows come from ``Result.to_dict()``, the JSON form of the schema page,
written with the standard ``csv`` module; a spreadsheet or
``pandas.read_csv`` reads the file.
"""

# %%
import csv
import tempfile
from pathlib import Path

import quotes

articles = {
    "port.txt": "Port director Ellen Voss said the port would reopen on "
                'Sunday. "The channel is clear," Voss told reporters.',
    "school.txt": "Principal Mark Osei said the school would hire four "
                  "teachers. Parents said the classes were too large.",
    "rain.txt": "Heavy rain is expected until Thursday, according to the "
                "national weather service.",
}
folder = Path(tempfile.mkdtemp())
for name, body in articles.items():
    (folder / name).write_text(body, encoding="utf-8")

# %%
# One extractor loads the model once and serves every file.
extractor = quotes.Extractor()
rows = []
for path in sorted(folder.glob("*.txt")):
    result = extractor.extract(path.read_text(encoding="utf-8"),
                               doc_id=path.stem)
    for a in result.to_dict()["attributions"]:
        speaker = a["speaker"] or {}
        rows.append({
            "doc_id": result.doc_id,
            "speaker": speaker.get("name") or speaker.get("text"),
            "role": speaker.get("role"),
            "kind": a["kind"],
            "cue": a["cue"]["lemma"] if a["cue"] else None,
            "confidence": a["confidence"],
            # a quotation split by its tag is in pieces, the tag left out
            "content": " … ".join(p["text"] for p in a["content_pieces"]),
        })

out = folder / "claims.csv"
with out.open("w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)

# %%
# The table, read back:
with out.open(encoding="utf-8") as f:
    for row in csv.DictReader(f):
        print(f"{row['doc_id']:7} {row['speaker']!s:28} {row['role']!s:16} "
              f"{row['kind']:8} {row['content']}")
