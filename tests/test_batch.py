"""``Extractor.pipe``: order, streaming, error isolation, worker processes."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES
from faults import ConlluExtractor

import quotes

NAMES = ("indirect_that", "direct_curly", "according_to_appositive",
         "direct_split")


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
    """Bad arguments raise when pipe is called, before any iteration."""
    with pytest.raises(ValueError, match="on_error"):
        ConlluExtractor().pipe([], on_error="skip")  # type: ignore
    with pytest.raises(ValueError, match="n_process"):
        ConlluExtractor().pipe([], n_process=0)
    with pytest.raises(ValueError, match="timeout"):
        ConlluExtractor().pipe([], timeout=0)
    with pytest.raises(TypeError, match="timeout"):
        ConlluExtractor().pipe([], timeout="5")  # type: ignore


def test_pipe_refuses_a_bare_string_at_once() -> None:
    """A single text is not an iterable of texts: TypeError, with the fix
    (it used to yield one result per character)."""
    with pytest.raises(TypeError, match=r"single str.*pipe\(\[text\]\)"):
        ConlluExtractor().pipe("He said it rained.")  # type: ignore


def test_pipe_fails_a_non_string_doc_id() -> None:
    """A (text, doc_id) pair whose id is not a str is a Failure, not an
    id written into the JSON as a list."""
    out = list(ConlluExtractor().pipe(
        [(conllu("indirect_that"), ["x"])], on_error="return"))  # type: ignore
    assert out[0].error == "TypeError"
    assert "doc_id" in out[0].message


def faulty(what: str) -> str:
    """A document that misbehaves in a worker (see ``tests/faults.py``)."""
    return f"# fault: {what}\n" + conllu("direct_curly")


def run_workers(items: list[tuple[str, str]], **kwargs: object,
                ) -> list[quotes.Result | quotes.Failure]:
    return list(ConlluExtractor().pipe(items, on_error="return",
                                       **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_pipe_a_dead_worker_costs_only_its_document(how: str) -> None:
    """A document that kills its worker (twice) comes back as a WorkerDied
    Failure; every other document comes back, right, in order."""
    good = [(conllu(NAMES[k % 4]), f"d{k}") for k in range(10)]
    items = [*good[:4], (faulty(how), "bad"), *good[4:]]
    out = run_workers(items, n_process=2, batch_size=2)
    assert [getattr(r, "doc_id", None) for r in out] == [
        d for _, d in items]
    bad = out[4]
    assert isinstance(bad, quotes.Failure)
    assert bad.error == "WorkerDied"
    assert bad.index == 4
    expected = "signal 9 (SIGKILL)" if how == "kill" else "exit status 3"
    assert expected in bad.message
    serial = ConlluExtractor()
    assert [r for k, r in enumerate(out) if k != 4] == [
        serial.extract(t, doc_id=d) for t, d in good]


def test_pipe_sends_a_document_again_after_its_worker_died(
        tmp_path: Path) -> None:
    """A worker that dies once (the OOM killer, say) costs nothing: its
    document is sent to a new worker and comes back as a Result."""
    items = [(conllu("indirect_that"), "a"),
             (faulty(f"kill-once {tmp_path / 'killed'}"), "b"),
             (conllu("direct_split"), "c")]
    out = run_workers(items, n_process=2, batch_size=1)
    assert (tmp_path / "killed").exists()
    assert all(isinstance(r, quotes.Result) for r in out)
    assert [r.doc_id for r in out] == ["a", "b", "c"]


def test_pipe_raises_extraction_error_for_a_dead_worker() -> None:
    """on_error="raise" names the document the worker died on."""
    items = [(conllu("indirect_that"), "a"), (faulty("exit"), "bad")]
    with pytest.raises(quotes.ExtractionError, match="bad: WorkerDied"):
        list(ConlluExtractor().pipe(items, n_process=2))


def test_pipe_time_limit_fails_the_slow_document_only() -> None:
    """A document over the limit is a Timeout Failure, its worker is
    replaced, and the others come back; n_process=1 uses a worker too."""
    items = [(conllu("indirect_that"), "a"), (faulty("sleep 60"), "slow"),
             (conllu("direct_split"), "c"), (faulty("raise"), "raises"),
             (conllu("direct_curly"), "e")]
    started = time.monotonic()
    out = run_workers(items, n_process=1, timeout=2)
    assert time.monotonic() - started < 30
    assert [getattr(r, "error", "ok") for r in out] == [
        "ok", "Timeout", "ok", "ValueError", "ok"]
    assert "2 s" in out[1].message
    assert [r.doc_id for r in out] == ["a", "slow", "c", "raises", "e"]


def test_pipe_time_limit_from_parse_config() -> None:
    """ParseConfig(timeout=...) is pipe's default limit."""
    ex = ConlluExtractor(quotes.ParseConfig(timeout=1.5))
    out = list(ex.pipe([(faulty("sleep 60"), "slow"),
                        (conllu("indirect_that"), "a")], on_error="return"))
    assert [getattr(r, "error", "ok") for r in out] == ["Timeout", "ok"]
    with pytest.raises(ValueError, match="timeout"):
        quotes.ParseConfig(timeout=-1)


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
