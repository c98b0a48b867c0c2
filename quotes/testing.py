"""Helpers for tests and examples: parsed documents without a model.

``doc_from_conllu`` turns CoNLL-U (gold treebank parses, or fixtures made
with ``{:C}``) into a stanza ``Document`` that ``extract_doc`` accepts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quotes.exceptions import ConlluError

_COLUMNS = 10


def _validate(conllu: str) -> None:
    """Raise ``ConlluError`` naming the first malformed line."""
    for number, line in enumerate(conllu.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != _COLUMNS:
            msg = f"expected 10 TAB-separated columns, got {len(cols)}"
            raise ConlluError(msg, line=number)
        word_id, head = cols[0], cols[6]
        if not (word_id.replace("-", "").replace(".", "").isdigit()):
            msg = f"bad word id {word_id!r}"
            raise ConlluError(msg, line=number)
        if "-" not in word_id and "." not in word_id and \
                head != "_" and not head.isdigit():
            msg = f"bad head {head!r}"
            raise ConlluError(msg, line=number)


def doc_from_conllu(conllu: str | Path, *, text: str | None = None) -> Any:
    """Return a stanza ``Document`` built from CoNLL-U.

    Args:
        conllu: CoNLL-U text, or the path of a ``.conllu`` file.
        text: the raw text the tokens come from. When given, ``doc.text``
            is set to it and token offsets are aligned to it.

    Raises:
        ConlluError: the CoNLL-U does not parse (with its line number).
    """
    if isinstance(conllu, Path) or (isinstance(conllu, str) and "\n" not in
                                    conllu and conllu.endswith(".conllu")):
        conllu = Path(conllu).read_text(encoding="utf-8")
    _validate(conllu)
    from stanza.utils.conll import CoNLL

    try:
        doc = CoNLL.conll2doc(input_str=conllu)
    except (ValueError, IndexError, KeyError, AssertionError) as err:
        raise ConlluError(str(err)) from err
    if text is not None:
        doc.text = text
    return doc
