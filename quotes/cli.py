"""Command line: ``quotes extract FILE...`` (and ``python -m quotes``).

Writes one JSON object per input document (JSON lines), a pretty JSON
array, or readable text. Logging goes to stderr; no extraction logic here.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from quotes._batch import Failure
from quotes._extract import Extractor, extract_doc
from quotes._parse import API_SETTING, ENV_VAR, PRECISIONS, ParseConfig
from quotes._table import write_csv
from quotes.exceptions import ModelNotAvailableError, QuotesError
from quotes.records import Result

log = logging.getLogger(__name__)


def _looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes or many control bytes."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(b < 32 and b not in b"\t\n\r\f\v\x1b" for b in head)
    return controls > len(head) // 10


def decode_input(data: bytes) -> str:
    """Decode one input as UTF-8, or say clearly why it cannot be.

    Raises:
        QuotesError: the data is UTF-16, binary, or not UTF-8.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        msg = ("UTF-16 text, not UTF-8; convert it, "
               "e.g. iconv -f utf-16 -t utf-8")
        raise QuotesError(msg)
    if _looks_binary(data):
        msg = ("looks like a binary file (NUL or control bytes), not "
               "text; quotes reads plain UTF-8 text files")
        raise QuotesError(msg)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        msg = (f"not UTF-8 (byte {err.start}); convert it, "
               "e.g. iconv -f latin1 -t utf-8 for Latin-1 text")
        raise QuotesError(msg) from err


def read_input(path: str) -> tuple[str, str]:
    """Return (doc_id, text) of one input; ``-`` reads standard input.

    Raises:
        QuotesError: the file cannot be read or is not UTF-8 text (the
            message leaves the path to the caller).
    """
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream without bytes (tests)
            return "stdin", sys.stdin.read()
        return "stdin", decode_input(stream.read())
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        msg = f"cannot read: {err.strerror or err}"
        raise QuotesError(msg) from err
    return Path(path).stem, decode_input(data)


def format_text(result: Result) -> str:
    """Readable lines: ``speaker — role [kind, cue]: claim``.

    A claim in pieces (a quotation split by its tag) shows its pieces
    joined by " … ", without the tag.

    Quotations no attribution covers follow as ``(unattributed): text``.
    """
    lines = [f"# {result.doc_id}"] if result.doc_id else []
    for a in result.attributions:
        who = "(unknown)"
        if a.speaker is not None:
            who = a.speaker.name or a.speaker.text
            if a.speaker.role and f" {a.speaker.role.casefold()} " not in \
                    f" {who.casefold()} ":  # "Officials — Ukrainian
                # officials", but not "The judge — judge"
                who += f" — {a.speaker.role}"
        cue = a.cue.span.text if a.cue else "no cue"
        claim = " ".join(a.content_text.split())
        lines.append(f"{who} [{a.kind.value}, {cue}]: {claim}")
    if not result.attributions:
        lines.append("(no attributions)")
    for quote in result.unattributed_quotes:
        lines.append(f"(unattributed): {' '.join(quote.text.split())}")
    return "\n".join(lines)


class Writer:
    """Writes results to *out* in one format; ``close()`` ends the output.

    Each result is written whole and flushed, so the output stays valid
    (whole JSON lines, a closed JSON array) whatever fails later.
    """

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self.count = 0

    def write(self, result: Result) -> None:
        """Write one document's result."""
        first = self.count == 0
        if self.fmt == "jsonl":
            self.out.write(result.to_json() + "\n")
        elif self.fmt == "json":
            self.out.write(("[\n" if first else ",\n") + json.dumps(
                result.to_dict(), ensure_ascii=False, indent=1))
        elif self.fmt == "csv":
            write_csv(result, self.out, header=first)
        elif self.fmt == "html":
            from quotes._html import PAGE_START

            self.out.write((PAGE_START if first else "") + result.to_html()
                           + "\n")
        else:
            self.out.write(("" if first else "\n") + format_text(result)
                           + "\n")
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        """Finish the output (close the JSON array, end the HTML page)."""
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "[]\n")
        elif self.fmt == "html":
            from quotes._html import PAGE_END, PAGE_START

            self.out.write(("" if self.count else PAGE_START) + PAGE_END)
        self.out.flush()


def _extract_one(path: str, args: argparse.Namespace,
                 extractor: Extractor) -> Result:
    """Read and extract one input (raises QuotesError on a bad input)."""
    doc_id, text = read_input(path)
    log.info("extracting %s (%d characters)", doc_id, len(text))
    if args.conllu:
        from quotes.testing import doc_from_conllu

        return extract_doc(doc_from_conllu(text), doc_id=doc_id,
                           learned=not args.rules_only)
    return extractor.extract(text, doc_id=doc_id)


def _report(path: str, err: Exception) -> None:
    """One line on stderr: ``quotes: error: FILE: reason``."""
    where = "standard input" if path == "-" else path
    reason = str(err)
    if not isinstance(err, QuotesError):  # a bug of ours: say so
        reason = (f"unexpected {type(err).__name__}: {err} (a bug in "
                  "quotes; run with -vv for the traceback)")
        log.debug("traceback for %s", where, exc_info=err)
    print(f"quotes: error: {where}: {reason}", file=sys.stderr)


def _outcomes(args: argparse.Namespace, paths: Sequence[str],
              ) -> Iterator[tuple[str, Result | Exception]]:
    """``(path, Result or the error)`` of every input, in order.

    ``--jobs N`` or ``--timeout`` parse in worker processes. A model that
    cannot be loaded raises (every input needs it).
    """
    if (args.jobs > 1 or args.timeout) and not args.conllu:
        yield from _outcomes_pool(args, paths)
        return
    extractor = Extractor(_config(args))
    for path in paths:
        try:
            result = _extract_one(path, args, extractor)
        except ModelNotAvailableError:
            raise
        except Exception as err:
            yield path, err
            continue
        yield path, result


def _outcomes_pool(args: argparse.Namespace, paths: Sequence[str],
                   ) -> Iterator[tuple[str, Result | Exception]]:
    """``_outcomes`` through ``Extractor.pipe``'s worker processes; an
    input that cannot be read is reported as soon as it is read."""
    unread: list[tuple[str, Exception]] = []
    sent: list[str] = []  # the paths given to the workers, in order

    def texts() -> Iterator[tuple[str, str]]:
        for path in paths:
            try:
                doc_id, text = read_input(path)
            except QuotesError as err:
                unread.append((path, err))
                continue
            sent.append(path)
            yield text, doc_id

    extractor = Extractor(_config(args))
    outs = extractor.pipe(texts(), n_process=args.jobs, on_error="return",
                          timeout=args.timeout)
    for index, out in enumerate(outs):  # pipe keeps the input order
        yield from unread
        unread.clear()
        if isinstance(out, Failure):
            yield sent[index], QuotesError(f"{out.error}: {out.message}")
        else:
            yield sent[index], out
    yield from unread


def _extract(args: argparse.Namespace) -> int:
    """Extract from every input; a bad one is reported and skipped.

    A model that cannot be loaded stops the run (every input needs it).
    Returns 1 when any input failed, after all the others are written.
    """
    if args.out_dir:
        return _extract_to_dir(args)
    writer = Writer(args.format, sys.stdout)
    progress = Progress(len(args.files))
    failed = 0
    try:
        for path, out in _outcomes(args, args.files):
            progress.step()
            if isinstance(out, Exception):
                progress.clear()
                _report(path, out)
                failed += 1
                continue
            writer.write(out)
    finally:
        progress.close()
        writer.close()
    return _exit_status(failed, len(args.files))


SUFFIXES = {"jsonl": ".jsonl", "json": ".json", "text": ".txt",
            "html": ".html", "csv": ".csv"}
"""The output file's suffix of each ``--format`` with ``--out-dir``."""
_TEMP_PREFIX = ".quotes-"


def render(result: Result, fmt: str) -> str:
    """One document's whole output in *fmt*, as ``--out-dir`` writes it."""
    buffer = io.StringIO()
    writer = Writer(fmt, buffer)
    writer.write(result)
    writer.close()
    return buffer.getvalue()


def write_atomic(target: Path, data: str) -> None:
    """Write *data* to *target* through a temporary file renamed into
    place, so *target* is either absent or complete, whatever stops us."""
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=_TEMP_PREFIX,
                                suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _targets(args: argparse.Namespace, out_dir: Path) -> dict[str, Path]:
    """The output file of each input (``stdin`` for ``-``).

    Raises:
        QuotesError: two inputs would write the same file.
    """
    targets: dict[str, Path] = {}
    seen: dict[Path, str] = {}
    for path in dict.fromkeys(args.files):
        stem = "stdin" if path == "-" else Path(path).stem
        target = out_dir / f"{stem}{SUFFIXES[args.format]}"
        if target in seen:
            msg = (f"{seen[target]} and {path} would both write {target}; "
                   "give inputs with different names")
            raise QuotesError(msg)
        seen[target] = path
        targets[path] = target
    return targets


def _extract_to_dir(args: argparse.Namespace) -> int:
    """``--out-dir DIR``: one output file per input, written atomically;
    inputs whose output is there already are skipped, so a stopped run
    goes on where it stopped. Ctrl-C says how many are done."""
    out_dir = Path(args.out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        msg = f"cannot create {out_dir}: {err.strerror or err}"
        raise QuotesError(msg) from err
    for stale in out_dir.glob(f"{_TEMP_PREFIX}*.tmp"):  # a killed run's
        stale.unlink()
    targets = _targets(args, out_dir)
    todo = [p for p, target in targets.items() if not target.exists()]
    skipped = len(targets) - len(todo)
    if skipped:
        log.warning("skipping %d of %d inputs: their output is in %s",
                    skipped, len(targets), out_dir)
    progress = Progress(len(todo))
    written = failed = 0
    try:
        for path, out in _outcomes(args, todo):
            progress.step()
            if isinstance(out, Exception):
                progress.clear()
                _report(path, out)
                failed += 1
                continue
            write_atomic(targets[path], render(out, args.format))
            written += 1
    except KeyboardInterrupt:
        progress.clear()
        print(f"quotes: interrupted: {skipped + written} of {len(targets)} "
              f"inputs done ({written} in this run); run the same command "
              "again to go on", file=sys.stderr)
        return 130
    finally:
        progress.close()
    return _exit_status(failed, len(targets))


def _exit_status(failed: int, total: int) -> int:
    """Say how many inputs failed, if any; 1 when some did."""
    if failed:
        print(f"quotes: {failed} of {total} inputs failed", file=sys.stderr)
    return 1 if failed else 0


def _config(args: argparse.Namespace) -> ParseConfig:
    return ParseConfig(model_dir=args.model_dir, threads=args.threads,
                       selective=args.selective,
                       precision=args.precision,
                       learned=not args.rules_only)


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

    def clear(self) -> None:
        """Blank the counter's line before a message (step redraws it)."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def close(self) -> None:
        """End the counter's line."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        msg = f"expected seconds, not {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not number > 0:
        msg = f"must be above 0, not {value}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        msg = f"must be at least 1, not {number}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _add_parse_options(sub: argparse.ArgumentParser, *,
                       jobs: bool) -> None:
    more = "; use --jobs for more cores" if jobs else ""
    sub.add_argument("--threads", type=_positive, default=1, metavar="N",
                     help=f"torch threads per process (default: 1, the "
                          f"fastest per core{more})")
    sub.add_argument("--selective", action="store_true",
                     help="dependency-parse only the sentences that can "
                          "hold an attribution (faster)")
    sub.add_argument("--precision", choices=PRECISIONS, default="float32",
                     help="parser arithmetic: float32 (stanza's exact "
                          "parse, the default), bfloat16 (faster on CPUs "
                          "with native bfloat16), int8 (the parser's "
                          "LSTMs in int8: faster again, CPU only), or auto")


def _evaluate(args: argparse.Namespace) -> int:
    from quotes import evaluate

    gold = evaluate.load(args.gold)
    if not args.pred:
        evaluate.require_text(gold, args.gold)
    options = {"speech_only": args.speech_only,
               "speaker_by": args.speaker_by, "by_pieces": args.pieces}
    rules = None
    if args.pred:
        pred = evaluate.load(args.pred)
        if args.pred_rules:
            rules = evaluate.load(args.pred_rules)
    else:
        extractor = Extractor(_config(args))
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
    print(evaluate.format_report(res, title=(
        "content scored by content_pieces (--pieces)" if args.pieces
        else "")))
    if rules is not None:
        print("\nrules only vs rules + learned tagger:")
        print(evaluate.format_comparison(evaluate.score(gold, rules,
                                                        **options), res))
    if args.misses:
        print()
        print(evaluate.format_speaker_misses(
            evaluate.speaker_misses(gold, pred), top=args.misses))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n",
                                   encoding="utf-8")
    return 0


def _version() -> str:
    import quotes

    return str(quotes.__version__)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotes`` command."""
    parser = argparse.ArgumentParser(
        prog="quotes",
        description="Who said what, in what role: quote attribution for "
                    "English news text.")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output on stderr (-vv: debug)")
    parser.add_argument("--version", action="version",
                        version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="extract attributions from files")
    ext.add_argument("files", nargs="+", metavar="FILE",
                     help="UTF-8 text files; - reads standard input")
    ext.add_argument("--format",
                     choices=("jsonl", "json", "text", "html", "csv"),
                     default="jsonl", help="output format (default: jsonl; "
                     "csv: one row per attribution)")
    ext.add_argument("--conllu", action="store_true",
                     help="inputs are CoNLL-U parses (no model needed)")
    ext.add_argument("--model-dir", default=None,
                     help=f"stanza model directory, or 'stanza' for the "
                          f"official models (default: ${ENV_VAR}, else the "
                          "bundled model)")
    ext.add_argument("--rules-only", action="store_true",
                     help="rules only: no learned attribution tagger")
    ext.add_argument("--jobs", type=_positive, default=1, metavar="N",
                     help="parse in N worker processes (default: 1); a "
                          "worker that dies is replaced")
    ext.add_argument("--timeout", type=_seconds, default=None,
                     metavar="SECONDS",
                     help="give up on a document after SECONDS (reported "
                          "as a failed input; default: no limit)")
    ext.add_argument("--out-dir", metavar="DIR",
                     help="write one file per input into DIR (DIR/NAME."
                          "jsonl, .json, .csv, ...) instead of standard "
                          "output; inputs whose file is there are "
                          "skipped, so a stopped run can be resumed")
    _add_parse_options(ext, jobs=True)
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
    ev.add_argument("--pieces", action="store_true",
                    help="score each claim's content_pieces instead of "
                         "its content: the same for predictions written "
                         "now; for files of schema 1, whose content was "
                         "one range over a split quotation's tag, scores "
                         "the pieces without the tag")
    ev.add_argument("--json", help="write the figures to this file")
    ev.add_argument("--misses", type=int, default=0, metavar="N",
                    help="also list the N commonest reasons for speaker "
                         "name and role misses, with an example each")
    ev.add_argument("--model-dir", default=None,
                    help="stanza model directory (as for extract)")
    _add_parse_options(ev, jobs=False)
    ev.set_defaults(func=_evaluate)
    return parser


def _message(err: QuotesError, args: argparse.Namespace) -> str:
    """The error's message, naming ``--model-dir`` where the user typed it."""
    if getattr(args, "model_dir", None):
        return str(err).replace(API_SETTING, "--model-dir")
    return str(err)


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
        print(f"quotes: error: {_message(err, args)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
