"""Shared helper of the gallery: load a stored fixture parse."""

from __future__ import annotations

import json
from pathlib import Path

import quotes
from quotes.testing import doc_from_conllu

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def case(name: str) -> quotes.Result:
    """Extract from construction case *name* of fixtures/constructions.json."""
    cases = json.loads((FIXTURES / "constructions.json").read_text("utf-8"))
    text = next(c["text"] for c in cases if c["name"] == name)
    return from_parse(name, text)


def from_parse(name: str, text: str) -> quotes.Result:
    """Extract from ``fixtures/parsed/<name>.conllu`` over *text*."""
    doc = doc_from_conllu(FIXTURES / "parsed" / f"{name}.conllu")
    return quotes.extract_doc(doc, text=text, doc_id=name)
