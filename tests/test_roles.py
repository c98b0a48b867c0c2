"""The role stage: candidates per entity, the learned decision, loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotes
from quotes import _modelfile, _tree
from quotes.exceptions import ModelNotAvailableError
from quotes.lexicons import Lexicon
from quotes.speakers import roles as _roles
from quotes.speakers.model import Entity, Mention

LEX = Lexicon.default()

TEXT = ("Budget fight looms\n"
        "Sen. Ann Lee, chairwoman of the finance panel, said the bill "
        "would fail. The chairwoman spoke later. She is the panel's "
        "longest-serving member.")


def _mention(text: str, phrase: str, *, name: str | None = None,
             role: str | None = None, pronoun: str | None = None,
             upto: str | None = None) -> Mention:
    """A mention over *phrase* (or from *phrase* to the end of *upto*)."""
    start = text.index(phrase)
    end = text.index(upto) + len(upto) if upto else start + len(phrase)
    tok = _tree.Tok(i=0, text=text[start:end], lemma=phrase.lower(),
                    upos="PRON" if pronoun else "PROPN", xpos="", feats="",
                    head=1, deprel="nsubj", start=start, end=end)
    return Mention(sent=0, toks=[tok], head=tok, name=name, role=role,
                   pronoun=pronoun)


def _lee() -> Entity:
    appos = _mention(TEXT, "Sen. Ann Lee", name="Ann Lee",
                     role="chairwoman of the finance panel",
                     upto="finance panel")
    appos = Mention(sent=0, toks=appos.toks, head=appos.head,
                    name="Ann Lee", role="chairwoman of the finance panel",
                    more_roles=("Sen.",))
    return Entity(index=0, name="Ann Lee", mentions=[
        appos,
        _mention(TEXT, "The chairwoman", role="chairwoman"),
        _mention(TEXT, "She", pronoun="she",
                 role="panel's longest-serving member"),
    ])


def test_candidates_keep_form_and_order() -> None:
    """Each role once, in text order, with the form it had."""
    cands = _roles.candidates(_lee(), TEXT, lambda r: True)
    assert [(c.text, c.form, c.order) for c in cands] == [
        ("chairwoman of the finance panel", "appos", 0),
        ("Sen.", "title", 1),
        ("chairwoman", "description", 2),
        ("panel's longest-serving member", "pronoun", 3),
    ]
    assert not any(c.in_headline for c in cands)


def test_headline_candidate_is_marked() -> None:
    """A role seen in the first line (the headline) says so."""
    text = "Governor vows veto\nThe bill passed."
    ent = Entity(index=0, mentions=[_mention(text, "Governor",
                                             role="Governor")])
    (cand,) = _roles.candidates(ent, text, lambda r: True)
    assert cand.in_headline and cand.form == "description"


def test_no_candidate_the_conventions_rule_out() -> None:
    """Kinship and epithets (the lexicon says so) and a named person's
    party label are never candidates."""
    text = "Republican Bo Ek, her brother, spoke."
    ent = Entity(index=0, name="Bo Ek", mentions=[
        _mention(text, "Republican Bo Ek", name="Bo Ek", role="Republican"),
        _mention(text, "her brother", role="brother")])
    assert _roles.candidates(ent, text, lambda r: r != "brother") == []


def test_features_describe_the_candidate() -> None:
    """Features tell the form, the head word and post-modifiers apart."""
    ent = _lee()
    cands = _roles.candidates(ent, TEXT, lambda r: True)
    first = _roles.features(cands[0], cands, ent, LEX)
    assert first["form=appos"] == 1.0 and first["first"] == 1.0
    assert first["postmodified"] == 1.0 and first["head=chairwoman"] == 1.0
    title = _roles.features(cands[1], cands, ent, LEX)
    assert title["form=title"] == 1.0 and title["title"] == 1.0
    assert title["postmodified"] == 0.0


def test_model_picks_best_candidate_or_none() -> None:
    """The highest-scoring candidate wins; below the threshold, none."""
    model = _roles.RoleModel(weights={"form=title": 3.0, "bias": -1.0},
                             threshold=0.5)
    assert model.choose(_lee(), TEXT, LEX, lambda r: True) == "Sen."
    strict = _roles.RoleModel(weights=dict(model.weights), threshold=0.99)
    assert strict.choose(_lee(), TEXT, LEX, lambda r: True) is None
    empty = Entity(index=1, name="Bo Park")
    assert model.choose(empty, TEXT, LEX, lambda r: True) is None


def test_bundled_model_knows_the_features() -> None:
    """Every fixed (not value-keyed) weight of the shipped model is a
    feature the code still emits (a renamed one would weigh nothing)."""
    model = _roles.load()
    ent = _lee()
    cands = _roles.candidates(ent, TEXT, lambda r: True)
    emitted = {k for c in cands for k in _roles.features(c, cands, ent, LEX)}
    fixed = {k for k in model.weights if "=" not in k}
    assert fixed <= emitted
    assert 0.0 < model.threshold < 1.0


def test_missing_or_corrupt_model_is_our_error(tmp_path: Path) -> None:
    """A missing or corrupt roles.json is a ModelNotAvailableError."""
    with pytest.raises(ModelNotAvailableError, match="missing"):
        _roles.load(tmp_path)
    (tmp_path / _roles.MODEL_FILE).write_text("{\"weights\": 3}",
                                              encoding="utf-8")
    with pytest.raises(ModelNotAvailableError, match="corrupt"):
        _roles.load(tmp_path)


def test_model_round_trips_through_json(tmp_path: Path) -> None:
    """What training writes is what loading reads."""
    model = _roles.RoleModel(weights={"bias": -0.5, "first": 1.25},
                             threshold=0.3)
    (tmp_path / _roles.MODEL_FILE).write_text(json.dumps(model.to_json()),
                                              encoding="utf-8")
    assert _roles.load(tmp_path) == model


@pytest.fixture(scope="module")
def extractor() -> quotes.Extractor:
    return quotes.Extractor()


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Maria Okafor, the county's chief medical officer, spoke on Monday. "
     "\"The clinics will stay open,\" she said.",
     "Maria Okafor", "county's chief medical officer"),
    ("Sen. Tom Reyes, chairman of the budget committee, said the vote was "
     "rigged.", "Tom Reyes", "chairman of the budget committee"),
    ("Tom Reyes, a Republican, said the vote was rigged.", "Tom Reyes",
     None),
    ("\"It is close,\" said Robert Oldendick, a University of South "
     "Carolina political science professor.", "Robert Oldendick",
     "University of South Carolina political science professor"),
    ("\"It is fine,\" Robert Peck, managing director and internet equity "
     "analyst at SunTrust Robinson Humphrey, told me.", "Robert Peck",
     "managing director and internet equity analyst at SunTrust Robinson "
     "Humphrey"),
    ("Filmmaker and best-selling author Dana Ruiz said the film was a "
     "success.", "Dana Ruiz", "best-selling author"),
    ("\"It is harmful,\" said Steven Brill, author of \"Born to Run,\" in "
     "an interview.", "Steven Brill", "author of \"Born to Run,\""),
    ("Republican Ohio Sen. Tom Vance said the plan would fail.",
     "Tom Vance", "Republican Ohio Sen."),
    ("\"It is hard,\" said Rep. Raul Ortiz, D-Ariz., on Monday.",
     "Raul Ortiz", "Rep., D-Ariz."),
    ("\"It is hard,\" said Senator Chris Coons, Democrat of Delaware.",
     "Chris Coons", "Senator, Democrat of Delaware"),
    ("Pastor Joseph Brown of Marion Avenue Baptist Church said the "
     "volunteers were ready.", "Joseph Brown",
     "Pastor of Marion Avenue Baptist Church"),
    ("\"We are ready,\" said Sen. Ted Cruz of Texas.", "Ted Cruz", "Sen."),
    ("\"It is fine,\" Craig Morris, an environmental blogger, wrote in a "
     "post.", "Craig Morris", "environmental blogger"),
    ("In a brief aside, buried in the middle of a long profile, Daily "
     "Ledger columnist Sam Ortiz confused Republican Presidential "
     "candidate Rand Paul with the populist former Louisiana Democratic "
     "Governor, Huey Long. \"That is a smear,\" Paul said.", "Rand Paul",
     "Republican Presidential candidate"),
    ("Ortiz lost Ohio, Iowa and Maine to Democratic rival Hillary "
     "Clinton, who widened her delegate lead. \"We will keep going,\" "
     "Clinton said.", "Hillary Clinton", "Democratic rival"),
    ("With 214 delegates at stake, Clinton said she would campaign hard in "
     "the state.", "Clinton", None),
    ("Ms. Epstein, along with Judge Richard A. Posner of the United States "
     "Court of Appeals, found that the court was friendly to business.",
     "Epstein", None),
])
def test_raw_role_from_the_model(extractor: quotes.Extractor, text: str,
                                 name: str, role: str | None) -> None:
    """On raw text the bundled model gives the role the article gives."""
    (a,) = extractor.extract(text).attributions
    assert a.speaker is not None
    assert (a.speaker.name, a.speaker.role) == (name, role)


@pytest.mark.parametrize(("text", "mention", "role"), [
    ("Many of her aides said the schedule was too heavy.",
     "Many of her aides", "aides"),
    ("Dozens of House members said the bill would fail.",
     "Dozens of House members", "House members"),
    ("A handful of Democrats said they would vote against the measure.",
     "A handful of Democrats", "Democrats"),
    ("One in four nurses said the wards were understaffed.",
     "One in four nurses", "nurses"),
])
def test_partitive_group_is_the_role(extractor: quotes.Extractor, text: str,
                                     mention: str, role: str) -> None:
    """"Many of her aides", "one in four nurses": unnamed speakers whose
    group, after "of" or a share's "in", is their role (not a speaker
    named "Many" or "One")."""
    (a,) = extractor.extract(text).attributions
    assert a.speaker is not None
    assert (a.speaker.text, a.speaker.name, a.speaker.role) == \
        (mention, None, role)


def test_partitive_subject_keeps_its_claim(
        extractor: quotes.Extractor) -> None:
    """"Some of the shareholders said ...": a determiner heading the
    subject (the tagger's "Some") is still a speaker, and the claim is not
    dropped."""
    (a,) = extractor.extract(
        "Some of the shareholders said the deal was bad.").attributions
    assert a.content.text == "the deal was bad"
    assert a.speaker is not None
    assert a.speaker.text == "Some of the shareholders"


@pytest.mark.parametrize(("text", "name"), [
    ("Peter Novak, a longtime ally of the mayor, said the plan was sound.",
     "Peter Novak"),
    ("Clinton, the Democratic rival, said she was ready.", "Clinton"),
])
def test_subject_appositive_without_role_word(
        extractor: quotes.Extractor, text: str, name: str) -> None:
    """"NAME, a longtime ally of X, said": the parse makes the appositive
    the subject; the speaker is still the named person, also when the
    lexicon knows no role word in the appositive."""
    (a,) = extractor.extract(text).attributions
    assert a.speaker is not None
    assert a.speaker.name == name


def test_relative_pronoun_of_an_unnamed_group_has_its_role(
        extractor: quotes.Extractor) -> None:
    """"some hospital administrators who think ...": the relative "who" is
    the group before it, whose noun is its role."""
    (a,) = extractor.extract(
        "There are some hospital administrators who think the rule is "
        "fair.").attributions
    assert a.speaker is not None
    assert (a.speaker.text, a.speaker.name, a.speaker.role) == (
        "who", None, "hospital administrators")


def test_partitive_of_a_pronoun_keeps_its_claim(
        extractor: quotes.Extractor) -> None:
    """"Both of them said ...": the pronoun after "of" is the speaker,
    resolved as "they" is."""
    (a,) = extractor.extract(
        "Ann Lee and Tom Cole met the mayor on Monday. Both of them said "
        "the deal was bad.").attributions
    assert a.speaker is not None
    assert (a.speaker.text, a.speaker.name) == ("Both of them",
                                                "Ann Lee and Tom Cole")


def test_plural_title_before_joined_names(
        extractor: quotes.Extractor) -> None:
    """A plural title before two names is each one's role, in the
    singular, as the annotation conventions write it."""
    text = ("Democratic presidential candidates Hillary Clinton and Bernie "
            "Sanders spoke to the union. \"We need unions,\" Sanders said. "
            "\"I agree,\" Clinton said.")
    got = {(a.speaker.name, a.speaker.role)
           for a in extractor.extract(text).attributions if a.speaker}
    assert got == {("Bernie Sanders", "Democratic presidential candidate"),
                   ("Hillary Clinton", "Democratic presidential candidate")}


def test_appositive_description_is_not_another_persons_role(
        extractor: quotes.Extractor) -> None:
    """ "Colin Powell, the former secretary of state," describes the name
    it follows, even where the parse hangs it on another name ("Joe
    Biden"): it never refers back to the speaker as a description would."""
    text = ("\"The museum tells our story,\" said George W. Bush. Bill "
            "Clinton watched from the front row, sitting alongside Joe Biden "
            "and Colin Powell, the former secretary of state, and Jesse "
            "Jackson sat nearby. \"It matters to every American,\" Bush "
            "said.")
    got = [(a.speaker.name, a.speaker.role)
           for a in extractor.extract(text).attributions if a.speaker]
    assert got == [("George W. Bush", None)] * 2


def test_appositive_after_a_later_conjunct_is_its_role(
        extractor: quotes.Extractor) -> None:
    """In "Mr. Sanders and Donald J. Trump, the presumptive Republican
    nominee", the appositive describes the conjunct it follows, though the
    parse hangs it on the first."""
    text = ("Mrs. Clinton has been pushed to these positions by Mr. Sanders "
            "and Donald J. Trump, the presumptive Republican nominee. \"We "
            "will fight,\" Mr. Sanders said. \"We will win,\" Mr. Trump "
            "said.")
    got = [(a.speaker.name, a.speaker.role)
           for a in extractor.extract(text).attributions if a.speaker]
    assert got == [("Sanders", None), ("Donald J. Trump",
                                       "presumptive Republican nominee")]


@pytest.mark.parametrize(("text", "want"), [
    ("GOP presidential contender and former neurosurgeon Ben Carson said "
     "on Sunday that he did not lie.",
     ("Ben Carson", "GOP presidential contender")),
    ("MSNBC anchor and news correspondent Andrea Mitchell said the race "
     "was close.",
     ("Andrea Mitchell", "MSNBC anchor and news correspondent")),
])
def test_two_titles_joined_before_a_name(extractor: quotes.Extractor,
                                         text: str,
                                         want: tuple[str, str]) -> None:
    """Two titles joined before one name: the named person speaks (the
    parse makes the first title the subject); the role is the first
    title beside a former post, else both, as the conventions write it."""
    got = [(a.speaker.name, a.speaker.role)
           for a in extractor.extract(text).attributions if a.speaker]
    assert got == [want]


def test_rules_only_needs_no_role_model(monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    """learned=False never loads roles.json (the rules-only mode)."""
    monkeypatch.setattr(_modelfile, "bundled_model_dir", lambda: tmp_path)
    ex = quotes.Extractor(quotes.ParseConfig(learned=False))
    assert ex.roles is None
    with pytest.raises(ModelNotAvailableError):
        quotes.Extractor().roles  # noqa: B018 - the property loads


def _open_roles(extractor: quotes.Extractor, text: str, name: str,
                ) -> tuple[str, ...]:
    """The open role candidates of the first mention named *name*."""
    from quotes.speakers.mentions import mention_at

    doc = extractor.parse(text)
    for sent in doc.sents:
        for tok in sent.toks:
            if tok.upos == "PROPN" and tok.rel not in {"flat", "compound"}:
                m = mention_at(sent, tok, doc.text, LEX)
                if m.name == name:
                    return m.open_roles
    raise AssertionError(f"no mention named {name!r}")


@pytest.mark.parametrize(("text", "name", "want"), [
    ("Mayra Gonzalez, a cook at the Taj, said it was important.",
     "Mayra Gonzalez", ("cook at the Taj",)),
    ("Rick Scott is the Republican governor of Florida.", "Rick Scott",
     ("Republican governor of Florida",)),
    ("Democratic front-runner Hillary Clinton said the plan was bold.",
     "Hillary Clinton", ("Democratic front-runner",)),
    ("Donald Trump, however, said it was bad.", "Donald Trump", ()),
    ("Robert Oldendick, a University of South Carolina political science "
     "professor, said it was close.", "Robert Oldendick",
     ("University of South Carolina political science professor",)),
    ("Trump hired Paul Manafort, a seasoned operative, last month.",
     "Paul Manafort", ("seasoned operative",)),
    ("His digital mastermind, Teddy Goff, runs the effort.", "Teddy Goff",
     ("digital mastermind",)),
    ("The company and France's trade minister, Ann Roy, confirmed it.",
     "Ann Roy", ()),
])
def test_open_role_candidates(extractor: quotes.Extractor, text: str,
                              name: str, want: tuple[str, ...]) -> None:
    """Surface patterns give candidates the role lexicon does not list
    ("cook", "front-runner"), also when the phrase ends in its noun after
    a name ("University of ..."), opens with a participle ("seasoned") or
    stands before the name; an adverb set off by commas is none."""
    assert _open_roles(extractor, text, name) == want
