"""Extractors for the worker tests: CoNLL-U in, no model, faults on demand.

Not a test module. Worker processes import it by name (``tests/`` is on
``sys.path``, which ``spawn`` passes on), so ``Extractor.pipe`` can build
these classes in its workers. A document whose first line is
``# fault: WHAT`` misbehaves in the worker:

- ``exit``: the process ends at once (``os._exit(3)``);
- ``kill``: the process kills itself with SIGKILL;
- ``kill-once PATH``: SIGKILL unless *PATH* exists (it is created first),
  so the document succeeds when it is sent again;
- ``sleep SECONDS``: the document takes that long;
- ``raise``: ``ValueError``.

Any other document is read as CoNLL-U.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import quotes
from quotes.testing import doc_from_conllu


class ConlluExtractor(quotes.Extractor):
    """Reads each "text" as CoNLL-U, so no model is needed."""

    def _warm_up(self) -> None:
        """Import stanza (and torch) now, as a real worker loads its
        models, so a time limit counts the document only."""
        import stanza  # noqa: F401

    def extract(self, text: str, *, doc_id: str | None = None,
                ) -> quotes.Result:
        fault(text)
        return quotes.extract_doc(doc_from_conllu(text), doc_id=doc_id)


def fault(text: str) -> None:
    """Misbehave as the first line of *text* says (see the module doc)."""
    if not text.startswith("# fault: "):
        return
    what, _, arg = text.splitlines()[0][len("# fault: "):].partition(" ")
    if what == "exit":
        os._exit(3)
    elif what == "kill" or (what == "kill-once" and not Path(arg).exists()):
        if what == "kill-once":
            Path(arg).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    elif what == "sleep":
        time.sleep(float(arg))
    elif what == "raise":
        raise ValueError("a document that raises")
