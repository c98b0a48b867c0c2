"""Confidence that means something: the evidence score, calibrated.

The rules and the tagger give each claim an evidence score (the
"Confidence" table of the concepts page). ``quotes/model/confidence.json``
(trained by ``training/confidence.py`` on hand-annotated PolNeAR articles)
maps it, by tenths and by what found the claim (rules, learned, both), to
the share of such claims that were right: content found and speaker right.
So of the claims given 0.8, about 80% are right. Without the learned
components (rules only) the evidence score is kept as it is.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs
from attrs import frozen

from quotes import _modelfile
from quotes.records import Result

MODEL_FILE = "confidence.json"
BINS = 10


def bin_of(raw: float) -> int:
    """The tenth an evidence score falls in (1.0 in the last)."""
    return min(max(int(raw * BINS), 0), BINS - 1)


def monotone(right: Sequence[float], total: Sequence[float]) -> list[float]:
    """Shares right per bin, made non-decreasing (pooling adjacent
    violators, weighted by counts); an empty bin takes its neighbour's."""
    blocks: list[list[float]] = []  # [right, total, first bin, last bin]
    for k, (r, n) in enumerate(zip(right, total, strict=True)):
        if n == 0:
            continue
        blocks.append([r, n, k, k])
        while len(blocks) > 1 and \
                blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            r2, n2, _, last = blocks.pop()
            blocks[-1][0] += r2
            blocks[-1][1] += n2
            blocks[-1][3] = last
    if not blocks:
        return [0.5] * len(right)
    out = [0.0] * len(right)
    for r, n, first, last in blocks:
        for k in range(int(first), int(last) + 1):
            out[k] = r / n
    filled = {k for _, _, a, b in blocks for k in range(int(a), int(b) + 1)}
    for k in range(len(out)):
        if k not in filled:
            lower = [j for j in filled if j < k]
            out[k] = out[max(lower)] if lower else out[min(filled)]
    return out


@frozen(kw_only=True)
class Calibration:
    """Calibrated confidence per tenth of the evidence score, by finder."""

    table: Mapping[str, tuple[float, ...]]

    def value(self, found_by: str, raw: float) -> float:
        """The calibrated confidence of a claim."""
        bins = self.table.get(found_by) or self.table["all"]
        return round(bins[bin_of(raw)], 3)

    def apply(self, result: Result) -> Result:
        """*result* with every confidence calibrated."""
        return attrs.evolve(result, attributions=[
            attrs.evolve(a, confidence=self.value(a.found_by, a.confidence))
            for a in result.attributions])

    def to_json(self) -> dict[str, object]:
        """The JSON form written to ``confidence.json``."""
        return {"bins": BINS, "table": {k: [round(v, 4) for v in bins]
                                        for k, bins in self.table.items()}}


def load(directory: str | Path | None = None) -> Calibration:
    """The calibration from *directory* (default: the bundled model).

    Raises:
        ModelNotAvailableError: the file is missing or corrupt.
    """
    return _load(_modelfile.path_of(MODEL_FILE, directory))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Calibration:
    what = "confidence calibration"
    data = _modelfile.read(path, what)
    try:
        table = {str(k): tuple(float(x) for x in v)
                 for k, v in data["table"].items()}
        if "all" not in table or any(len(v) != BINS for v in table.values()):
            raise ValueError(f"expected {BINS} bins and an 'all' table")
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise _modelfile.corrupt(path, what, err) from err
    return Calibration(table=table)
