"""Run quotes over a gold file: ``python run_quotes.py GOLD OUT``.

Parses on one CPU thread (the benchmark machine is shared); the model is
loaded before the clock starts, so words/s counts parsing and extraction.
Each document's parse is pickled to ``<OUT>.parsed/<doc_id>.pkl`` so that
``run.py`` can describe the syntax of missed attributions and score the
rules alone (no learned tagger) on the same parses.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any

import torch
from _common import run

from quotes import Extractor, _windows
from quotes._parse import bundled_model_dir, resolve_model_dir

torch.set_num_threads(1)
extractor = Extractor()
extractor.pipeline  # noqa: B018 -- load the model before the clock starts
propose = extractor.proposer  # and the learned tagger
parsed = Path(f"{sys.argv[2]}.parsed")
parsed.mkdir(exist_ok=True)


def extract(text: str, doc_id: str) -> dict[str, Any]:
    """Parse, keep the parse, extract."""
    doc = extractor.parse(text)
    with (parsed / f"{doc_id}.pkl").open("wb") as f:
        pickle.dump(doc, f)
    return _windows.run(doc, extractor.lexicon, doc_id,
                        propose=propose).to_dict()


model = resolve_model_dir(extractor.config)
if Path(model) == bundled_model_dir():
    model += " (the bundled model)"
else:
    model += " (not the bundled model: QUOTES_MODEL_DIR or --model-dir)"
run(Path(sys.argv[1]), Path(sys.argv[2]), extract, model=model)
