"""The HTML view: every character kept and escaped, marks well-formed."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, fixture_result
from hypothesis import given
from hypothesis import strategies as st

from quotes import Attribution, Cue, Kind, Result, Span, Speaker
from quotes.cli import main
from quotes.records import SpeakerEntity


class Walk(HTMLParser):
    """Rebuilds the marked text: each character with its open marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.chars: list[tuple[str, tuple[dict[str, str | None], ...]]] = []
        self.tags: list[str] = []
        self.in_text = 0
        self.cells: list[str] = []

    def handle_starttag(self, tag: str,
                        attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data: str) -> None:
        classes = [(a.get("class") or "") for _, a in self.stack]
        if "q-text" in classes:
            marks = tuple(a for t, a in self.stack if t == "mark")
            self.chars += [(c, marks) for c in data]
        elif self.stack and self.stack[-1][0] == "td":
            self.cells.append(data)

    @property
    def text(self) -> str:
        return "".join(c for c, _ in self.chars)

    def parts_at(self, offset: int) -> set[str]:
        """The mark classes ``q-content``… over character *offset*."""
        return {cls for m in self.chars[offset][1]
                for cls in (m.get("class") or "").split()}


def walk(markup: str) -> Walk:
    w = Walk()
    w.feed(markup)
    w.close()
    assert not w.stack, "unclosed elements"
    return w


def span(text: str, piece: str, start: int = 0) -> Span:
    at = text.index(piece, start)
    return Span(start=at, end=at + len(piece), text=piece)


HOSTILE = ('<script>alert("x")</script> "We & <b>they</b> won\'t go," '
           'said Jo "The Hammer" O\'Neil <img src=x onerror=alert(1)>.\n\n'
           "&amp; &#60; ]]> -->")


def hostile_result() -> Result:
    t = HOSTILE
    who = span(t, 'Jo "The Hammer" O\'Neil')
    name = 'Jo "The Hammer" <O\'Neil> & co'
    speaker = Speaker(span=who, name=name, role="<i>chief</i> & \"boss\"",
                      entity=0)
    claim = Attribution(
        kind=Kind.DIRECT, content=span(t, "We & <b>they</b> won't go,"),
        cue=Cue(span=span(t, "said"), lemma="say<"), speaker=speaker,
        confidence=0.9)
    return Result(
        doc_id='doc "1" <x>', attributions=[claim],
        speakers=[SpeakerEntity(entity=0, name=name,
                                roles=["<i>chief</i> & \"boss\""],
                                mentions=[who])],
        unattributed_quotes=[span(t, '"x"')], text=t)


def test_hostile_text_is_escaped() -> None:
    """No markup from the text or the names survives as markup."""
    out = hostile_result().to_html()
    assert "<script" not in out.lower()
    assert "<img" not in out and "<b>" not in out and "<i>" not in out
    w = walk(out)
    assert set(w.tags) <= {"div", "style", "p", "strong", "mark", "table",
                           "caption", "thead", "tbody", "tr", "th", "td",
                           "span", "em"}
    assert w.text == HOSTILE


def test_hostile_names_round_trip_through_attributes() -> None:
    """Quotes, ``<`` and ``&`` in names come back intact from attributes."""
    w = walk(hostile_result().to_html())
    at = HOSTILE.index("Jo ")
    titles = [m.get("title") or "" for m in w.chars[at][1]]
    speaker = next(t for t in titles if t.startswith("speaker of"))
    assert 'Jo "The Hammer" <O\'Neil> & co' in speaker
    assert 'role: <i>chief</i> & "boss"' in speaker
    assert "cue: say<" in speaker and "confidence: 0.90" in speaker
    assert 'Jo "The Hammer" <O\'Neil> & co' in w.cells


def test_marks_cover_their_spans() -> None:
    """Content, cue, speaker and unattributed marks sit on their spans."""
    result = hostile_result()
    w = walk(result.to_html())
    a = result.attributions[0]
    checks = [(a.content, "q-content"), (a.cue.span, "q-cue"),
              (a.speaker.span, "q-speaker"),
              (result.unattributed_quotes[0], "q-unattributed")]
    for s, cls in checks:
        assert all(cls in w.parts_at(i) for i in range(s.start, s.end))
        assert cls not in w.parts_at(s.end)
    assert not w.parts_at(HOSTILE.index("\n"))


def test_crossing_nested_and_edge_spans() -> None:
    """Spans that cross, nest, or touch both ends of the text."""
    t = '"Stop," she said, "now" and "then".'
    outer = Span(start=0, end=len(t), text=t)
    crossing = span(t, 'she said, "now')
    inner = span(t, "now")
    result = Result(
        attributions=[
            Attribution(kind="mixed", content=outer),
            Attribution(kind="direct", content=crossing,
                        cue=Cue(span=span(t, "said"), lemma="say"),
                        speaker=Speaker(span=span(t, "she"), name="Ann",
                                        entity=0))],
        unattributed_quotes=[inner, span(t, '"then".')], text=t)
    w = walk(result.to_html())
    assert w.text == t
    for s, cls in [(outer, "q-content"), (crossing, "q-content"),
                   (inner, "q-unattributed")]:
        assert all(cls in w.parts_at(i) for i in range(s.start, s.end))
    # the crossing mark is split; only its first part takes focus
    focusable = [m for _, ms in w.chars for m in ms if "tabindex" in m]
    assert len({id(m) for m in focusable}) == 6
    assert "q-e0" in (w.chars[t.index("said")][1][-1].get("class") or "")


def test_claim_without_speaker_and_table() -> None:
    """A claim with no speaker is grey and counted in the table."""
    t = "The report said taxes would rise."
    result = Result(attributions=[Attribution(
        kind="indirect", content=span(t, "taxes would rise"),
        cue=Cue(span=span(t, "said"), lemma="say"))], text=t)
    out = result.to_html()
    w = walk(out)
    assert "q-none" in w.parts_at(t.index("taxes"))
    assert "speaker: not found" in (w.chars[t.index("taxes")][1][0]
                                    .get("title") or "")
    assert "1" in w.cells


def test_text_is_needed_and_checked() -> None:
    """Without its text a result asks for it; a wrong text is refused."""
    t = '"Go," he said.'
    result = Result(attributions=[Attribution(
        kind="direct", content=span(t, "Go,"))])
    assert result._repr_html_() is None
    with pytest.raises(ValueError, match="pass it"):
        result.to_html()
    with pytest.raises(ValueError, match="pass the text"):
        result.to_html('"No," he said.')
    assert walk(result.to_html(t)).text == t


def test_seed_view(seed_text: str) -> None:
    """The seed article: Kirby's and Peskov's marks, roles in the table."""
    result = fixture_result("seed", seed_text)
    assert result.text == seed_text
    out = result._repr_html_()
    assert out is not None
    w = walk(out)
    assert w.text == seed_text
    kirby = seed_text.index("Pentagon press secretary John Kirby")
    assert "q-speaker" in w.parts_at(kirby)
    title = next(m.get("title") or "" for m in w.chars[kirby][1])
    assert "John Kirby" in title and "Pentagon press secretary" in title
    he = seed_text.index("He added")
    badge = next(m.get("data-name") for m in w.chars[he][1])
    assert badge == "John Kirby"
    assert "Russian spokesman" in w.cells
    row = w.cells.index("John Kirby")
    assert w.cells[row + 1:row + 3] == ["Pentagon press secretary", "8"]


def test_cli_writes_one_page(tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    """``--format html`` writes one standalone page for all inputs."""
    seed = FIXTURES / "parsed" / "seed.conllu"
    other = tmp_path / "other.conllu"
    other.write_text(seed.read_text("utf-8"), encoding="utf-8")
    assert main(["extract", "--conllu", "--format", "html", str(seed),
                 str(other)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert out.count("<html") == 1 and out.rstrip().endswith("</html>")
    assert out.count('class="quotes-view"') == 2
    assert 'data-doc-id="other"' in out
    w = walk(out.split("<body", 1)[1].split(">", 1)[1]
             .replace("</body></html>", ""))
    assert "Dmitry Peskov" in w.cells


@st.composite
def marked_texts(draw: st.DrawFn) -> Result:
    """Text of markup characters with random, often crossing, spans."""
    text = draw(st.text(st.sampled_from('<>&"\' a\n\u201c'), min_size=1,
                        max_size=40))

    def spans(n: int) -> list[Span]:
        out = []
        for _ in range(n):
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, len(text)))
            out.append(Span(start=start, end=end, text=text[start:end]))
        return out

    claims = [Attribution(
        kind="direct", content=content, cue=Cue(span=cue, lemma="say"),
        speaker=Speaker(span=who, name=text[:3] or None, entity=0))
        for content, cue, who in zip(*(spans(3) for _ in range(3)),
                                     strict=True)]
    return Result(attributions=claims, unattributed_quotes=spans(2),
                  text=text)


@given(marked_texts())
def test_any_spans_give_wellformed_escaped_markup(result: Result) -> None:
    """Whatever the spans, the text comes back whole and every mark sits
    on exactly its characters."""
    w = walk(result.to_html())
    assert w.text == result.text
    covered = {i for a in result.attributions
               for s in (a.content, a.cue.span, a.speaker.span)
               for i in range(s.start, s.end)}
    covered |= {i for s in result.unattributed_quotes
                for i in range(s.start, s.end)}
    assert all(not w.parts_at(i) for i in range(len(w.text))
               if i not in covered)
    for a in result.attributions:
        for s, cls in [(a.content, "q-content"), (a.cue.span, "q-cue"),
                       (a.speaker.span, "q-speaker")]:
            assert all(cls in w.parts_at(i) for i in range(s.start, s.end))
