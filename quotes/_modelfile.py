"""The small JSON models beside the parser: reading them, and the
logistic scorer the role and pronoun models share."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

from quotes._parse import bundled_model_dir
from quotes.exceptions import ModelNotAvailableError

_HINT = ("reinstall quotes, or run without the learned components "
         "(ParseConfig(learned=False), quotes extract --rules-only)")


def path_of(name: str, directory: str | Path | None = None) -> str:
    """Model file *name* in *directory* (default: the bundled model)."""
    base = Path(directory) if directory is not None else bundled_model_dir()
    return str(base / name)


def read(path: str, what: str) -> Any:
    """The JSON of the model file at *path*; *what* names it in errors.

    Raises:
        ModelNotAvailableError: the file is missing or not JSON.
    """
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        msg = f"{what} file {path} is missing; {_HINT}"
        raise ModelNotAvailableError(msg, path=path) from err
    except (OSError, ValueError) as err:
        raise corrupt(path, what, err) from err


def corrupt(path: str, what: str, err: Exception) -> ModelNotAvailableError:
    """The error for a model file whose contents are not what we wrote."""
    msg = (f"{what} file {path} is corrupt ({type(err).__name__}: {err}); "
           f"{_HINT}")
    return ModelNotAvailableError(msg, path=path)


@frozen(kw_only=True)
class Logistic:
    """Feature weights and a threshold: P(yes) of a feature dictionary."""

    weights: Mapping[str, float]
    threshold: float

    def probability(self, feats: Mapping[str, float]) -> float:
        """The logistic of the weighted sum of *feats*."""
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, object]:
        """The JSON form of the model file."""
        return {"threshold": self.threshold,
                "weights": dict(sorted(self.weights.items()))}



def logistic_fields(path: str, what: str) -> dict[str, Any]:
    """The ``weights`` and ``threshold`` of the logistic model file at
    *path*, as keyword arguments for its class.

    Raises:
        ModelNotAvailableError: the file is missing or not such a model.
    """
    data = read(path, what)
    try:
        return {"weights": {str(k): float(v)
                            for k, v in data["weights"].items()},
                "threshold": float(data["threshold"])}
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise corrupt(path, what, err) from err
