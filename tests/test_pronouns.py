"""The learned pronoun stage: choosing a referent, loading the model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotes
from quotes import _tree
from quotes.exceptions import ModelNotAvailableError
from quotes.lexicons import Lexicon
from quotes.speakers import pronouns as _pronouns
from quotes.speakers.coref import EntityTable
from quotes.speakers.model import Entity, Mention

LEX = Lexicon.default()
TEXT = "Ann Lee met Bo Park.\n\nShe said the deal was done."


def _mention(phrase: str, *, sent: int, name: str | None = None,
             pronoun: str | None = None, main: bool = True) -> Mention:
    start = TEXT.index(phrase)
    tok = _tree.Tok(i=0, text=phrase, lemma=phrase.lower(),
                    upos="PRON" if pronoun else "PROPN", xpos="", feats="",
                    head=1, deprel="nsubj", start=start,
                    end=start + len(phrase))
    return Mention(sent=sent, toks=[tok], head=tok, name=name, role=None,
                   pronoun=pronoun, main=main)


def _table(model: _pronouns.PronounModel | None) -> EntityTable:
    table = EntityTable(LEX, TEXT, model)
    table.resolve(_mention("Ann Lee", sent=0, name="Ann Lee"), salient=True)
    table.resolve(_mention("Bo Park", sent=0, name="Bo Park", main=False),
                  salient=False)
    return table


def test_features_tell_candidates_apart() -> None:
    """Recency, salience and the rules' pick are features."""
    table = _table(None)
    lee, park = table.entities
    she = _mention("She", sent=1, pronoun="she")
    pool = [lee, park]
    f_lee = _pronouns.features(she, lee, pool, lee, table)
    f_park = _pronouns.features(she, park, pool, lee, table)
    assert f_lee["rules_pick"] == 1.0 and f_park["rules_pick"] == 0.0
    assert f_lee["previous_main"] == 1.0 and f_park["previous_main"] == 0.0
    assert f_park["seen_rank=0"] == 1.0 and f_lee["seen_rank=1"] == 1.0
    assert f_lee["breaks=1"] == 1.0


def test_features_latest_speaker_and_person_names() -> None:
    """The latest claim's speaker (and one quoted in the same paragraph)
    is a feature, and so is a name that looks like a person's (a known
    first name) or an organisation's (an acronym)."""
    text = "Ann Lee met ISIS envoys.\n\nAnn Lee said it failed. He said no."
    table = EntityTable(LEX, text, None)

    def at(phrase: str, *, name: str | None = None,
           pronoun: str | None = None, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(phrase, start + 1)
        tok = _tree.Tok(i=0, text=phrase, lemma=phrase.lower(),
                        upos="PRON" if pronoun else "PROPN", xpos="",
                        feats="", head=1, deprel="nsubj", start=start,
                        end=start + len(phrase))
        return Mention(sent=0, toks=[tok], head=tok, name=name, role=None,
                       pronoun=pronoun, main=True)

    lee = table.resolve(at("Ann Lee", name="Ann Lee"), salient=True)
    isis = table.resolve(at("ISIS", name="ISIS"), salient=False)
    table.resolve(at("Ann Lee", name="Ann Lee", nth=1), salient=True,
                  speaker=True)
    assert lee is not None and isis is not None
    he = at("He", pronoun="he")
    pool = [lee, isis]
    f_lee = _pronouns.features(he, lee, pool, None, table)
    f_isis = _pronouns.features(he, isis, pool, None, table)
    assert f_lee["last_speaker"] == f_lee["spoke_in_paragraph"] == 1.0
    assert f_isis["last_speaker"] == f_isis["spoke_in_paragraph"] == 0.0
    assert (f_lee["first_name"], f_lee["acronym"]) == (1.0, 0.0)
    assert (f_isis["first_name"], f_isis["acronym"]) == (0.0, 1.0)


def test_model_choice_replaces_the_rules() -> None:
    """With a model the table takes the model's referent; below the
    threshold, none."""
    she = _mention("She", sent=1, pronoun="she")
    recent = _pronouns.PronounModel(weights={"seen_rank=0": 5.0,
                                             "bias": -1.0}, threshold=0.5)
    table = _table(recent)
    assert table.resolve(she, salient=True, speaker=True) is \
        table.entities[1]
    never = _pronouns.PronounModel(weights={"bias": -5.0}, threshold=0.5)
    table = _table(never)
    assert table.resolve(she, salient=True, speaker=True) is None
    rules = _table(None)
    assert rules.resolve(she, salient=True, speaker=True) is \
        rules.entities[0]


def test_empty_pool_keeps_the_rules_answer() -> None:
    """No candidate: the model has nothing to choose from."""
    model = _pronouns.PronounModel(weights={"bias": 1.0}, threshold=0.5)
    she = _mention("She", sent=1, pronoun="she")
    table = EntityTable(LEX, TEXT, model)
    assert model.choose(she, [], None, table) is None
    ent = Entity(index=0, name="Ann Lee")
    assert model.choose(she, [], ent, table) is ent


def test_missing_or_corrupt_model_is_our_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotAvailableError, match="missing"):
        _pronouns.load(tmp_path)
    (tmp_path / _pronouns.MODEL_FILE).write_text("[]", encoding="utf-8")
    with pytest.raises(ModelNotAvailableError, match="corrupt"):
        _pronouns.load(tmp_path)


def test_model_round_trips_through_json(tmp_path: Path) -> None:
    model = _pronouns.PronounModel(weights={"bias": 0.5}, threshold=0.1)
    (tmp_path / _pronouns.MODEL_FILE).write_text(
        json.dumps(model.to_json()), encoding="utf-8")
    assert _pronouns.load(tmp_path) == model


def test_bundled_model_knows_the_features() -> None:
    """Every fixed weight of the shipped model is a feature still made."""
    model = _pronouns.load()
    table = _table(None)
    she = _mention("She", sent=1, pronoun="she")
    emitted = {k for e in table.entities for k in _pronouns.features(
        she, e, table.entities, None, table)}
    assert {k for k in model.weights if "=" not in k} <= emitted


@pytest.mark.parametrize(("text", "name"), [
    ("Mayor Ana Ruiz opened the meeting. Tom Vela, her deputy, spoke "
     "next.\n\n\"We will rebuild the bridge,\" she said.", "Ana Ruiz"),
    ("Chen Wei, the plant manager, met workers on Monday. He said the line "
     "would restart in May.", "Chen Wei"),
    ("Dr. Ana Pell published the first estimate in March.\n\nThe "
     "study's author, Kenji Mori, a health economist at Lakeshore "
     "University, stood by the numbers. \"We checked every clinic "
     'twice," he said.', "Kenji Mori"),
])
def test_raw_pronoun_speaker(text: str, name: str) -> None:
    """On raw text, with the bundled models, the pronoun is the person."""
    (a,) = quotes.Extractor().extract(text).attributions
    assert a.speaker is not None and a.speaker.name == name


def test_fit_choice_learns_one_candidate_or_none() -> None:
    """The trainer's conditional logit learns the choice itself: the
    candidate a feature marks wins its pool, and a pool whose candidates
    all carry a hopeless feature scores below "none" (0)."""
    import numpy as np

    from training.pronouns import fit_choice

    pick = {"bias": 1.0, "recent": 1.0}
    other = {"bias": 1.0}
    lost = {"bias": 1.0, "recent": 1.0, "far": 1.0}
    data = [{"feats": [other, pick, other], "labels": [False, True, False]}
            for _ in range(20)]
    data += [{"feats": [lost, other], "labels": [False, False]}
             for _ in range(20)]
    names = ["bias", "far", "recent"]
    w = dict(zip(names, fit_choice(data, names, l2=0.1), strict=True))

    def score(f: dict[str, float]) -> float:
        return float(np.dot([f.get(k, 0.0) for k in names],
                            [w[k] for k in names]))

    assert score(pick) > score(other) and score(pick) > 0
    assert score(lost) < 0 and score(other) < 0
