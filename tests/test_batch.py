"""``Extractor.pipe``: order, streaming, error isolation, worker processes."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from conftest import FIXTURES

import quotes
from quotes.testing import doc_from_conllu

NAMES = ("indirect_that", "direct_curly", "according_to_appositive",
         "direct_split")


class ConlluExtractor(quotes.Extractor):
    """Reads each "text" as CoNLL-U, so no model is needed."""

    def extract(self, text: str, *, doc_id: str | None = None,
                ) -> quotes.Result:
        return quotes.extract_doc(doc_from_conllu(text), doc_id=doc_id)


def conllu(name: str) -> str:
    return (FIXTURES / "parsed" / f"{name}.conllu").read_text("utf-8")


def test_pipe_yields_results_in_input_order() -> None:
    """Each result is the document's own, in the order given."""
    ex = ConlluExtractor()
    out = list(ex.pipe((conllu(n), n) for n in NAMES))
    assert [r.doc_id for r in out] == list(NAMES)
    assert out == [ex.extract(conllu(n), doc_id=n) for n in NAMES]
    assert all(r.attributions for r in out)


def test_pipe_returns_a_failure_in_place_of_a_bad_document() -> None:
    """A failing document yields a Failure; the others are unharmed."""
    ex = ConlluExtractor()
    items = [(conllu("indirect_that"), "a"), ("1\tno\tcolumns\n", "bad"),
             b"bytes", (conllu("direct_curly"), "c")]
    out = list(ex.pipe(items, on_error="return"))
    assert [type(r).__name__ for r in out] == [
        "Result", "Failure", "Failure", "Result"]
    assert out[1].doc_id == "bad"
    assert out[1].index == 1
    assert out[1].error == "ConlluError"
    assert out[2].error == "TypeError"
    assert "decode" in out[2].message
    assert out[3] == ex.extract(conllu("direct_curly"), doc_id="c")


def test_pipe_raises_on_the_first_failure_by_default() -> None:
    """on_error="raise" names the failing document after the good ones."""
    ex = ConlluExtractor()
    items = [(conllu("indirect_that"), "a"), ("1\tno\n", "bad"),
             (conllu("direct_curly"), "c")]
    it = ex.pipe(items)
    assert next(it).doc_id == "a"
    with pytest.raises(quotes.ExtractionError, match="bad") as info:
        next(it)
    assert info.value.index == 1
    assert info.value.doc_id == "bad"


def test_pipe_streams() -> None:
    """Results come while the input is still being read."""
    pulled = []

    def endless() -> Iterator[str]:
        for k in itertools.count():
            pulled.append(k)
            yield conllu(NAMES[k % len(NAMES)])

    out = list(itertools.islice(ConlluExtractor().pipe(endless()), 3))
    assert len(out) == 3
    assert len(pulled) == 3


def test_pipe_checks_its_arguments() -> None:
    with pytest.raises(ValueError, match="on_error"):
        list(ConlluExtractor().pipe([], on_error="skip"))  # type: ignore
    with pytest.raises(ValueError, match="n_process"):
        list(ConlluExtractor().pipe([], n_process=0))


TEXTS = ['"We will respond," said John Kirby, the Pentagon press secretary.',
         "Smith said the plan was dead.",
         "No one spoke.",
         "Smith said the plan was dead. \"It is over,\" she added."]


@pytest.mark.model
def test_pipe_in_two_processes_equals_serial() -> None:
    """n_process=2 gives the serial results, in order, while streaming;
    a bad item still yields its Failure."""
    pulled = []

    def items() -> Iterator[object]:
        for k in itertools.count():
            pulled.append(k)
            yield (b"not text" if k == 2 else TEXTS[k % 4], f"d{k}")

    ex = quotes.Extractor()
    parallel = list(itertools.islice(
        ex.pipe(items(), n_process=2, batch_size=1,  # type: ignore
                on_error="return"), 6))
    assert len(pulled) <= 6 + 2 * 2 + 1  # two batches in flight per worker
    pulled.clear()
    serial = list(itertools.islice(ex.pipe(items(), on_error="return"), 6))
    assert parallel == serial
    assert isinstance(parallel[2], quotes.Failure)
    assert [r.doc_id for r in parallel] == [f"d{k}" for k in range(6)]
    assert parallel[0].attributions[0].speaker.role == \
        "Pentagon press secretary"
