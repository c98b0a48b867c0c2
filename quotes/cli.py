"""Command line: ``quotes extract FILE...`` (and ``python -m quotes``).

Writes one JSON object per input document (JSON lines), a pretty JSON
array, or readable text. Logging goes to stderr; no extraction logic here.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from quotes._extract import Extractor, extract_doc
from quotes._parse import ENV_VAR, ParseConfig
from quotes.exceptions import QuotesError
from quotes.records import Result

log = logging.getLogger(__name__)


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, str]]:
    """Yield (doc_id, text) for each path; ``-`` reads standard input."""
    for path in paths:
        if path == "-":
            yield "stdin", sys.stdin.read()
            continue
        p = Path(path)
        try:
            data = p.read_bytes()
        except OSError as err:
            msg = f"cannot read {path}: {err.strerror or err}"
            raise QuotesError(msg) from err
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            msg = (f"{path} is not UTF-8 (byte {err.start}); convert it, "
                   "e.g. iconv -f latin1 -t utf-8")
            raise QuotesError(msg) from err
        yield p.stem, text


def format_text(result: Result) -> str:
    """Readable lines: ``speaker — role [kind, cue]: claim``."""
    lines = [f"# {result.doc_id}"] if result.doc_id else []
    for a in result.attributions:
        who = "(unknown)"
        if a.speaker is not None:
            who = a.speaker.name or a.speaker.text
            if a.speaker.role:
                who += f" — {a.speaker.role}"
        cue = a.cue.span.text if a.cue else "no cue"
        claim = " ".join(a.content.text.split())
        lines.append(f"{who} [{a.kind.value}, {cue}]: {claim}")
    if not result.attributions:
        lines.append("(no attributions)")
    return "\n".join(lines)


def _write(result: Result, fmt: str, out: TextIO, first: bool) -> None:
    if fmt == "jsonl":
        out.write(result.to_json() + "\n")
    elif fmt == "json":
        out.write(("[\n" if first else ",\n") +
                  json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        out.write(("" if first else "\n") + format_text(result) + "\n")


def _extract(args: argparse.Namespace) -> int:
    extractor = Extractor(ParseConfig(model_dir=args.model_dir,
                                      learned=not args.rules_only))
    first = True
    for doc_id, text in _inputs(args.files):
        log.info("extracting %s (%d characters)", doc_id, len(text))
        if args.conllu:
            from quotes.testing import doc_from_conllu

            result = extract_doc(doc_from_conllu(text), doc_id=doc_id,
                                 learned=not args.rules_only)
        else:
            result = extractor.extract(text, doc_id=doc_id)
        _write(result, args.format, sys.stdout, first)
        sys.stdout.flush()
        first = False
    if args.format == "json":
        sys.stdout.write("]\n" if not first else "[]\n")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from quotes import evaluate

    gold = evaluate.load(args.gold)
    options = {"speech_only": args.speech_only,
               "speaker_by": args.speaker_by}
    rules = None
    if args.pred:
        pred = evaluate.load(args.pred)
        if args.pred_rules:
            rules = evaluate.load(args.pred_rules)
    else:
        extractor = Extractor(ParseConfig(model_dir=args.model_dir,
                                          learned=not args.rules_only))
        if args.rules_only:
            pred = evaluate.predict(gold, extractor,
                                    progress=evaluate.stderr_progress)
        else:
            rules, pred = evaluate.predict_both(
                gold, extractor, progress=evaluate.stderr_progress)
    if args.save_pred:
        evaluate.write_jsonl(pred.values(), args.save_pred)
        if rules is not None and not args.pred:
            path = Path(args.save_pred)
            evaluate.write_jsonl(rules.values(), path.with_name(
                f"{path.stem}.rules-only{path.suffix}"))
    res = evaluate.score(gold, pred, group_by=args.by, **options)
    print(evaluate.format_report(res))
    if rules is not None:
        print("\nrules only vs rules + learned tagger:")
        print(evaluate.format_comparison(evaluate.score(gold, rules,
                                                        **options), res))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n",
                                   encoding="utf-8")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotes`` command."""
    parser = argparse.ArgumentParser(
        prog="quotes",
        description="Who said what, in what role: quote attribution for "
                    "English news text.")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output on stderr (-vv: debug)")
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="extract attributions from files")
    ext.add_argument("files", nargs="+", metavar="FILE",
                     help="UTF-8 text files; - reads standard input")
    ext.add_argument("--format", choices=("jsonl", "json", "text"),
                     default="jsonl", help="output format (default: jsonl)")
    ext.add_argument("--conllu", action="store_true",
                     help="inputs are CoNLL-U parses (no model needed)")
    ext.add_argument("--model-dir", default=None,
                     help=f"stanza model directory, or 'stanza' for the "
                          f"official models (default: ${ENV_VAR}, else the "
                          "bundled model)")
    ext.add_argument("--rules-only", action="store_true",
                     help="rules only: no learned attribution tagger")
    ext.set_defaults(func=_extract)
    ev = sub.add_parser("evaluate", help="score against gold attributions")
    ev.add_argument("gold", help="gold JSON lines (doc_id, text, "
                                 "attributions)")
    ev.add_argument("--pred", help="score these predictions instead of "
                                   "running the extractor")
    ev.add_argument("--pred-rules", help="with --pred: rules-only "
                                         "predictions to compare with")
    ev.add_argument("--save-pred", help="write the predictions here (and "
                                        "the rules-only ones beside them, "
                                        "as NAME.rules-only.jsonl)")
    ev.add_argument("--rules-only", action="store_true",
                    help="score the rules alone (default: rules + learned "
                         "tagger, with rules only beside them)")
    ev.add_argument("--speech-only", action="store_true",
                    help="keep gold attributions with a verb of saying")
    ev.add_argument("--by", choices=("kind", "publisher", "genre"),
                    help="also report per group")
    ev.add_argument("--speaker-by", choices=("name", "mention", "either"),
                    default="either", help="how a speaker counts as right")
    ev.add_argument("--json", help="write the figures to this file")
    ev.add_argument("--model-dir", default=None,
                    help="stanza model directory (as for extract)")
    ev.set_defaults(func=_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[
        min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(message)s",
                        stream=sys.stderr)
    if args.verbose < 2:
        logging.getLogger("stanza").setLevel(logging.WARNING)
    try:
        return int(args.func(args))
    except QuotesError as err:
        print(f"quotes: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
