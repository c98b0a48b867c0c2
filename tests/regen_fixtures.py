"""Re-parse the fixture texts into ``fixtures/parsed/*.conllu``.

Not collected by pytest (needs a model). Run after a model change:

    python tests/regen_fixtures.py [--model-dir DIR]

Rule tests then read only the CoNLL-U files, so they stay fast and do not
change when stanza or the model changes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quotes import Extractor, ParseConfig

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def texts() -> dict[str, str]:
    """Every fixture text by name: the constructions and the seed article."""
    cases = json.loads((FIXTURES / "constructions.json").read_text("utf-8"))
    out = {c["name"]: c["text"] for c in cases}
    for path in sorted((FIXTURES / "texts").glob("*.txt")):
        out[path.stem] = path.read_text(encoding="utf-8")
    return out


def main() -> None:
    """Parse every fixture text and write its CoNLL-U."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model-dir", default=None)
    ap.add_argument("names", nargs="*",
                    help="only these fixtures (default: every one)")
    args = ap.parse_args()
    nlp = Extractor(ParseConfig(model_dir=args.model_dir)).pipeline
    out_dir = FIXTURES / "parsed"
    out_dir.mkdir(exist_ok=True)
    for name, text in texts().items():
        if args.names and name not in args.names:
            continue
        doc = nlp(text)
        (out_dir / f"{name}.conllu").write_text(
            f"{doc:C}" + "\n", encoding="utf-8")
        print(name)


if __name__ == "__main__":
    main()
