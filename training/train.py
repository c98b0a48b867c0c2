"""Train the bundled English stanza model: one entry point, resumable.

    python -m training.train prepare            # data from ../shared/ud
    python -m training.train pretrain           # GloVe -> stanza pretrain
    python -m training.train tokenize|mwt|lemma|pos|depparse
    python -m training.train package            # copy into quotes/model

Each component trains with stanza's own trainer (in this process, with the
``fast_bilinear`` patch) on UD English EWT + GUM train, selecting on their
dev sets. Work files go to ``--work`` (default ``build/train``); a rerun of
the parser continues from its checkpoint (step count and optimizer), the
tagger from the weights of its last saved model (stanza's tagger keeps no
checkpoint), and tokenize/mwt/lemma are skipped once their model exists.
``--steps N`` sets the step budget (the parser's counts from its start,
the continued tagger's from the restart). ``--profile gpu`` trains the larger
models we ship when a GPU is at hand (``training/gpu.sh``). pos and depparse
use the GloVe pretrain that ``pretrain`` writes (``training/pretrain.py``);
``--no-vectors`` trains them without it, as the shipped model was.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UD = ROOT.parent / "shared" / "ud"
TREEBANKS = ("UD_English-EWT/en_ewt", "UD_English-GUM/en_gum")
SHORT = "en_combined"
COMPONENTS = ("tokenize", "mwt", "lemma", "pos", "depparse")
# the GloVe pretrain of pos and depparse, in the work and model directories
# (the name quotes._parse looks for)
PRETRAIN = "pretrain.pt"

# compact sizes that train in about 100 minutes on two CPU cores
STEPS = {"tokenize": 3000, "pos": 2500, "depparse": 3000}
EPOCHS = {"mwt": 2}

# network sizes and step budgets per profile: "cpu" is the compact model
# trained on two cores; "gpu" is what fits the wheel (< 60 MB) when a GPU
# trains it (stanza's default tagger; a parser with 300-wide layers)
PROFILES: dict[str, dict[str, list[str]]] = {
    "cpu": {
        "pos": ["--hidden_dim", "200", "--char_hidden_dim", "200",
                "--deep_biaff_hidden_dim", "200", "--eval_interval", "250",
                "--batch_size", "100"],
        "depparse": ["--hidden_dim", "200", "--char_hidden_dim", "100",
                     "--deep_biaff_hidden_dim", "200", "--num_layers", "3",
                     "--batch_size", "2000", "--eval_interval", "200",
                     "--checkpoint_interval", "100"],
        "tokenize": ["--eval_steps", "250"],
    },
    "gpu": {
        "pos": ["--hidden_dim", "200", "--char_hidden_dim", "400",
                "--deep_biaff_hidden_dim", "400", "--eval_interval", "300",
                "--batch_size", "250"],
        "depparse": ["--hidden_dim", "300", "--char_hidden_dim", "200",
                     "--deep_biaff_hidden_dim", "300", "--num_layers", "3",
                     "--batch_size", "5000", "--eval_interval", "300",
                     "--checkpoint_interval", "1000"],
        "tokenize": ["--eval_steps", "500"],
    },
}
GPU_STEPS = {"tokenize": 20000, "pos": 50000, "depparse": 50000}

log = logging.getLogger("training")


def paths(work: Path) -> dict[str, Path]:
    """Where each data and model file lives under *work*."""
    data, models = work / "data", work / "models"
    out = {"data": data, "models": models,
           "pretrain": models / PRETRAIN}
    for split in ("train", "dev"):
        out[f"{split}_conllu"] = data / f"{SHORT}.{split}.conllu"
        out[f"{split}_txt"] = data / f"{SHORT}.{split}.txt"
        out[f"{split}_labels"] = data / f"{SHORT}-ud-{split}.toklabels"
        out[f"{split}_mwt"] = data / f"{SHORT}-ud-{split}-mwt.json"
    return out


def prepare(work: Path) -> None:
    """Concatenate the treebanks and make the tokenizer's label files."""
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    p = paths(work)
    p["data"].mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        with p[f"{split}_conllu"].open("w", encoding="utf-8") as out:
            for tb in TREEBANKS:
                text = (UD / f"{tb}-ud-{split}.conllu").read_text("utf-8")
                out.write(text.rstrip("\n") + "\n\n")
        conllu_to_text.convert_text(str(p[f"{split}_conllu"]),
                                    str(p[f"{split}_txt"]))
        prepare_tokenizer_data.main([
            str(p[f"{split}_txt"]), str(p[f"{split}_conllu"]),
            "-o", str(p[f"{split}_labels"]), "-m", str(p[f"{split}_mwt"])])
    log.info("data ready in %s", p["data"])


def make_pretrain(work: Path, max_words: int) -> None:
    """Convert the installed GloVe vectors into the work pretrain file."""
    from training import pretrain

    words, vectors = pretrain.read_glove(pretrain.glove_dir())
    out = paths(work)["pretrain"]
    kept = pretrain.convert(words, vectors, out, max_words)
    log.info("pretrain: %d words x %d dims in %s", kept, vectors.shape[1],
             out)


def _vector_args(work: Path, vectors: bool) -> list[str]:
    """The pretrain arguments of the tagger and the parser."""
    if not vectors:
        return ["--no_pretrain"]
    pretrain = paths(work)["pretrain"]
    if not pretrain.is_file():
        msg = (f"{pretrain} does not exist: run `python -m training.train "
               "pretrain` first, or train with --no-vectors")
        raise SystemExit(msg)
    return ["--wordvec_pretrain_file", str(pretrain)]


def _args(component: str, work: Path, steps: dict[str, int],
          profile: str = "cpu", vectors: bool = True) -> list[str]:
    p = paths(work)
    sizes = PROFILES[profile].get(component, [])
    models, data = p["models"], p["data"]
    common = ["--lang", "en", "--shorthand", SHORT,
              "--save_dir", str(models), "--save_name", f"{component}.pt"]
    tagged = ["--train_file", str(p["train_conllu"]),
              "--eval_file", str(p["dev_conllu"]),
              "--output_file", str(data / f"{component}.dev.pred.conllu")]
    if component == "tokenize":
        return [*common, "--txt_file", str(p["train_txt"]),
                "--label_file", str(p["train_labels"]),
                "--mwt_json_file", str(p["train_mwt"]),
                "--dev_txt_file", str(p["dev_txt"]),
                "--dev_label_file", str(p["dev_labels"]),
                "--dev_conll_gold", str(p["dev_conllu"]),
                "--conll_file", str(data / "tokenize.dev.pred.conllu"),
                "--steps", str(steps["tokenize"]), *sizes]
    if component == "mwt":
        return [*common, *tagged, "--gold_file", str(p["dev_conllu"]),
                "--num_epoch", str(EPOCHS["mwt"])]
    if component == "lemma":
        # the dictionary lemmatizer (train-set lemmas, with identity and
        # rules for unseen words); the seq2seq model takes hours on a CPU
        return [*common[2:], *tagged, "--dict_only"]
    if component == "pos":
        return [*common, *tagged, *_vector_args(work, vectors), *sizes,
                "--max_steps", str(steps["pos"])]
    if component == "depparse":
        return [*common, *tagged, *_vector_args(work, vectors), *sizes,
                "--max_steps", str(steps["depparse"]),
                "--checkpoint_save_name",
                str(models / "depparse_checkpoint.pt")]
    raise ValueError(component)


def _continue_tagger(saved: Path) -> None:
    """Make stanza's tagger start from the weights in *saved*."""
    from stanza.models import tagger

    fresh = tagger.Trainer

    def trainer(**kwargs: object) -> object:
        if kwargs.get("model_file") is None:  # the fresh model, not a reload
            kwargs.pop("vocab", None)
            kwargs["model_file"] = str(saved)
            log.info("continuing the tagger from %s", saved)
        return fresh(**kwargs)

    tagger.Trainer = trainer  # type: ignore[assignment]


def _atomic_saves() -> None:
    """Make ``torch.save`` to a path write a temporary file, then rename it.

    A run stopped at any moment (``timeout``, a lost session) then leaves
    every saved model whole: the last complete one, never a torn file.
    """
    import torch

    save = torch.save

    def atomic(obj: object, f: object, *args: object,
               **kwargs: object) -> None:
        if not isinstance(f, (str, os.PathLike)):
            save(obj, f, *args, **kwargs)
            return
        tmp = f"{os.fspath(f)}.tmp"
        save(obj, tmp, *args, **kwargs)
        os.replace(tmp, f)

    torch.save = atomic  # type: ignore[assignment]


def train(component: str, work: Path, steps: int | None = None,
          profile: str = "cpu", vectors: bool = True) -> None:
    """Train one component with stanza's trainer (resumable)."""
    import torch

    from training import fast_bilinear

    torch.set_num_threads(int(os.environ.get("TRAIN_THREADS", "1")))
    fast_bilinear.install()
    _atomic_saves()
    target = paths(work)["models"] / f"{component}.pt"
    if target.exists() and component in {"tokenize", "mwt", "lemma"}:
        log.info("%s exists; delete it to retrain", target)
        return
    paths(work)["models"].mkdir(parents=True, exist_ok=True)
    budget = dict(STEPS if profile == "cpu" else GPU_STEPS)
    if steps is not None:
        budget[component] = steps
    if component == "pos" and target.exists():
        _continue_tagger(target)
    trainer = {
        "tokenize": "stanza.models.tokenizer",
        "mwt": "stanza.models.mwt_expander",
        "lemma": "stanza.models.lemmatizer",
        "pos": "stanza.models.tagger",
        "depparse": "stanza.models.parser",
    }[component]
    module = __import__(trainer, fromlist=["main"])
    module.main(_args(component, work, budget, profile, vectors))


# stored as float16 in the shipped copy (stanza's load_state_dict casts
# them back to float32 on load); halves the two big files
HALF = ("pos", "depparse")


def _half(value: object) -> object:
    """Float32 tensors (nested in dicts) as float16: half the file size."""
    import torch

    if isinstance(value, torch.Tensor) and value.dtype == torch.float32:
        return value.half()
    if isinstance(value, dict):
        return {k: _half(v) for k, v in value.items()}
    return value


def _lexicon_words(name: str) -> set[str]:
    """First-column words of one of quotes' lexicon files."""
    path = ROOT / "quotes" / "lexicons" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0].strip() for line in lines
            if line.strip() and not line.startswith("#")}


def _widen_lemmas(state: dict[str, object], train_conllu: Path) -> None:
    """Add capitalised and inflected forms to the lemma dictionary."""
    from stanza.models.lemma import trainer

    from training import lemma_dict

    pos_dict = trainer._unpack_pos_dict(state["dicts"])
    nouns, verbs = lemma_dict.treebank_lemmas(train_conllu)
    added = lemma_dict.extend(
        pos_dict, nouns | _lexicon_words("role_nouns.txt"),
        verbs | _lexicon_words("reporting_verbs.tsv"))
    state["dicts"] = trainer._pack_pos_dict(pos_dict)
    log.info("lemma dictionary: %d forms added", added)


def uses_vectors(state: dict[str, object]) -> bool:
    """Whether a saved tagger or parser was trained with a pretrain."""
    config = state.get("config")
    return isinstance(config, dict) and bool(config.get("pretrain"))


def _package_pretrain(work: Path, dest: Path) -> None:
    """Store the work pretrain in *dest* once (float16), for pos and depparse.

    ``quotes._parse`` passes it to both processors and casts it back to
    float32 (stanza's models run float32 embeddings only).
    """
    import torch

    src = paths(work)["pretrain"]
    if not src.is_file():
        msg = f"the models use word vectors but {src} is missing"
        raise SystemExit(msg)
    data = torch.load(src, map_location="cpu", weights_only=True)
    data["emb"] = data["emb"].half()
    torch.save(data, dest / PRETRAIN)
    log.info("pretrain: %.1f MB", (dest / PRETRAIN).stat().st_size / 2**20)


def package(work: Path, dest: Path,
            components: tuple[str, ...] = COMPONENTS) -> None:
    """Copy the trained models into *dest*, small enough to ship.

    Optimizer state is dropped and weights are stored as float16; stanza
    copies them into its float32 parameters when it loads them. When pos or
    depparse was trained with word vectors, their pretrain is stored once
    beside them; when both are packaged without vectors, a stale one is
    removed.
    """
    import torch

    dest.mkdir(parents=True, exist_ok=True)
    vectors: dict[str, bool] = {}
    for component in components:
        src = paths(work)["models"] / f"{component}.pt"
        state = torch.load(src, map_location="cpu", weights_only=False)
        for key in ("optimizer", "optimizers", "scheduler", "schedulers",
                    "dev_score_history"):
            state.pop(key, None)
        if isinstance(state.get("model"), dict):
            state["model"] = _half(state["model"])
        if component == "lemma":
            _widen_lemmas(state, paths(work)["train_conllu"])
        if component in HALF:
            vectors[component] = uses_vectors(state)
        torch.save(state, dest / f"{component}.pt")
        log.info("%s: %.1f MB", component,
                 (dest / f"{component}.pt").stat().st_size / 2**20)
    (dest / "resources.json").write_text(
        '{"en": {"lang_name": "English", "default_processors": {}, '
        '"default_dependencies": {}}}\n', encoding="utf-8")
    if any(vectors.values()):
        _package_pretrain(work, dest)
    elif len(vectors) == len(HALF):
        (dest / PRETRAIN).unlink(missing_ok=True)
    log.info("packaged into %s", dest)


def main(argv: list[str] | None = None) -> int:
    """Run one step of the recipe."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step",
                    choices=("prepare", "pretrain", *COMPONENTS, "package"))
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "train")
    ap.add_argument("--steps", type=int, default=None,
                    help="step budget for tokenize, pos or depparse")
    ap.add_argument("--dest", type=Path, default=ROOT / "quotes" / "model")
    ap.add_argument("--profile", choices=tuple(PROFILES), default="cpu",
                    help="network sizes: compact (cpu) or larger (gpu)")
    ap.add_argument("--components", default=",".join(COMPONENTS),
                    help="package only these (comma-separated)")
    ap.add_argument("--no-vectors", dest="vectors", action="store_false",
                    help="train pos and depparse without the GloVe pretrain")
    ap.add_argument("--max-words", type=int, default=None,
                    help="pretrain: keep this many most frequent words")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    if args.step == "prepare":
        prepare(args.work)
    elif args.step == "pretrain":
        from training.pretrain import MAX_WORDS

        make_pretrain(args.work, args.max_words or MAX_WORDS)
    elif args.step == "package":
        package(args.work, args.dest, tuple(args.components.split(",")))
    else:
        train(args.step, args.work, args.steps, args.profile, args.vectors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
