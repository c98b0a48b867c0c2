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

from quotes._batch import Failure
from quotes._extract import Extractor, extract_doc
from quotes._parse import ENV_VAR, ParseConfig
from quotes._table import write_csv
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
    elif fmt == "csv":
        write_csv(result, out, header=first)
    elif fmt == "json":
        out.write(("[\n" if first else ",\n") +
                  json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        out.write(("" if first else "\n") + format_text(result) + "\n")


def _extract(args: argparse.Namespace) -> int:
    if args.jobs > 1 and not args.conllu:
        return _extract_jobs(args)
    extractor = Extractor(_config(args))
    progress = Progress(len(args.files))
    first = True
    for doc_id, text in _inputs(args.files):
        progress.step()
        log.info("extracting %s (%d characters)", doc_id, len(text))
        if args.conllu:
            from quotes.testing import doc_from_conllu

            result = extract_doc(doc_from_conllu(text), doc_id=doc_id)
        else:
            result = extractor.extract(text, doc_id=doc_id)
        _write(result, args.format, sys.stdout, first)
        sys.stdout.flush()
        first = False
    progress.close()
    if args.format == "json":
        sys.stdout.write("]\n" if not first else "[]\n")
    return 0


def _config(args: argparse.Namespace) -> ParseConfig:
    return ParseConfig(model_dir=args.model_dir, threads=args.threads,
                       selective=args.selective)


def _add_parse_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--threads", type=_positive, default=1, metavar="N",
                     help="torch threads per process (default: 1, the "
                          "fastest per core; use --jobs for more cores)")
    sub.add_argument("--selective", action="store_true",
                     help="dependency-parse only the sentences that can "
                          "hold an attribution (faster)")


class Progress:
    """A "done/total files" counter on stderr, shown only on a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.shown = total > 1 and self.stream.isatty()

    def step(self) -> None:
        """Count one file (call when it starts)."""
        self.done += 1
        if self.shown:
            self.stream.write(f"\r{self.done}/{self.total} files")
            self.stream.flush()

    def note(self, message: str) -> None:
        """Print *message* on its own line, keeping the counter."""
        if self.shown:
            self.stream.write("\r\033[K")
        print(message, file=self.stream, flush=True)
        if self.shown:
            self.stream.write(f"\r{self.done}/{self.total} files")

    def close(self) -> None:
        """End the counter's line."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _extract_jobs(args: argparse.Namespace) -> int:
    """``--jobs N``: N worker processes; a failing file is reported on
    stderr and the others go on; exit 1 at the end if any failed."""
    progress = Progress(len(args.files))
    failed = 0

    def texts() -> Iterator[tuple[str, str]]:
        nonlocal failed
        for path in args.files:
            try:
                doc_id, text = next(_inputs([path]))
            except QuotesError as err:
                failed += 1
                progress.step()
                progress.note(f"quotes: error: {err}")
                continue
            yield text, doc_id

    first = True
    extractor = Extractor(_config(args))
    for out in extractor.pipe(texts(), n_process=args.jobs,
                              on_error="return"):
        progress.step()
        if isinstance(out, Failure):
            failed += 1
            progress.note(f"quotes: error: {out}")
            continue
        _write(out, args.format, sys.stdout, first)
        sys.stdout.flush()
        first = False
    progress.close()
    if args.format == "json":
        sys.stdout.write("]\n" if not first else "[]\n")
    return 1 if failed else 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        msg = f"must be at least 1, not {number}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _evaluate(args: argparse.Namespace) -> int:
    from quotes import evaluate

    gold = evaluate.load(args.gold)
    if args.pred:
        pred = evaluate.load(args.pred)
    else:
        pred = evaluate.predict(
            gold, Extractor(_config(args)),
            progress=evaluate.stderr_progress)
    if args.save_pred:
        evaluate.write_jsonl(pred.values(), args.save_pred)
    res = evaluate.score(gold, pred, speech_only=args.speech_only,
                         speaker_by=args.speaker_by, group_by=args.by)
    print(evaluate.format_report(res))
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
    ext.add_argument("--format", choices=("jsonl", "json", "text", "csv"),
                     default="jsonl", help="output format (default: jsonl; "
                     "csv: one row per attribution)")
    ext.add_argument("--conllu", action="store_true",
                     help="inputs are CoNLL-U parses (no model needed)")
    ext.add_argument("--model-dir", default=None,
                     help=f"stanza model directory, or 'stanza' for the "
                          f"official models (default: ${ENV_VAR}, else the "
                          "bundled model)")
    ext.add_argument("--jobs", type=_positive, default=1, metavar="N",
                     help="parse in N worker processes (default: 1)")
    _add_parse_options(ext)
    ext.set_defaults(func=_extract)
    ev = sub.add_parser("evaluate", help="score against gold attributions")
    ev.add_argument("gold", help="gold JSON lines (doc_id, text, "
                                 "attributions)")
    ev.add_argument("--pred", help="score these predictions instead of "
                                   "running the extractor")
    ev.add_argument("--save-pred", help="write the predictions here")
    ev.add_argument("--speech-only", action="store_true",
                    help="keep gold attributions with a verb of saying")
    ev.add_argument("--by", choices=("kind", "publisher", "genre"),
                    help="also report per group")
    ev.add_argument("--speaker-by", choices=("name", "mention", "either"),
                    default="either", help="how a speaker counts as right")
    ev.add_argument("--json", help="write the figures to this file")
    ev.add_argument("--model-dir", default=None,
                    help="stanza model directory (as for extract)")
    _add_parse_options(ev)
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
