"""Score a stanza model directory on the UD English test sets.

    python -m training.evaluate [--model-dir quotes/model] [--sets ewt,gum]

Everything is end to end from raw text (the text of the gold file, as
``conllu_to_text`` writes it), scored with the CoNLL 2018 evaluation that
stanza uses (``udtools.udeval``): tokens, UPOS, UAS and LAS F1, and, per
relation (nsubj, ccomp, parataxis, appos, obj, flat, compound; subtypes
folded into their base relation, as the CoNLL 2018 script does), labelled
attachment precision, recall and F1 over the aligned words. Also parse
throughput (tokens/s of the whole pipeline on the raw text) and the
process's peak memory. Writes ``training/RESULTS.md`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from training.train import COMPONENTS, ROOT, UD

SETS = {"ewt": "UD_English-EWT/en_ewt-ud-test.conllu",
        "gum": "UD_English-GUM/en_gum-ud-test.conllu"}
RELATIONS = ("nsubj", "ccomp", "parataxis", "appos", "obj", "flat",
             "compound")


def pipeline(model_dir: Path, precision: str | None = None) -> Any:
    """The full English pipeline from the model files in *model_dir*.

    *precision* ``None``: stanza's own parser code; ``"float32"``,
    ``"bfloat16"`` or ``"int8"``: the parser as ``quotes`` runs it
    (``quotes._fastparse``; int8: the parser's LSTMs in int8, the rest
    in bfloat16).
    """
    import stanza

    paths = {f"{c}_model_path": str(model_dir / f"{c}.pt")
             for c in COMPONENTS}
    nlp = stanza.Pipeline("en", dir=str(model_dir),
                          processors=",".join(COMPONENTS),
                          download_method=None, logging_level="WARN",
                          **paths)
    if precision is not None:
        from quotes._fastparse import (
            use_bfloat16,
            use_fast_parser,
            use_int8_lstms,
        )

        use_fast_parser(nlp)
        if precision == "int8":
            use_int8_lstms(nlp, ("depparse",))
        if precision in {"bfloat16", "int8"}:
            use_bfloat16(nlp, ("pos", "depparse"))
    return nlp


def per_relation(gold: Any, system: Any, relation: str) -> Any:
    """Labelled attachment score restricted to one relation.

    The CoNLL 2018 script scores CLAS over words whose ``is_content_deprel``
    flag is set; setting that flag on exactly the words (gold and system)
    that carry *relation* turns CLAS into that relation's LAS precision
    (over system words), recall (over gold words) and F1.
    """
    from udtools import udeval

    for ud in (gold, system):
        for word in ud.words:
            word.is_content_deprel = word.columns[udeval.DEPREL] == relation
    return udeval.evaluate(gold, system)["CLAS"]


def restore_token_text(doc: Any, text: str) -> None:
    """Put back the raw text of tokens stanza printed as ``<UNK>``.

    stanza's tokenizer replaces overlong tokens (long URLs) by ``<UNK>``;
    the evaluation needs the characters to match the gold text.
    """
    for sentence in doc.sentences:
        for token in sentence.tokens:
            raw = text[token.start_char:token.end_char]
            if token.text != raw:
                token.text = raw
                if len(token.words) == 1:
                    token.words[0].text = raw


def score(model_dir: Path, gold_path: Path,
          precision: str | None = None) -> dict[str, Any]:
    """Parse the raw text of *gold_path*; scores and tokens/s."""
    from stanza.utils.datasets.conllu_to_text import convert_text
    from udtools import udeval

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.txt"
        convert_text(str(gold_path), str(raw))
        text = raw.read_text(encoding="utf-8")
        nlp = pipeline(model_dir, precision)
        start = time.perf_counter()
        doc = nlp(text)
        seconds = time.perf_counter() - start
        restore_token_text(doc, text)
        sys_path = Path(tmp) / "system.conllu"
        sys_path.write_text(f"{doc:C}\n\n", encoding="utf-8")
        gold = udeval.load_conllu_file(str(gold_path))
        system = udeval.load_conllu_file(str(sys_path))
    overall = udeval.evaluate(gold, system)
    out: dict[str, Any] = {
        m: overall[m].f1 * 100 for m in ("Tokens", "Sentences", "Words",
                                         "UPOS", "Lemmas", "UAS", "LAS")}
    out["tokens_per_s"] = sum(len(s.tokens) for s in doc.sentences) / seconds
    out["relations"] = {}
    for rel in RELATIONS:
        s = per_relation(gold, system, rel)
        out["relations"][rel] = (s.precision * 100, s.recall * 100,
                                 s.f1 * 100, s.gold_total)
    return out


def report(model_dir: Path, results: dict[str, dict[str, Any]],
           command: str) -> str:
    """RESULTS.md text for *results* (keyed by test set)."""
    sizes = ", ".join(
        f"{c}.pt {(model_dir / f'{c}.pt').stat().st_size / 1e6:.1f} MB"
        for c in COMPONENTS)
    lines = ["# Bundled model: measured scores", "",
             f"Command: `{command}` (2-core CPU machine; tokens/s is the "
             "whole pipeline's, lower if other jobs share the CPU).", "",
             f"Model files: {sizes}.", "",
             "End to end from raw text, CoNLL 2018 evaluation (F1):", "",
             "| test set | tokens | sentences | words | UPOS | lemmas | UAS "
             "| LAS | tokens/s |", "|---|---|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['Tokens']:.2f} | {r['Sentences']:.2f} | "
            f"{r['Words']:.2f} | {r['UPOS']:.2f} | {r['Lemmas']:.2f} | "
            f"{r['UAS']:.2f} | {r['LAS']:.2f} | {r['tokens_per_s']:.0f} |")
    lines += ["", "Per relation, labelled attachment end to end "
              "(precision / recall / F1, gold count):", "",
              "| relation | " + " | ".join(results) + " |",
              "|---|" + "---|" * len(results)]
    for rel in RELATIONS:
        cells = [f"{p:.1f} / {r:.1f} / {f:.1f} ({n})" for p, r, f, n in
                 (res["relations"][rel] for res in results.values())]
        lines.append(f"| {rel} | " + " | ".join(cells) + " |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines += ["", f"Peak memory (max RSS) of the evaluation process: "
              f"{peak:.0f} MB."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Score the model and write the results file."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model-dir", type=Path,
                    default=ROOT / "quotes" / "model")
    ap.add_argument("--sets", default="ewt,gum")
    ap.add_argument("--threads", type=int, default=1,
                    help="torch threads (default 1: one core of two)")
    ap.add_argument("--precision", choices=("float32", "bfloat16", "int8"),
                    help="run the parser as quotes does, in this "
                         "precision (default: stanza's own code)")
    ap.add_argument("--out", type=Path,
                    default=ROOT / "training" / "RESULTS.md")
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    results = {}
    for name in args.sets.split(","):
        results[name] = score(args.model_dir, UD / SETS[name],
                              args.precision)
        print(name, {k: v for k, v in results[name].items()}, flush=True)
    shown = (args.model_dir.relative_to(ROOT)
             if args.model_dir.is_relative_to(ROOT) else args.model_dir)
    command = (f"python -m training.evaluate --model-dir {shown} "
               f"--threads {args.threads}"
               + (f" --precision {args.precision}" if args.precision else ""))
    text = report(args.model_dir, results, command)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
