"""Score attributions against gold data: ``quotes evaluate``.

Input: a gold file (JSON lines, one document per line, or one JSON object;
each with ``doc_id``, ``text`` and ``attributions`` whose ``content``,
``cue`` and ``source`` are spans or lists of span pieces) and predictions in
the form of ``Result.to_dict()``. Output (``score``): a dict with precision,
recall and F1 of content (character Jaccard >= 0.5 after trimming, matched
one-to-one best first), exact content, cue, speaker, role, end to end, and
recall by kind; optionally broken down by a gold field (``kind``,
``publisher``, ``genre``). The rules are those of the project's benchmark
scorer (``shared/bench/score.py``), so both give the same numbers.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

from quotes._extract import Extractor
from quotes.exceptions import QuotesError

Doc = Mapping[str, Any]

SPEECH_CUES = re.compile(
    r"^(said|says|say|saying|told|tells|tell|telling|added|adds|add|adding|"
    r"stated|states|state|announced|announces|announce|explained|explains|"
    r"claimed|claims|stressed|stresses|noted|notes|warned|warns|insisted|"
    r"insists|argued|argues|asked|asks|wrote|writes|write|according to|"
    r"clarified|declared|replied|responded|reported|reports|confirmed|"
    r"denied|acknowledged|admitted|suggested|continued|concluded|urged|"
    r"testified|tweeted|posted|:)$", re.IGNORECASE)
"""Cues that count as speech when a gold item has no ``speech`` flag."""
_MARKS = r"\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_DASHES = r"\u2014\u2013-"
_HEAD = re.compile(rf"^[\s{_MARKS}:,{_DASHES}]*(that\b)?"
                   rf"[\s{_MARKS}:,{_DASHES}]*", re.IGNORECASE)
_TAIL = re.compile(rf"[\s{_MARKS}.,;:!?{_DASHES}]*$")


def _pieces(span: object) -> list[tuple[int, int]]:
    """The (start, end) pieces of a span, a list of spans, or None."""
    if isinstance(span, dict):
        span = [span]
    if not isinstance(span, list):
        return []
    return [(p["start"], p["end"]) for p in span if isinstance(p, dict)
            and isinstance(p.get("start"), int)
            and isinstance(p.get("end"), int)]


def content_chars(text: str, span: object) -> frozenset[int]:
    """Non-space characters of a span, trimmed of "that" and punctuation."""
    out: set[int] = set()
    for start, end in _pieces(span):
        start, end = max(0, start), min(len(text), end)
        if end <= start:
            continue
        piece = text[start:end]
        head_match = _HEAD.match(piece)
        head = head_match.end() if head_match else 0
        tail = 0
        if head < len(piece):
            tail_match = _TAIL.search(piece[head:])
            tail = len(tail_match.group(0)) if tail_match else 0
        out.update(i for i in range(start + head, end - tail)
                   if not text[i].isspace())
    return frozenset(out)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard index of two character sets (0.0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def match(gold: list[frozenset[int]], pred: list[frozenset[int]],
          min_jaccard: float = 0.5) -> list[tuple[int, int, float]]:
    """Align gold and predicted contents one-to-one, best Jaccard first.

    Returns ``(gold index, pred index, jaccard)`` for each matched pair.
    """
    pairs = sorted(((jaccard(gs, ps), gi, pi)
                    for gi, gs in enumerate(gold)
                    for pi, ps in enumerate(pred)
                    if jaccard(gs, ps) >= min_jaccard and gs and ps),
                   reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for j, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, j))
    return out


def _overlap(a: object, b: object) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in _pieces(a)
               for s2, e2 in _pieces(b))


def _norm(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


_ROLE_STOP = frozenset({"the", "a", "an", "of", "for", "to", "and", "in",
                        "at", "on", "'s", "\u2019s"})
_ROLE_PREP = re.compile(r"\s(?:of|for|at|in|with|from|to|on|under|"
                        r"representing|who|whose|that)\s")
_WORD = re.compile(r"[\w'\u2019]+")


def role_tokens(role: object) -> list[str]:
    """A role's words, case-folded, without articles and prepositions."""
    return [t for t in _WORD.findall(_norm(role)) if t not in _ROLE_STOP]


def role_head(role: object) -> str:
    """A role's head word as the scorer compares it: the last word before
    a post-modifier, punctuation dropped.

    "spokesman for the port authority" -> "spokesman". This is the
    benchmark scorer's definition, word for word, and the only one
    ``role_near`` uses. The extractor keys its lexicons by another head
    word (``quotes.speakers.words.lexical_head``: fewer post-modifiers,
    punctuation kept, "Sen." -> "sen."); the two are not merged because
    the extractor's output depends on its own.
    """
    first = _ROLE_PREP.split(" " + _norm(role) + " ", maxsplit=1)[0]
    words = _WORD.findall(first)
    return words[-1] if words else ""


def role_near(pred: object, gold: object) -> bool:
    """Lenient role match: equal, or same head word and token F1 >= 0.5."""
    if not pred or not gold:
        return False
    if _norm(pred) == _norm(gold):
        return True
    p, g = role_tokens(pred), role_tokens(gold)
    if not p or not g or role_head(pred) != role_head(gold):
        return False
    common = sum((Counter(p) & Counter(g)).values())
    return 2 * common / (len(p) + len(g)) >= 0.5


def cue_text(text: str, span: object) -> str:
    """The text of a (possibly discontinuous) cue span."""
    return " ".join(text[s:e] for s, e in _pieces(span)).strip()


def is_speech(text: str, gold: Mapping[str, Any]) -> bool:
    """The gold item's ``speech`` flag, else whether its cue is speech."""
    flag = gold.get("speech")
    if flag is not None:
        return bool(flag)
    return bool(SPEECH_CUES.match(cue_text(text, gold.get("cue"))))


_COUNTED = ("tp", "spk_ok", "spk_n", "role_ok", "role_near", "role_n",
            "role_pred_ok", "role_pred")


@frozen(kw_only=True)
class Scores:
    """Counts for one group of documents, with the derived figures."""

    counts: Counter[str] = field(factory=Counter)
    gold_by_kind: Counter[str] = field(factory=Counter)
    hit_by_kind: Counter[str] = field(factory=Counter)

    def prf(self, key: str) -> dict[str, float]:
        """Precision, recall and F1 of the true positives under *key*."""
        c = self.counts
        p = c[key] / c["pred"] if c["pred"] else 0.0
        r = c[key] / c["gold"] if c["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}

    def ratio(self, hit: str, total: str) -> float | None:
        """``counts[hit] / counts[total]``, or None when nothing counted."""
        n = self.counts[total]
        return round(self.counts[hit] / n, 4) if n else None

    def to_dict(self) -> dict[str, Any]:
        """The figures, in the layout of the benchmark scorer's JSON."""
        c = self.counts
        return {
            "docs": c["docs"], "gold": c["gold"], "pred": c["pred"],
            "content": self.prf("tp"),
            "content_exact": self.prf("exact"),
            "cue": self.ratio("cue_ok", "cue_n"),
            "speaker": self.ratio("spk_ok", "spk_n"),
            "role": self.ratio("role_ok", "role_n"),
            "role_near": self.ratio("role_near", "role_n"),
            "role_precision": self.ratio("role_pred_ok", "role_pred"),
            "e2e": self.prf("e2e"),
            "recall_by_kind": {
                k: round(self.hit_by_kind[k] / n, 4)
                for k, n in sorted(self.gold_by_kind.items())},
            "counts": {k: c[k] for k in _COUNTED},
            "missing_docs": c["missing_docs"], "errors": c["errors"],
        }


def _predictions(text: str, pred: Doc | None, c: Counter[str], *,
                 by_pieces: bool = False,
                 ) -> list[tuple[Mapping[str, Any], frozenset[int]]]:
    out = []
    for a in (pred or {}).get("attributions", []) or []:
        try:
            content = (a.get("content_pieces") if by_pieces else None) \
                or a["content"]
            chars = content_chars(text, content)
            if any(s < 0 or e > len(text) or e < s
                   for s, e in _pieces(content)):
                c["errors"] += 1
            if not chars:
                c["errors"] += 1
                continue
            out.append((a, chars))
        except (KeyError, TypeError, AttributeError):
            c["errors"] += 1
    return out


def _score_doc(scores: Scores, gold: Doc, pred: Doc | None, *,
               min_jaccard: float, speech_only: bool,
               speaker_by: str, by_pieces: bool = False) -> None:
    """Add one document's counts to *scores*."""
    c = scores.counts
    text = gold["text"]
    c["docs"] += 1
    golds = [a for a in gold.get("attributions", [])
             if not speech_only or is_speech(text, a)]
    if pred is None:
        c["missing_docs"] += 1
    preds = _predictions(text, pred, c, by_pieces=by_pieces)
    gsets = [(a, content_chars(text, a.get("content"))) for a in golds]
    matched = set()
    for gi, pi, _ in match([gs for _, gs in gsets], [ps for _, ps in preds],
                           min_jaccard):
        _score_pair(scores, text, gsets[gi], preds[pi], speaker_by)
        matched.add(pi)
    c["gold"] += len(gsets)
    # --speech-only: an unmatched prediction with a cue that is not a verb
    # of saying (a belief, a stance) is out of scope; one with no cue counts
    c["pred"] += sum(1 for pi, (a, _) in enumerate(preds)
                     if not speech_only or pi in matched
                     or not a.get("cue")
                     or SPEECH_CUES.match(cue_text(text, a.get("cue"))))
    for a, _ in gsets:
        scores.gold_by_kind[a.get("kind") or "?"] += 1


def _score_pair(scores: Scores, text: str,
                gold: tuple[Mapping[str, Any], frozenset[int]],
                pred: tuple[Mapping[str, Any], frozenset[int]],
                speaker_by: str) -> None:
    c = scores.counts
    ga, gs = gold
    pa, ps = pred
    c["tp"] += 1
    c["exact"] += int(gs == ps)
    scores.hit_by_kind[ga.get("kind") or "?"] += 1
    if ga.get("cue") is not None:
        c["cue_n"] += 1
        c["cue_ok"] += int(_overlap(pa.get("cue"), ga.get("cue")))
    gsp = ga.get("speaker") or {}
    psp = pa.get("speaker") or {}
    if ga.get("source") or gsp.get("name"):
        c["spk_n"] += 1
        by_mention = _overlap(psp, ga.get("source"))
        # an unnamed gold speaker ("officials"): the mention decides
        by_name = _norm(psp.get("name")) == _norm(gsp.get("name")) \
            if gsp.get("name") else by_mention
        ok = bool(psp) and {"name": by_name, "mention": by_mention,
                            "either": by_name or by_mention}[speaker_by]
        c["spk_ok"] += int(ok)
        c["e2e"] += int(ok)
    else:
        c["e2e"] += int(not psp)
    if gsp.get("role"):
        c["role_n"] += 1
        c["role_ok"] += int(_norm(psp.get("role")) == _norm(gsp.get("role")))
        c["role_near"] += int(role_near(psp.get("role"), gsp.get("role")))
    if psp.get("role") and (ga.get("source") or gsp):
        c["role_pred"] += 1
        c["role_pred_ok"] += int(role_near(psp.get("role"), gsp.get("role")))


def score(gold: Mapping[str, Doc], pred: Mapping[str, Doc], *,
          min_jaccard: float = 0.5, speech_only: bool = False,
          speaker_by: str = "either",
          group_by: str | None = None,
          by_pieces: bool = False) -> dict[str, Any]:
    """Score predictions against gold documents (both keyed by doc_id).

    Returns the figures for all documents, and per group of the gold field
    *group_by* under ``"groups"``. ``kind`` groups gold attributions, so
    only recall is meaningful there (every prediction of the document is
    counted); any other field (``publisher``, ``genre``) groups documents.
    With *by_pieces* a prediction's content is its ``content_pieces``
    instead of its ``content``: the same since schema 2, whose ``content``
    lists the pieces of a claim in pieces; for predictions written with
    schema 1, whose ``content`` was one range over the tag, it scores them
    without the tag, as the gold writes them.
    """
    total = Scores()
    groups: dict[str, Scores] = {}

    def add(scores: Scores, g: Doc, p: Doc | None) -> None:
        _score_doc(scores, g, p, min_jaccard=min_jaccard,
                   speech_only=speech_only, speaker_by=speaker_by,
                   by_pieces=by_pieces)

    for doc_id, g in gold.items():
        p = pred.get(doc_id)
        add(total, g, p)
        if group_by == "kind":
            items = g.get("attributions", [])
            for kind in sorted({a.get("kind") or "?" for a in items}):
                add(groups.setdefault(kind, Scores()), {**g, "attributions": [
                    a for a in items if (a.get("kind") or "?") == kind]}, p)
        elif group_by:
            add(groups.setdefault(str(g.get(group_by, "?")), Scores()), g, p)
    out = total.to_dict()
    if group_by:
        out["groups"] = {k: v.to_dict() for k, v in sorted(groups.items())}
        out["group_by"] = group_by
    return out


def load(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read a JSON-lines or single-object JSON file, keyed by doc_id.

    Raises:
        QuotesError: the file cannot be read or is not JSON.
    """
    try:
        raw = Path(path).read_text(encoding="utf-8").strip()
    except OSError as err:
        msg = f"cannot read {path}: {err.strerror or err}"
        raise QuotesError(msg) from err
    if not raw:
        return {}
    try:
        if raw.startswith("{") and "\n{" not in raw:
            objs = [json.loads(raw)]
        else:
            objs = [json.loads(line) for line in raw.splitlines()
                    if line.strip()]
    except json.JSONDecodeError as err:
        msg = f"{path} is not JSON or JSON lines: {err}"
        raise QuotesError(msg) from err
    return {str(o.get("doc_id")): o for o in objs}


def require_text(gold: Mapping[str, Doc], path: str | Path) -> None:
    """Check that every document of gold file *path* holds its text.

    Raises:
        QuotesError: a document has no ``text`` string; the message names
            the file and the document and says how to go on.
    """
    for doc_id, g in gold.items():
        if not isinstance(g.get("text"), str):
            msg = (f"{path}: document {doc_id!r} has no \"text\" field, so "
                   "there is nothing to run the extractor on (is it "
                   "quotes extract output?); give gold JSON lines with "
                   "doc_id, text and attributions, or score stored "
                   "predictions: quotes evaluate GOLD --pred PREDICTIONS")
            raise QuotesError(msg)


def predict(gold: Mapping[str, Doc], extractor: Extractor | None = None,
            *, progress: Callable[[int, int], None] | None = None,
            ) -> dict[str, dict[str, Any]]:
    """Run *extractor* over every gold document's text.

    Returns the predictions (``Result.to_dict()``) keyed by doc_id;
    *progress* is called with (documents done, total) after each one.
    """
    require_text(gold, "gold")
    extractor = extractor or Extractor()
    out = {}
    for done, (doc_id, g) in enumerate(gold.items(), start=1):
        out[doc_id] = extractor.extract(g["text"], doc_id=doc_id).to_dict()
        if progress is not None:
            progress(done, len(gold))
    return out


def predict_both(gold: Mapping[str, Doc],
                 extractor: Extractor | None = None, *,
                 progress: Callable[[int, int], None] | None = None,
                 ) -> tuple[dict[str, dict[str, Any]],
                            dict[str, dict[str, Any]]]:
    """Rules-only and combined (rules + learned) predictions, one parse
    per document; keyed by doc_id as ``predict``'s."""
    require_text(gold, "gold")
    extractor = extractor or Extractor()
    rules: dict[str, dict[str, Any]] = {}
    combined: dict[str, dict[str, Any]] = {}
    for done, (doc_id, g) in enumerate(gold.items(), start=1):
        r, c = extractor.compare(g["text"], doc_id=doc_id)
        rules[doc_id], combined[doc_id] = r.to_dict(), c.to_dict()
        if progress is not None:
            progress(done, len(gold))
    return rules, combined


def score_files(gold: str | Path, pred: str | Path,
                **options: Any) -> dict[str, Any]:
    """Score a prediction file against a gold file; no model is needed.

    *options* are those of ``score``.
    """
    return score(load(gold), load(pred), **options)


@frozen(kw_only=True)
class Miss:
    """A gold attribution that no prediction matched."""

    doc_id: str
    gold: Mapping[str, Any]
    best_jaccard: float
    """Jaccard index of the closest prediction (0.0 when none overlaps)."""
    best: Mapping[str, Any] | None
    """The closest prediction, matched or not."""
    taken: bool
    """The closest prediction was matched to another gold attribution."""


def missed(gold: Mapping[str, Doc], pred: Mapping[str, Doc], *,
           min_jaccard: float = 0.5,
           speech_only: bool = False) -> list[Miss]:
    """The gold attributions left unmatched by ``score``'s alignment."""
    out = []
    for doc_id, g in gold.items():
        text = g["text"]
        golds = [a for a in g.get("attributions", [])
                 if not speech_only or is_speech(text, a)]
        preds = _predictions(text, pred.get(doc_id), Counter())
        gsets = [content_chars(text, a.get("content")) for a in golds]
        psets = [ps for _, ps in preds]
        pairs = match(gsets, psets, min_jaccard)
        hit = {gi for gi, _, _ in pairs}
        used = {pi for _, pi, _ in pairs}
        for gi, (a, gs) in enumerate(zip(golds, gsets, strict=True)):
            if gi in hit:
                continue
            scored = [(jaccard(gs, ps), pi) for pi, ps in enumerate(psets)]
            j, pi = max(scored, default=(0.0, -1))
            out.append(Miss(doc_id=doc_id, gold=a, best_jaccard=j,
                            best=preds[pi][0] if j > 0 else None,
                            taken=j > 0 and pi in used))
    return out


_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "his", "its",
                       "their", "them", "it", "i", "we", "who"})


def _name_why(psp: Mapping[str, Any], gsp: Mapping[str, Any],
              source: str) -> str:
    """Why a predicted speaker name differs from the gold name."""
    pred, want = _norm(psp.get("name")), _norm(gsp.get("name"))
    if not psp:
        return "no speaker found"
    mention = _norm(psp.get("text"))
    if not pred:
        return ("pronoun not resolved" if mention in _PRONOUNS
                else "no name (description or unresolved)")
    pw, gw = pred.split(), want.split()
    if gw and pw and pw[-1] == gw[-1]:
        return ("name has extra words (title, descriptor)"
                if set(gw) < set(pw) else "other form of the same name")
    if set(pw) & set(gw):
        return "part of the name lost"
    if mention in _PRONOUNS:
        return "pronoun resolved to another entity"
    if _norm(source) and not set(_norm(source).split()) & set(mention.split()):
        return "another mention taken as speaker"
    return "resolved to another entity"


_LABELS = frozenset({"republican", "republicans", "democrat", "democrats",
                     "gop", "americans", "american", "sources", "source",
                     "critics", "supporters", "people", "voters"})
"""Party and national labels and generic people: never a named person's
role (``ROLES.md``), a frequent non-role."""


def _role_why(pred: str | None, want: str | None, *, name_ok: bool,
              others: Iterable[str], text: str) -> str:
    """Why a predicted role is not near the gold role, by cause: a wrong
    speaker, no role, another person's role, a non-role, a bad cut."""
    if not name_ok:
        return "wrong speaker"
    if not pred:
        return ("no role although the article gives one"
                if want and _norm(want) in _norm(text)
                else "no role (gold role not written as such)")
    if any(role_near(pred, o) for o in others):
        return "another person's role"
    if want is None:
        return ("non-role: party, nation or generic people"
                if _norm(pred) in _LABELS else "role given, gold has none")
    p, g = set(role_tokens(pred)), set(role_tokens(want))
    if p & g or _norm(pred) in _norm(want) or _norm(want) in _norm(pred):
        return "bad cut (overlaps the gold role)"
    return "another role of the speaker or a non-role"


@frozen(kw_only=True)
class SpeakerMiss:
    """A matched pair whose speaker name or role is wrong, and why."""

    doc_id: str
    field: str
    """``name`` or ``role``."""
    gold: str | None
    pred: str | None
    mention: str | None
    why: str


def speaker_misses(gold: Mapping[str, Doc], pred: Mapping[str, Doc], *,
                   min_jaccard: float = 0.5) -> list[SpeakerMiss]:
    """Name and role misses among the matched pairs, with a reason each.

    A name miss is a gold name the predicted name differs from (case and
    spacing aside); a role miss is a gold role no near role was given for,
    or a role given where the gold speaker has none.
    """
    out: list[SpeakerMiss] = []
    for doc_id, g in gold.items():
        text = g["text"]
        golds = list(g.get("attributions", []))
        roles = {(_norm((a.get("speaker") or {}).get("name")),
                  (a.get("speaker") or {}).get("role")) for a in golds
                 if (a.get("speaker") or {}).get("role")}
        preds = _predictions(text, pred.get(doc_id), Counter())
        gsets = [content_chars(text, a.get("content")) for a in golds]
        for gi, pi, _ in match(gsets, [ps for _, ps in preds], min_jaccard):
            ga, pa = golds[gi], preds[pi][0]
            gsp, psp = ga.get("speaker") or {}, pa.get("speaker") or {}
            source = cue_text(text, ga.get("source"))
            mention = psp.get("text")
            if gsp.get("name") and \
                    _norm(psp.get("name")) != _norm(gsp.get("name")):
                out.append(SpeakerMiss(
                    doc_id=doc_id, field="name", gold=gsp["name"],
                    pred=psp.get("name"), mention=mention,
                    why=_name_why(psp, gsp, source)))
            role = psp.get("role")
            name_ok = _norm(psp.get("name")) == _norm(gsp.get("name")) \
                if gsp.get("name") else _overlap(psp, ga.get("source"))
            others = [str(r) for n, r in roles
                      if (n != _norm(gsp.get("name")) or not n)
                      and not role_near(r, gsp.get("role"))]
            if (gsp.get("role") and not role_near(role, gsp["role"])) or (
                    role and not gsp.get("role") and
                    (ga.get("source") or gsp)):
                out.append(SpeakerMiss(
                    doc_id=doc_id, field="role", gold=gsp.get("role"),
                    pred=role, mention=mention,
                    why=_role_why(role, gsp.get("role"), name_ok=name_ok,
                                  others=others, text=text)))
    return out


def format_speaker_misses(misses: Iterable[SpeakerMiss],
                          top: int = 10) -> str:
    """The commonest reasons for name and role misses, with examples."""
    items = list(misses)
    lines = []
    for name in ("name", "role"):
        group = [m for m in items if m.field == name]
        lines.append(f"{name} misses: {len(group)}")
        for why, n in Counter(m.why for m in group).most_common(top):
            ex = next(m for m in group if m.why == why)
            lines.append(f"  {n:4d}  {why:40s} e.g. gold {ex.gold!r}, "
                         f"got {ex.pred!r} (mention {ex.mention!r})")
    return "\n".join(lines)


def format_report(res: Mapping[str, Any], *, title: str = "") -> str:
    """A readable table of a ``score`` result (and of its groups)."""

    def ratio(v: float | None) -> str:
        return "  n/a" if v is None else f"{v:.3f}"

    lines = [title] if title else []
    lines += [
        f"docs {res['docs']}  gold {res['gold']}  pred {res['pred']}  "
        f"missing docs {res['missing_docs']}  errors {res['errors']}",
        f"{'':24s}    P      R      F1",
    ]
    for label, key in (("content (Jaccard>=0.5)", "content"),
                       ("content (exact)", "content_exact"),
                       ("end-to-end (+speaker)", "e2e")):
        d = res[key]
        lines.append(f"{label:24s} {d['p']:.3f}  {d['r']:.3f}  {d['f1']:.3f}")
    lines.append(f"of matched pairs: cue {ratio(res['cue'])}  "
                 f"speaker {ratio(res['speaker'])}  "
                 f"role {ratio(res['role'])}  "
                 f"role_near {ratio(res['role_near'])}  "
                 f"role_precision {ratio(res['role_precision'])}")
    lines.append("recall by kind: " + "  ".join(
        f"{k} {v:.3f}" for k, v in res["recall_by_kind"].items()))
    groups = res.get("groups", {})
    if groups:
        lines += ["", f"{'group':16s} docs  gold  pred  content P      R"
                      "     F1  speaker"]
        recall_only = res.get("group_by") == "kind"
        for name, sub in groups.items():
            c = sub["content"]
            p, f = (("    -", "    -") if recall_only
                    else (f"{c['p']:.3f}", f"{c['f1']:.3f}"))
            lines.append(
                f"{name[:16]:16s} {sub['docs']:4d} {sub['gold']:5d} "
                f"{sub['pred']:5d}      {p}  {c['r']:.3f}  {f}  "
                f"{ratio(sub['speaker'])}")
        if recall_only:
            lines.append("(by kind: recall only; predictions are not "
                         "split by kind)")
    return "\n".join(lines)


def format_comparison(rules: Mapping[str, Any],
                      combined: Mapping[str, Any]) -> str:
    """Rules only and rules + learned tagger, side by side."""

    def cell(v: float | None) -> str:
        return "  n/a" if v is None else f"{v:.3f}"

    def figures(res: Mapping[str, Any]) -> dict[str, float | None]:
        out = {"content P": res["content"]["p"],
               "content R": res["content"]["r"],
               "content F1": res["content"]["f1"],
               "end-to-end F1": res["e2e"]["f1"],
               "speaker (matched)": res["speaker"],
               "role (matched)": res["role"],
               "role_near (matched)": res["role_near"]}
        out.update({f"recall {k}": v
                    for k, v in sorted(res["recall_by_kind"].items())})
        return out

    left, right = figures(rules), figures(combined)
    lines = [f"{'':22s} rules  +learned",
             f"{'predictions':22s} {rules['pred']:5d}  {combined['pred']:5d}"]
    lines += [f"{label:22s} {cell(left.get(label))}  {cell(right[label])}"
              for label in right]
    return "\n".join(lines)


def write_jsonl(preds: Iterable[Mapping[str, Any]], path: str | Path) -> None:
    """Write predictions as JSON lines."""
    with Path(path).open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")


def stderr_progress(done: int, total: int) -> None:
    """Print "documents done / total" on stderr, when it is a terminal."""
    if not sys.stderr.isatty():
        return
    print(f"\r{done}/{total} documents", end="" if done < total else "\n",
          file=sys.stderr, flush=True)
