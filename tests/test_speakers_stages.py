"""The speaker stages as a whole: their order (each imports only those
above it), names as a function of the entities and the text, and the
role decision with and without the learned model."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import quotes.speakers
from quotes import Lexicon, _tree
from quotes.speakers import roles
from quotes.speakers.model import Entity, Mention
from quotes.speakers.names import complete_names

LEX = Lexicon.default()

ORDER = ["words", "model", "mentions", "coref", "pronouns", "names", "roles"]
"""The stages, top down (``quotes/speakers/__init__.py``)."""


def _stages_imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("quotes.speakers."):
                found.add(node.module.rsplit(".", 1)[1])
            elif node.module == "quotes.speakers":
                found.update(a.name for a in node.names)
    return found


@pytest.mark.parametrize("stage", ORDER)
def test_stages_import_only_those_above(stage: str) -> None:
    """A stage imports only the stages listed before it."""
    package = Path(quotes.speakers.__file__).parent
    assert sorted(p.stem for p in package.glob("*.py")
                  if p.stem != "__init__") == sorted(ORDER)
    above = set(ORDER[:ORDER.index(stage)])
    assert _stages_imported(package / f"{stage}.py") <= above


def test_stages_names_from_entities_and_text() -> None:
    """``complete_names`` needs only the entities, the text and the
    lexicon: a surname takes the one full name the text writes, an acronym
    the words that spell it."""
    text = ("The Securities and Exchange Commission sued. Jason Chaffetz "
            "spoke. Chaffetz said the S.E.C. erred.")
    ents = [Entity(index=0, name="Chaffetz"),
            Entity(index=1, name="S.E.C.", person=False)]
    complete_names(ents, text, LEX)
    assert [e.name for e in ents] == [
        "Jason Chaffetz", "Securities and Exchange Commission"]


def test_stages_role_decision() -> None:
    """The learned model picks among the rules' candidates, or none below
    its threshold; without it the rules' most specific role stands."""
    text = "Sen. Ann Lee, chairwoman of the panel, said so."
    end = text.index(",")
    tok = _tree.Tok(i=0, text=text[:end], lemma="lee", upos="PROPN",
                    xpos="", feats="", head=-1, deprel="nsubj", start=0,
                    end=end)
    m = Mention(sent=0, toks=[tok], head=tok, name="Ann Lee",
                role="chairwoman of the panel", more_roles=("Sen.",))
    ent = Entity(index=0, name="Ann Lee", mentions=[m],
                 roles=["chairwoman of the panel", "Sen."])
    assert ent.role == "chairwoman of the panel"  # rules only
    cands = roles.candidates(ent, text, lambda r: True)
    assert [c.text for c in cands] == ["chairwoman of the panel", "Sen."]
    title = roles.RoleModel(weights={"form=title": 5.0, "bias": -1.0},
                            threshold=0.5)
    assert title.choose(ent, text, LEX, lambda r: True) == "Sen."
    never = roles.RoleModel(weights={"bias": -5.0}, threshold=0.5)
    assert never.choose(ent, text, LEX, lambda r: True) is None
