"""Shipped model files load once per process, and a missing file is a clear error (physiohub/model_file.py)."""
from __future__ import annotations

import threading

import joblib
import pytest

from physiohub.errors import ConfigError
from physiohub.model_file import load_once


def test_a_missing_model_file_names_the_file_and_the_training_script(tmp_path):
    with pytest.raises(ConfigError, match=r"role model missing: roles\.joblib; run train_roles\.py"):
        load_once(tmp_path / "roles.joblib", "role model", "train_roles.py")


def test_loaded_once_even_when_threads_ask_together(tmp_path):
    path = tmp_path / "m.joblib"
    joblib.dump({"vocab": ["a", "b"]}, path)
    calls = []

    def prepare(m):
        calls.append(1)
        m["index"] = {t: k for k, t in enumerate(m["vocab"])}
        return m

    got = []
    threads = [threading.Thread(target=lambda: got.append(load_once(path, "m", "x", prepare))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and all(g is got[0] for g in got) and got[0]["index"] == {"a": 0, "b": 1}
