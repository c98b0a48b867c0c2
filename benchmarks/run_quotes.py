"""Run quotes over a gold file: ``python run_quotes.py GOLD OUT``."""

from __future__ import annotations

import sys
from pathlib import Path

from _common import run

from quotes import Extractor

extractor = Extractor()
extractor.pipeline  # noqa: B018 -- load the model before the clock starts
run(Path(sys.argv[1]), Path(sys.argv[2]),
    lambda text, doc_id: extractor.extract(text, doc_id=doc_id).to_dict())
