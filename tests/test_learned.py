"""The learned attribution tagger: loading, decoding, errors, predictions."""

from __future__ import annotations

import itertools
import random
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import FIXTURES

import quotes
from quotes import _calibrate, _learned
from quotes._parse import bundled_model_dir
from quotes.testing import doc_from_conllu

BUNDLED = bundled_model_dir()


def test_artifact_is_shipped_and_small() -> None:
    """Both files ship in quotes/model, within the 10 MB budget."""
    weights = BUNDLED / _learned.WEIGHTS_FILE
    config = BUNDLED / _learned.CONFIG_FILE
    assert weights.is_file() and config.is_file()
    assert weights.stat().st_size + config.stat().st_size <= 10_000_000


def test_bundled_tagger_loads_offline() -> None:
    """The bundled tagger loads from the package alone."""
    tagger = _learned.load()
    assert tagger.vocab.words and tagger.vocab.tuned
    probs = tagger.probabilities(
        [[("He", "PRON", "he", 0), ("said", "VERB", "say", 0)]],
        quotes.Lexicon.default())
    assert len(probs) == 1 and len(probs[0]) == 2
    assert all(abs(sum(row) - 1.0) < 1e-4 for row in probs[0])


@pytest.mark.parametrize("seed", range(20))
def test_viterbi_obeys_bio(seed: int) -> None:
    """No I- tag follows O or a tag of another role."""
    rng = random.Random(seed)
    logp = [[rng.uniform(-5, 0) for _ in _learned.TAGS] for _ in range(30)]
    tags = [_learned.TAGS[t] for t in _learned.viterbi(logp)]
    for prev, tag in zip(["O", *tags], tags, strict=False):
        if tag.startswith("I-"):
            assert prev[2:] == tag[2:], (prev, tag)


@pytest.mark.parametrize("seed", range(10))
def test_viterbi_finds_the_best_valid_sequence(seed: int) -> None:
    """Viterbi's path scores as well as the best of all valid paths."""
    rng = random.Random(seed)
    n = len(_learned.TAGS)
    logp = [[rng.uniform(-5, 0) for _ in range(n)] for _ in range(4)]

    def valid(path: tuple[int, ...]) -> bool:
        names = ["O"] + [_learned.TAGS[t] for t in path]
        return all(not b.startswith("I-") or a[2:] == b[2:]
                   for a, b in itertools.pairwise(names))

    def total(path: Sequence[int]) -> float:
        return sum(logp[k][t] for k, t in enumerate(path))

    best = max(total(p) for p in itertools.product(range(n), repeat=4)
               if valid(p))
    path = _learned.viterbi(logp)
    assert valid(tuple(path)) and total(path) == pytest.approx(best)


def test_spans_of() -> None:
    """B- starts a span, I- extends it; adjacent B- tags split spans."""
    names = ["B-SRC", "B-CUE", "B-CON", "I-CON", "B-CON", "O", "B-CUE"]
    tags = [_learned.TAGS.index(n) for n in names]
    assert _learned.spans_of(tags) == [("SRC", 0, 1), ("CUE", 1, 2),
                                       ("CON", 2, 4), ("CON", 4, 5),
                                       ("CUE", 6, 7)]


def test_missing_artifact_is_a_clear_error(tmp_path: Path) -> None:
    """A missing file is named, with the rules-only way out."""
    with pytest.raises(quotes.ModelNotAvailableError) as info:
        _learned.load(tmp_path)
    assert "attribution" in str(info.value)
    assert "--rules-only" in str(info.value)


@pytest.mark.parametrize("broken", ["weights", "config", "mismatch"])
def test_corrupt_artifact_is_a_clear_error(tmp_path: Path,
                                           broken: str) -> None:
    """Garbage weights, bad JSON or weights of another size: our error."""
    shutil.copy(BUNDLED / _learned.WEIGHTS_FILE, tmp_path)
    shutil.copy(BUNDLED / _learned.CONFIG_FILE, tmp_path)
    if broken == "weights":
        (tmp_path / _learned.WEIGHTS_FILE).write_bytes(b"PK\x03\x04 junk")
    elif broken == "config":
        (tmp_path / _learned.CONFIG_FILE).write_text("{", encoding="utf-8")
    else:
        path = tmp_path / _learned.CONFIG_FILE
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('"hidden":', '"hidden":1', 1),
                        encoding="utf-8")
    with pytest.raises(quotes.ModelNotAvailableError) as info:
        _learned.load(tmp_path)
    assert "corrupt" in str(info.value)


def test_missing_artifact_stops_extract_before_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the tagger gone, extract raises our error (no parse needed);
    rules-only mode never loads it."""
    monkeypatch.setattr(_learned, "bundled_model_dir", lambda: tmp_path)
    with pytest.raises(quotes.ModelNotAvailableError):
        quotes.Extractor().extract("He said so.")
    assert quotes.Extractor(quotes.ParseConfig(learned=False)).proposer \
        is None


def _seed(learned: bool) -> quotes.Result:
    text = (FIXTURES / "texts" / "seed.txt").read_text(encoding="utf-8")
    conllu = (FIXTURES / "parsed" / "seed.conllu").read_text("utf-8")
    return quotes.extract_doc(doc_from_conllu(conllu), text=text,
                              doc_id="seed", learned=learned)


def test_seed_claims_kept_with_tagger() -> None:
    """On the seed article every rules attribution stays as it was (the
    12 expected claims); the tagger only adds paraphrases of its own."""
    def key(a: quotes.Attribution) -> tuple[object, ...]:
        # entity numbers follow text order, so added speakers renumber;
        # confidences are calibrated by what found the claim (rules, both)
        sp = a.speaker
        return (a.kind, a.content, a.cue, sp and (sp.span, sp.name, sp.role))

    rules, combined = _seed(False), _seed(True)
    assert len(rules.attributions) == 12
    kept = {key(a) for a in combined.attributions}
    assert {key(a) for a in rules.attributions} <= kept
    added = [a for a in combined.attributions
             if key(a) not in {key(r) for r in rules.attributions}]
    assert added, "the tagger proposes nothing on the seed"
    for a in added:
        assert a.kind is quotes.Kind.INDIRECT
        assert a.cue is not None and a.speaker is not None
        assert not any(r.content.start < a.content.end and
                       a.content.start < r.content.end
                       for r in rules.attributions)


def test_seed_acts_are_no_claims() -> None:
    """ "The administration has approved the deployment", "Biden signed
    the order", "Russia has refused to recall its forces": the tagger
    marks these acts, but a verb no lexicon lists with a plain object, or
    a stance verb with an infinitive, is no evidence of speech."""
    combined = _seed(True).attributions
    lemmas = {a.cue.lemma for a in combined if a.cue is not None}
    assert "say" in lemmas
    assert not lemmas & {"approve", "sign", "refuse"}
    assert all(a.cue is None or a.cue.cls != "other" for a in combined)


def test_tagger_takes_no_listener_as_content() -> None:
    """ "I often tell my clients that ...": the tagger's claim "tell | my
    clients" is whom the cue addresses, not what is told."""
    conllu = (FIXTURES / "parsed" / "repair_crossing_content.conllu"
              ).read_text("utf-8")
    result = quotes.extract_doc(doc_from_conllu(conllu), learned=True)
    told = [a.content.text for a in result.attributions
            if a.cue is not None and a.cue.lemma == "tell"]
    assert told == ["we have to test it in the place where it stands"]


def _stance(learned: bool) -> quotes.Result:
    conllu = (FIXTURES / "parsed" / "learned_stance.conllu").read_text(
        "utf-8")
    return quotes.extract_doc(doc_from_conllu(conllu), learned=learned)


def test_tagger_adds_what_the_rules_miss() -> None:
    """Stance verbs with noun-phrase contents: the rules find nothing, the
    tagger finds each claim; speakers come from the rules' machinery."""
    assert _stance(False).attributions == ()
    combined = _stance(True).attributions
    calibration = _calibrate.load()
    values = {round(v, 3) for v in calibration.table["learned"]}
    assert all(a.found_by == "learned" and a.confidence in values
               for a in combined)
    found = {(a.kind.value, a.cue.lemma if a.cue else None, a.content.text,
              a.speaker.text if a.speaker else None)
             for a in combined}
    assert ("indirect", "accuse", "the company of breaking its promises to "
            "workers", "Union leaders") in found
    assert ("indirect", "blame", "the delays on the weather",
            "The governor") in found
    # the tagger stops this content early ("a rise in flu")
    warned = [f for f in found if f[1] == "warn"]
    assert len(warned) == 1 and len(found) == 3
    assert warned[0][2].startswith("a rise in flu")
    assert warned[0][3] == "Health officials"


@pytest.mark.model
def test_tagger_on_raw_text() -> None:
    """From raw text, with the bundled models: on by default, off with
    learned=False."""
    text = ("Analysts expect the central bank to raise interest rates "
            "again in March.")
    combined = quotes.Extractor().extract(text)
    assert [(a.speaker.text if a.speaker else None, a.cue and a.cue.lemma)
            for a in combined.attributions] == [("Analysts", "expect")]
    # an unnamed group: no name, the description as role
    assert combined.attributions[0].speaker.role == "Analysts"
    assert combined.attributions[0].content.text.startswith(
        "the central bank to raise interest rates")
    rules = quotes.Extractor(quotes.ParseConfig(learned=False)).extract(text)
    assert rules.attributions == ()


def test_found_by_says_what_found_each_claim() -> None:
    """Rules alone: every claim is the rules'; with the tagger its own
    claims are "learned" and the rules' claims it tags too are "both"."""
    rules, combined = _seed(False), _seed(True)
    assert {a.found_by for a in rules.attributions} == {"rules"}
    by_span = {a.content: a.found_by for a in combined.attributions}
    assert {by_span[a.content] for a in rules.attributions} <= \
        {"rules", "both"}
    assert "both" in by_span.values()
    added = [a for a in combined.attributions
             if a.content not in {r.content for r in rules.attributions}]
    assert added
    assert {a.found_by for a in added} == {"learned"}
    assert all(a.to_dict()["found_by"] == a.found_by
               for a in combined.attributions)


def test_tagger_contents_trimmed_like_the_rules() -> None:
    """The tagger's contents, like the rules', start with no complementiser
    "that" and no stray punctuation."""
    for a in _seed(True).attributions:
        text = a.content.text
        assert not text.lower().startswith("that "), text
        assert text[:1] not in ",.;:" and text[-1:] not in ",;:", text


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), [
    # how a source asked to be treated is no claim of theirs
    ("An official, who asked not to be identified, said the talks had "
     "stalled.", ["the talks had stalled"]),
    ("A company spokeswoman, who requested not to be named because she "
     "was not authorised to speak, said owners would be contacted.",
     ["owners would be contacted"]),
    # a name the cue acts on is no content
    ("Prosecutors on Tuesday charged Milan Dvořák, the former mayor of "
     "Brnovice, with abuse of office.", []),
    # "Asked by X about ...": what was put to the speaker
    ("Asked by reporters about the delay, Lee said the trains were late.",
     ["the trains were late"]),
    ("Asked by a reporter whether the plan would survive, the minister "
     "said it would.", ["it would"]),
])
def test_tagger_proposes_no_request_act_or_question(text: str,
                                                    want: list[str]) -> None:
    """The tagger's proposals that name how a source asked to be treated,
    a person acted on, or the question put are left out; the claims
    around them stay."""
    got = [a.content_text for a in quotes.extract(text).attributions]
    assert got == want


@pytest.mark.model
def test_tagger_speaker_of_an_evidence_participle() -> None:
    """ "a new poll showing X": the poll shows X, not the sentence's
    speaker whose source span the tagger found nearest."""
    got = quotes.extract(
        "Priebus, in the wake of a new poll showing Trump's overall standing "
        "with Latinos down to 14 percent, told Fox News on Sunday that Trump "
        "appreciates the need to do better.")
    assert [(a.speaker.span.text if a.speaker else None, a.content_text)
            for a in got.attributions] == [
        ("a new poll", "Trump's overall standing with Latinos down to 14 "
         "percent"),
        ("Priebus", "Trump appreciates the need to do better")]
