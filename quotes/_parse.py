"""Model loading and parsing: the only place that builds a stanza Pipeline.

Input: a ``ParseConfig``; output: a callable stanza Pipeline. The model is
chosen in this order: ``ParseConfig.model_dir``, the ``QUOTES_MODEL_DIR``
environment variable, then the model bundled in ``quotes/model``.
``model_dir="stanza"`` selects stanza's official English models (these need
internet the first time).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from attrs import field, frozen

from quotes._fastparse import use_bfloat16, use_fast_parser, use_int8_lstms
from quotes._sentences import repair
from quotes._tree import FLAT_TREE
from quotes.exceptions import MissingAnnotationError, ModelNotAvailableError

log = logging.getLogger(__name__)

PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
Selector = Callable[
    [Sequence[tuple[int, int, Sequence[tuple[str, str, str]]]]], list[bool]]
"""Flags the sentences to parse, given (start, end, [(text, lemma, upos)])."""

# word vectors shared by pos and depparse, when the model was trained with them
PRETRAIN = "pretrain.pt"
VECTOR_PROCESSORS = ("pos", "depparse")
ENV_VAR = "QUOTES_MODEL_DIR"
OFFICIAL = "stanza"
API_SETTING = "ParseConfig(model_dir=...)"
"""How error messages name ``ParseConfig.model_dir`` (the CLI renames it)."""
FLAT_FILES = ", ".join([*(f"{p}.pt" for p in PROCESSORS), "resources.json"])


PRECISIONS = ("float32", "bfloat16", "int8", "auto")


def _check_precision(_config: object, _attribute: object,
                     value: object) -> None:
    if value not in PRECISIONS:
        msg = (f"precision must be one of {', '.join(PRECISIONS)}, "
               f"not {value!r}")
        raise ValueError(msg)


def _check_threads(_config: object, _attribute: object, value: object) -> None:
    if value is not None and (not isinstance(value, int) or value < 1):
        msg = f"threads must be None or an int >= 1, not {value!r}"
        raise ValueError(msg)


def _check_timeout(_config: object, _attribute: object,
                   value: float | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(
            value, (int, float)) or not value > 0):
        msg = f"timeout must be None or seconds > 0, not {value!r}"
        raise ValueError(msg)


@frozen(kw_only=True)
class ParseConfig:
    """How to build the stanza pipeline.

    Args:
        model_dir: a directory holding ``tokenize.pt``, ``mwt.pt``,
            ``pos.pt``, ``lemma.pt``, ``depparse.pt`` and ``resources.json``
            (the layout of the bundled model; plus ``pretrain.pt`` when
            pos and depparse use word vectors), a stanza resources directory
            (``<dir>/en/...``), or ``"stanza"`` for stanza's official
            models. ``None``: ``$QUOTES_MODEL_DIR``, else the bundled model.
        use_gpu: let stanza use a GPU when there is one.
        batch_size: tokens per depparse batch (stanza's ``*_batch_size``).
        learned: add the claims of the learned attribution tagger
            (``quotes/model/attribution.pt``) to the rules'; ``False``:
            rules only, no such weights needed.
        threads: torch intra-op threads, set for the whole process when
            the pipeline is built. The default, 1, is the fastest per core
            on a busy machine; use processes for parallelism
            (``Extractor.pipe(n_process=...)``). ``None`` leaves torch's
            own setting (one thread per core) alone.
        selective: give a dependency parse only to the sentences that
            can hold or continue an attribution (see ``quotes._select``);
            the others are tagged and lemmatised only.
        precision: ``"float32"`` gives stanza's own parse, word for word;
            ``"bfloat16"`` runs the tagger's and parser's matrix products
            and LSTMs in bfloat16 (faster on CPUs with native bfloat16,
            such as AVX512-BF16 or AMX; about 1 word in 400 gets another
            head, label or tag); ``"int8"`` runs the parser's LSTMs with
            int8 weights (dynamic quantization), the rest as bfloat16
            where the CPU has it natively (faster again; CPU only);
            ``"auto"`` is bfloat16 where the CPU has it natively, else
            float32.
        timeout: seconds one document may take in ``Extractor.pipe``
            (``None``, the default: no limit); a document over it becomes
            a ``Failure`` and its worker process is replaced.

    .. versionadded:: 0.10.0 *timeout*.
    """

    model_dir: str | None = None
    use_gpu: bool = False
    batch_size: int = 3000
    learned: bool = True
    threads: int | None = field(default=1, validator=_check_threads)
    selective: bool = False
    precision: str = field(default="float32", validator=_check_precision)
    timeout: float | None = field(default=None, validator=_check_timeout)

    def __attrs_post_init__(self) -> None:
        if self.use_gpu and self.precision == "int8":
            msg = ("precision 'int8' runs on the CPU only; use 'float32' or "
                   "'bfloat16' with use_gpu=True")
            raise ValueError(msg)


def bundled_model_dir() -> Path:
    """Return the directory of the model shipped inside the package."""
    return Path(str(resources.files("quotes") / "model"))


def resolve_model_dir(config: ParseConfig) -> str:
    """Return the model directory *config* selects (or ``"stanza"``)."""
    chosen = config.model_dir or os.environ.get(ENV_VAR) or ""
    return chosen or str(bundled_model_dir())


def model_setting(config: ParseConfig) -> str:
    """The setting that chose the model, as error messages name it.

    ``API_SETTING`` for ``config.model_dir``, ``ENV_VAR`` for the
    environment variable, ``""`` for the bundled model.
    """
    if config.model_dir:
        return API_SETTING
    return ENV_VAR if os.environ.get(ENV_VAR) else ""


def _fix(setting: str, what: str) -> str:
    """Advice: point the setting the user used at *what*."""
    if setting:
        return f"point {setting} at {what}"
    return (f"reinstall quotes to restore the bundled model, or point "
            f"{ENV_VAR} (or {API_SETTING}) at {what}")


def _short(err: BaseException, limit: int = 160) -> str:
    """``Type: first line of the message``, cut at a word if long."""
    name = type(err).__name__
    text = str(err).strip().splitlines()[0] if str(err).strip() else ""
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " ..."
    return f"{name}: {text}" if text else name


def _check_model_file(path: Path, setting: str) -> None:
    """Refuse a file that is not a saved torch model (zip or pickle)."""
    try:
        with path.open("rb") as f:
            magic = f.read(2)
    except OSError as err:
        msg = f"cannot read model file {path}: {err.strerror or err}"
        raise ModelNotAvailableError(msg, path=str(path)) from err
    if magic != b"PK" and magic[:1] != b"\x80":
        msg = (f"model file {path} is corrupt (not a saved torch model); "
               "replace it, or " + _fix(setting, "a working model directory"))
        raise ModelNotAvailableError(msg, path=str(path))


def _flat_paths(directory: Path, setting: str) -> dict[str, str]:
    """Model paths of a flat model directory; raise if any file is absent."""
    paths = {}
    for name in (*PROCESSORS, "resources"):
        suffix = ".json" if name == "resources" else ".pt"
        path = directory / f"{name}{suffix}"
        if not path.is_file():
            msg = (f"model file {path} is missing; "
                   + _fix(setting, f"a directory with {FLAT_FILES}"))
            raise ModelNotAvailableError(msg, path=str(path))
        if suffix == ".pt":
            _check_model_file(path, setting)
        paths[name] = str(path)
    try:
        json.loads(Path(paths["resources"]).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        msg = (f"{paths['resources']} is not valid JSON ({err}); restore it "
               'or write {"en": {"lang_name": "English"}} into it')
        raise ModelNotAvailableError(msg, path=paths["resources"]) from err
    return paths


def pipeline_kwargs(config: ParseConfig) -> dict[str, Any]:
    """Return the keyword arguments for ``stanza.Pipeline``."""
    chosen = resolve_model_dir(config)
    setting = model_setting(config)
    common: dict[str, Any] = {
        "lang": "en",
        "processors": ",".join(PROCESSORS),
        "use_gpu": config.use_gpu,
        "depparse_batch_size": config.batch_size,
        "pos_batch_size": config.batch_size,
        "logging_level": "WARN",
        "tokenize_postprocessor": repair,
    }
    if chosen == OFFICIAL:
        return {**common, "download_method": "reuse_resources"}
    directory = Path(chosen)
    if not directory.is_dir():
        msg = (f"model directory {directory} does not exist; "
               + _fix(setting, f"a directory holding {FLAT_FILES}, or at a "
                      "stanza resources directory"))
        raise ModelNotAvailableError(msg, path=str(directory))
    if (directory / "en").is_dir():
        return {**common, "dir": str(directory), "download_method": None}
    paths = _flat_paths(directory, setting)
    kwargs = {**common, "dir": str(directory), "download_method": None,
              **{f"{p}_model_path": paths[p] for p in PROCESSORS}}
    pretrain = directory / PRETRAIN
    if pretrain.is_file():
        _check_model_file(pretrain, setting)
        kwargs |= {f"{p}_pretrain_path": str(pretrain)
                   for p in VECTOR_PROCESSORS}
    return kwargs


def _float32_pretrains(kwargs: dict[str, Any]) -> Any:
    """A stanza FoundationCache holding the pretrain that *kwargs* name.

    The pretrain is stored as float16 (half the size); stanza's taggers
    and parsers run float32 embeddings only, so it is cast up once here and
    shared by pos and depparse.
    """
    from stanza.models.common.foundation_cache import FoundationCache
    from stanza.models.common.pretrain import Pretrain

    cache = FoundationCache(local_files_only=True)
    for path in {kwargs[f"{p}_pretrain_path"] for p in VECTOR_PROCESSORS}:
        pretrain = Pretrain(path)
        pretrain._emb = pretrain.emb.float()  # stanza has no setter
        cache.pretrains[path] = pretrain
    return cache


def make_pipeline(config: ParseConfig | None = None) -> Any:
    """Build the stanza Pipeline *config* describes (takes seconds).

    Raises:
        ModelNotAvailableError: a model file is missing or does not load.
    """
    config = config or ParseConfig()
    kwargs = pipeline_kwargs(config)
    import stanza  # imported here: keeps torch out of ``import quotes``

    set_threads(config.threads)
    try:
        if "depparse_pretrain_path" in kwargs:
            kwargs["foundation_cache"] = _float32_pretrains(kwargs)
        nlp = stanza.Pipeline(**kwargs)
    except Exception as err:
        # stanza and torch raise many types for an unusable file
        # (UnpicklingError, EOFError, RuntimeError, KeyError, ...)
        setting = model_setting(config)
        if kwargs.get("dir") is None:
            raise ModelNotAvailableError(_official_message(err, setting)) \
                from err
        culprit = _culprit(err, kwargs)
        where = culprit or str(kwargs["dir"])
        what = (f"could not load model file {where}: it is corrupt or not "
                "a stanza model" if culprit else
                f"could not load the stanza model {where}")
        msg = (f"{what} ({_short(err)}); replace it, or "
               + _fix(setting, "a working model directory"))
        raise ModelNotAvailableError(msg, path=where) from err
    use_fast_parser(nlp)
    if config.precision == "int8":  # CPU only (checked by ParseConfig)
        use_int8_lstms(nlp, ("depparse",))
    if wants_bfloat16(config):
        use_bfloat16(nlp, ("pos", "depparse"))
    log.info("stanza pipeline built from %s", kwargs.get("dir", OFFICIAL))
    return nlp


def wants_bfloat16(config: ParseConfig) -> bool:
    """Whether *config* parses in bfloat16 on this machine."""
    if config.precision in {"auto", "int8"}:
        import torch

        return not config.use_gpu and bool(
            torch.ops.mkldnn._is_mkldnn_bf16_supported())
    return config.precision == "bfloat16"


def run_pipeline(nlp: Any, text: str,
                 select: Selector | None = None) -> Any:
    """Parse *text* with *nlp* under ``torch.inference_mode()``.

    With *select*, only the sentences it flags get a dependency parse;
    the others get a flat tree (see ``_flat_tree``).
    """
    import torch

    with torch.inference_mode():
        if select is None:
            return nlp(text)
        doc = nlp.process(text, processors=",".join(PROCESSORS[:-1]))
        sentences = doc.sentences
        flags = select([
            (s.tokens[0].start_char, s.tokens[-1].end_char,
             [(w.text, w.lemma or "", w.upos or "") for w in s.words])
            for s in sentences])
        chosen = [s for s, flag in zip(sentences, flags, strict=True)
                  if flag]
        log.debug("dependency parse of %d of %d sentences", len(chosen),
                  len(sentences))
        if chosen:
            counts = doc.num_tokens, doc.num_words
            doc.sentences = chosen
            doc.num_tokens = sum(len(s.tokens) for s in chosen)
            doc.num_words = sum(len(s.words) for s in chosen)
            try:
                nlp.processors["depparse"].process(doc)
            finally:
                doc.sentences = sentences
                doc.num_tokens, doc.num_words = counts
        for s, flag in zip(sentences, flags, strict=True):
            if not flag:
                _flat_tree(s)
        return doc


_VERBS = frozenset({"VERB", "AUX"})


def _flat_tree(sentence: Any) -> None:
    """Give an unparsed sentence a flat tree the rules can read.

    The root is the first verb (else the first word); a run of proper
    nouns hangs from its first word by ``flat``; the last such run before
    the root is its ``nsubj`` (so a person introduced there stays salient
    for a later pronoun); every other word is a ``dep`` of the root.
    """
    words = sentence.words
    root = next((w.id for w in words if w.upos in _VERBS), words[0].id)
    run_head: int | None = None
    subject = None
    for w in words:
        if w.id == root:
            w.head, w.deprel = 0, "root"
            run_head = None
        elif w.upos == "PROPN" and run_head is not None:
            w.head, w.deprel = run_head, "flat"
        else:
            w.head, w.deprel = root, "dep"
            run_head = w.id if w.upos == "PROPN" else None
            if run_head is not None and w.id < root:
                subject = w
    if subject is not None:
        subject.deprel = "nsubj"
    sentence.build_dependencies()
    sentence.add_comment(FLAT_TREE)


def set_threads(threads: int | None) -> None:
    """Set torch's intra-op thread count for this process (``None``: keep)."""
    if threads is None:
        return
    import torch

    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
        log.info("torch uses %d thread(s)", threads)


def _official_message(err: BaseException, setting: str) -> str:
    """Why stanza's official models did not load, and what to do."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    setting = setting or ENV_VAR
    return (f"the model directory {OFFICIAL!r} (from {setting}) selects "
            "stanza's official English models, which are downloaded once "
            f"into {DEFAULT_MODEL_DIR} ($STANZA_RESOURCES_DIR moves it); that "
            f"needs the network, and loading them failed ({_short(err)}). "
            "Run once with internet access, or copy a stanza resources "
            "directory made elsewhere with stanza.download('en') to this "
            f"machine and point {setting} at it; or leave {setting} out to "
            "use the bundled model, which works offline")


def _culprit(err: BaseException, kwargs: dict[str, Any]) -> str | None:
    """The model file whose loading raised *err*, if it can be told.

    First the files being opened in the failing frames (torch's ``f``,
    stanza's ``filename``), then the first file torch cannot load.
    """
    wanted = {str(kwargs[k]) for k in kwargs if k.endswith("_model_path")}
    tb = err.__traceback__
    found = None
    while tb is not None:  # innermost frame last: keep the deepest hit
        local = tb.tb_frame.f_locals
        for name in ("f", "filename", "model_file", "path"):
            value = local.get(name)
            if isinstance(value, (str, os.PathLike)) and (
                    str(value) in wanted or str(value).endswith(".pt")):
                found = str(value)
        tb = tb.tb_next
    if found is not None:
        return found
    import torch

    for processor in PROCESSORS:
        path = kwargs.get(f"{processor}_model_path")
        if path is None:
            continue
        try:
            torch.load(path, map_location="cpu", weights_only=True)
        except Exception:  # any failure: the error names the file
            return str(path)
    return None


REQUIRED = {"head": "depparse", "deprel": "depparse", "lemma": "lemma",
            "upos": "pos"}


def check_annotations(doc: Any) -> None:
    """Raise ``MissingAnnotationError`` if *doc* lacks a layer we read.

    A layer is missing when no word has it (a single gap, such as a gold
    treebank's "_" lemma, is tolerated and filled in).

    Raises:
        MissingAnnotationError: no word has a head, deprel, lemma or upos.
    """
    words = [w for s in doc.sentences for w in s.words]
    if not words:
        return
    missing = tuple(a for a in REQUIRED
                    if all(getattr(w, a, None) is None for w in words))
    if missing:
        procs = sorted({REQUIRED[a] for a in missing})
        msg = (f"the document has no {', '.join(missing)} annotation; "
               f"parse it with the processors {','.join(procs)} as well")
        raise MissingAnnotationError(msg, missing=missing)
