"""Shared fixtures: a real SQLite file per test, the CLI runner, and the shared datasets (or a skip)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("PHYSIOHUB_SHARED_DATA", REPO.parent / "shared" / "data"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "hub.db"


@pytest.fixture
def store(db_path: Path):
    from physiohub.store import Store

    s = Store(db_path)
    yield s
    s.close()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared datasets not found at {SHARED_DATA} (set PHYSIOHUB_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()
