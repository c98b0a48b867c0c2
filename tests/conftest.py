"""The only conftest: fixture paths, document loading, hypothesis profiles."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

import quotes
from quotes.testing import doc_from_conllu

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

settings.register_profile("ci", derandomize=True, deadline=None,
                          max_examples=200)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def shared_path(*parts: str) -> Path:
    """A path under ``../shared`` (data beside the checkout, not in it).

    Skips the calling test, naming the missing path, when it is absent.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is missing (../shared beside the checkout "
                    "holds data the repository may not include)")
    return path


def load_cases() -> list[dict[str, Any]]:
    """The construction cases of ``fixtures/constructions.json``."""
    return json.loads((FIXTURES / "constructions.json").read_text("utf-8"))


def fixture_result(name: str, text: str) -> quotes.Result:
    """Extract from the stored parse of fixture *name* (no model needed)."""
    conllu = (FIXTURES / "parsed" / f"{name}.conllu").read_text("utf-8")
    return quotes.extract_doc(doc_from_conllu(conllu), text=text,
                              doc_id=name)


@pytest.fixture
def seed_text() -> str:
    """The seed article."""
    return (FIXTURES / "texts" / "seed.txt").read_text(encoding="utf-8")
