"""Shipped model files (joblib) loaded once per process, on first use.

The appraisal's result-direction model, the cards' sentence-role model and the PICO tagger each load a
joblib file of a few MB: lazily (importing a module must not cost the load), once (threads of the web
server may ask at the same time; the lock keeps it to one read), and with a clear error naming the
training script when the file is missing (a clone without the file must not show a traceback).
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

from .errors import ConfigError

_lock = threading.Lock()
_loaded: dict[Path, Any] = {}


def load_once(path: Path, what: str, train_script: str, prepare: Callable[[Any], Any] | None = None) -> Any:
    """The object in the joblib file ``path`` (after ``prepare``), read on the first call only."""
    model = _loaded.get(path)
    if model is None:
        with _lock:
            model = _loaded.get(path)
            if model is None:
                if not path.exists():
                    raise ConfigError(f"{what} missing: {path.name}; run {train_script}")
                import joblib  # comes with scikit-learn; imported here so importing a module costs nothing

                model = joblib.load(path)
                if prepare is not None:
                    model = prepare(model)
                _loaded[path] = model
    return model


def with_vocab_index(model: dict[str, Any]) -> dict[str, Any]:
    """A linear text model's dict with ``index`` (term -> column) built from its ``vocab`` list: the files store
    the list only, and a lookup per token needs the map."""
    model["index"] = {t: k for k, t in enumerate(model["vocab"])}
    return model
