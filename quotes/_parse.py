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
from importlib import resources
from pathlib import Path
from typing import Any

from attrs import frozen

from quotes.exceptions import MissingAnnotationError, ModelNotAvailableError

log = logging.getLogger(__name__)

PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
# word vectors shared by pos and depparse, when the model was trained with them
PRETRAIN = "pretrain.pt"
VECTOR_PROCESSORS = ("pos", "depparse")
ENV_VAR = "QUOTES_MODEL_DIR"
OFFICIAL = "stanza"


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
    """

    model_dir: str | None = None
    use_gpu: bool = False
    batch_size: int = 3000


def bundled_model_dir() -> Path:
    """Return the directory of the model shipped inside the package."""
    return Path(str(resources.files("quotes") / "model"))


def resolve_model_dir(config: ParseConfig) -> str:
    """Return the model directory *config* selects (or ``"stanza"``)."""
    chosen = config.model_dir or os.environ.get(ENV_VAR) or ""
    return chosen or str(bundled_model_dir())


def _check_model_file(path: Path) -> None:
    """Refuse a file that is not a saved torch model (zip or pickle)."""
    try:
        with path.open("rb") as f:
            magic = f.read(2)
    except OSError as err:
        msg = f"cannot read model file {path}: {err.strerror or err}"
        raise ModelNotAvailableError(msg, path=str(path)) from err
    if magic != b"PK" and magic[:1] != b"\x80":
        msg = (f"model file {path} is corrupt (not a saved torch model); "
               "reinstall quotes or replace the file")
        raise ModelNotAvailableError(msg, path=str(path))


def _flat_paths(directory: Path) -> dict[str, str]:
    """Model paths of a flat model directory; raise if any file is absent."""
    paths = {}
    for name in (*PROCESSORS, "resources"):
        suffix = ".json" if name == "resources" else ".pt"
        path = directory / f"{name}{suffix}"
        if not path.is_file():
            msg = (f"model file {path} is missing. Reinstall quotes, or point "
                   f"{ENV_VAR} (or ParseConfig(model_dir=...)) at a directory "
                   f"with {', '.join(p + '.pt' for p in PROCESSORS)} and "
                   "resources.json")
            raise ModelNotAvailableError(msg, path=str(path))
        if suffix == ".pt":
            _check_model_file(path)
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
    common: dict[str, Any] = {
        "lang": "en",
        "processors": ",".join(PROCESSORS),
        "use_gpu": config.use_gpu,
        "depparse_batch_size": config.batch_size,
        "pos_batch_size": config.batch_size,
        "logging_level": "WARN",
    }
    if chosen == OFFICIAL:
        return {**common, "download_method": "reuse_resources"}
    directory = Path(chosen)
    if not directory.is_dir():
        msg = (f"model directory {directory} does not exist; set {ENV_VAR} "
               "or ParseConfig(model_dir=...) to a stanza model directory")
        raise ModelNotAvailableError(msg, path=str(directory))
    if (directory / "en").is_dir():
        return {**common, "dir": str(directory), "download_method": None}
    paths = _flat_paths(directory)
    kwargs = {**common, "dir": str(directory), "download_method": None,
              **{f"{p}_model_path": paths[p] for p in PROCESSORS}}
    pretrain = directory / PRETRAIN
    if pretrain.is_file():
        _check_model_file(pretrain)
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

    try:
        if "depparse_pretrain_path" in kwargs:
            kwargs["foundation_cache"] = _float32_pretrains(kwargs)
        nlp = stanza.Pipeline(**kwargs)
    except Exception as err:
        # stanza and torch raise many types for an unusable file
        # (UnpicklingError, EOFError, RuntimeError, KeyError, ...)
        name = type(err).__name__
        if name.endswith("NotDownloadedError") or "download" in name.lower():
            msg = (f"stanza's models are not available offline ({err}); use "
                   "the bundled model (the default) or a local directory")
            raise ModelNotAvailableError(msg) from err
        detail = f"{name}: {str(err)[:200]}" if str(err) else name
        culprit = _culprit(err, kwargs)
        where = culprit or str(kwargs.get("dir", "stanza's resources"))
        what = (f"could not load model file {where}: it is corrupt or not "
                "a stanza model" if culprit else
                f"could not load the stanza model {where}")
        msg = (f"{what} ({detail}). Restore or replace it (reinstall quotes "
               f"for the bundled model), or set {ENV_VAR} to a working "
               "model directory")
        raise ModelNotAvailableError(msg, path=where) from err
    log.info("stanza pipeline built from %s", kwargs.get("dir", OFFICIAL))
    return nlp


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
