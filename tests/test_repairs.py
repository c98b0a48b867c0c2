"""Rules that repair common parser errors, on real misparses.

Each ``parsed/repair_*.conllu`` is a parse the bundled model really made,
kept as it came out: the rules must give the right answer in spite of it.
"""

from __future__ import annotations

from conftest import FIXTURES

import quotes
from quotes.testing import doc_from_conllu


def _extract(name: str) -> quotes.Result:
    conllu = (FIXTURES / "parsed" / f"{name}.conllu").read_text("utf-8")
    return quotes.extract_doc(doc_from_conllu(conllu), doc_id=name)


def test_subject_hung_from_the_cue_joins_the_content() -> None:
    """ "said around 2,000 troops would be deployed": 'troops' parsed as an
    obl of 'said' is still the subject of the reported clause."""
    conllu = (FIXTURES / "parsed" / "repair_stray_subject.conllu").read_text(
        "utf-8")
    row = next(r.split("\t") for r in conllu.splitlines()
               if r.startswith("9\ttroops"))
    assert row[7] == "obl"  # the misparse this rule is for
    (att,) = _extract("repair_stray_subject").attributions
    assert att.content.text.startswith("around 2,000 troops would be")
    assert att.speaker is not None
    assert att.speaker.name == "John Kirby"


def test_wh_conjunct_hung_from_the_cue_joins_the_content() -> None:
    """ "said X and what he told Putin": the second conjunct, parsed as a
    conj of 'said', is still part of what Biden said."""
    conllu = (FIXTURES / "parsed" / "repair_wh_conjunct.conllu").read_text(
        "utf-8")
    row = next(r.split("\t") for r in conllu.splitlines()
               if r.startswith("22\ttold"))
    assert (row[6], row[7]) == ("5", "conj")  # hung from 'said'
    (att,) = _extract("repair_wh_conjunct").attributions
    assert att.content.text.startswith("the order was in line")
    assert att.content.text.endswith("if he continued to act aggressively")
    assert att.cue.lemma == "say"


def test_a_second_predicate_stays_out_of_the_content() -> None:
    """ "said X and left": a conjunct with no wh-word is not content."""
    result = quotes.extract_doc(doc_from_conllu(_SAID_AND_LEFT))
    (att,) = result.attributions
    assert att.content.text == "the talks failed"


_SAID_AND_LEFT = """\
# text = Kirby said the talks failed and left.
1\tKirby\tKirby\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\tVerbForm=Fin\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\ttalks\ttalk\tNOUN\tNNS\tNumber=Plur\t5\tnsubj\t_\t_
5\tfailed\tfail\tVERB\tVBD\tVerbForm=Fin\t2\tccomp\t_\t_
6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_
7\tleft\tleave\tVERB\tVBD\tVerbForm=Fin\t2\tconj\t_\t_
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""
