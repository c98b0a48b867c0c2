"""Every gallery example runs with the bundled model and prints its story.

Each script runs as the docs build runs it (from ``docs/examples``); the
asserted lines are the ones its page explains.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
SCRIPTS = sorted(EXAMPLES.glob("ex_*.py"))

KEY_OUTPUT = {
    "ex_010_seed_article": [
        "Pentagon press secretary John Kirby  -> John Kirby "
        "(Pentagon press secretary)",
        "He                                   -> John Kirby "
        "(Pentagon press secretary)",
        "Russian spokesman Dmitry Peskov      -> Dmitry Peskov "
        "(Russian spokesman)",
        "John Kirby (Pentagon press secretary): claims 8",
        "Joe Biden (U.S. President): claims 1",
        "Dmitry Peskov (Russian spokesman): claims 2",
    ],
    "ex_020_kinds": [
        "direct   Maria Lopez  say   'We are not going to close the plant,'",
        "indirect Lopez        say   'the company would invest $40 million",
        "mixed    She          call  'the union\\'s demands \"completely "
        "unrealistic.\"'",
        "Maria Lopez - chief executive of Harbor Steel",
    ],
    "ex_030_multi_paragraph": [
        "1 claim: direct", "speaker: Daniel Okafor - Mayor",
        "paragraphs in the content: 3",
    ],
    "ex_040_cues": [
        "'according to'   lemma='according to'",
        "speaker='a union official'",
        "'said'           lemma='say'            class=speech     "
        "speaker='Harbor Steel'",
        "'claim'          lemma='claim'", "content='demand had collapsed'",
        "None | union official",
    ],
    "ex_050_resolution": [
        "The spokesman                -> entity 0: Omar Haddad "
        "(City spokesman)",
        "he                           -> entity 0: Omar Haddad",
        "Omar Haddad ['City spokesman Omar Haddad', 'The spokesman', "
        "'Haddad', 'he']",
    ],
    "ex_060_roles": [
        "title      He         -> Jonas Berg (Foreign Minister)",
        "appositive Becker     -> Tom Becker (head coach of the "
        "Riverside Owls)",
        "earlier    Rahman     -> Aisha Rahman (health minister)",
    ],
    "ex_070_unattributed": [
        "0.84 direct   cue=say  'director Ines Moreau'",
        "0.49 direct   cue=-", "'Too slow for me.'",
        "2 of 3 claims at 0.7 or more",
        "unattributed: ['A Quiet Harbor', 'happy ending']",
    ],
    "ex_080_folder_to_csv": [
        "port    Ellen Voss                   Port director    direct   "
        "The channel is clear,",
        "rain    national weather service",
        "school  Mark Osei                    Principal",
    ],
    "ex_090_stanza_document": [
        "direct   'Deputy Minister Paul Adeyemi' 'It has the votes,'",
        "True",
    ],
    "ex_100_evaluate": [
        "content (Jaccard>=0.5)   1.000  1.000  1.000",
        "end-to-end (+speaker)    1.000  1.000  1.000",
    ],
    "ex_110_many_documents": [
        "d2 1 ['Raj Mehta']", "d5 0 []", "{'indirect': 3, 'direct': 1}",
    ],
    "ex_120_json_output": ['"name": "Rosa Alvarez"', '"role": "Governor"'],
}


def test_every_example_has_key_output() -> None:
    """A new example comes with the output it promises."""
    assert len(SCRIPTS) >= 10
    assert sorted(KEY_OUTPUT) == [p.stem for p in SCRIPTS]


@pytest.mark.model
@pytest.mark.parametrize("path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_example_output(path: Path, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    """The example runs to the end and prints its key lines."""
    monkeypatch.chdir(EXAMPLES)
    monkeypatch.setattr(sys, "argv", [str(path)])
    namespace = runpy.run_path(str(path), run_name="__main__")
    out = capsys.readouterr().out
    for line in KEY_OUTPUT[path.stem]:
        assert line in out, f"{line!r} missing from:\n{out}"
    result = namespace.get("result")
    if result is not None and result.text is not None:
        assert result._repr_html_().count('class="quotes-view"') == 1
