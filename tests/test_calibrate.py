"""Calibrated confidence: the fit, the mapping, loading, raw text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotes
from quotes import _calibrate
from quotes.exceptions import ModelNotAvailableError


def test_monotone_pools_violators_and_fills_gaps() -> None:
    """Shares right per bin become non-decreasing; empty bins borrow."""
    right = [0, 1, 0, 0, 3, 0, 0, 0, 0, 9]
    total = [0, 2, 0, 4, 4, 0, 0, 0, 0, 10]
    out = _calibrate.monotone(right, total)
    assert out == sorted(out)
    assert out[0] == out[1] == out[2] == out[3] == 1 / 6  # 1/2, 0/4 pooled
    assert out[4] == 0.75 and out[5] == 0.75 and out[9] == 0.9


def test_apply_maps_by_finder_and_tenth() -> None:
    cal = _calibrate.Calibration(table={
        "all": tuple(k / 10 for k in range(10)),
        "learned": tuple(0.05 for _ in range(10))})
    assert cal.value("rules", 0.93) == 0.9  # falls back to "all"
    assert cal.value("learned", 0.93) == 0.05
    assert cal.value("rules", 1.0) == 0.9


def test_bundled_calibration_is_a_probability_table() -> None:
    cal = _calibrate.load()
    for bins in cal.table.values():
        assert len(bins) == _calibrate.BINS
        assert list(bins) == sorted(bins)
        assert all(0.0 <= v <= 1.0 for v in bins)


def test_missing_or_corrupt_calibration_is_our_error(tmp_path: Path,
                                                     ) -> None:
    with pytest.raises(ModelNotAvailableError, match="missing"):
        _calibrate.load(tmp_path)
    (tmp_path / _calibrate.MODEL_FILE).write_text(
        json.dumps({"table": {"all": [0.5]}}), encoding="utf-8")
    with pytest.raises(ModelNotAvailableError, match="corrupt"):
        _calibrate.load(tmp_path)


def test_raw_text_confidence_is_calibrated() -> None:
    """By default confidences come from the table; rules only keeps the
    evidence scores of the concepts page."""
    text = "\"The bridge will reopen,\" Mayor Ana Ruiz said on Monday."
    cal = _calibrate.load()
    (a,) = quotes.Extractor().extract(text).attributions
    (r,) = quotes.Extractor(quotes.ParseConfig(
        learned=False)).extract(text).attributions
    assert r.confidence == 0.9
    assert a.confidence == cal.value(a.found_by, r.confidence)
