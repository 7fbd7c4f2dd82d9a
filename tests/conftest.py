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


# -- the web hub's sample data, shared by the web test modules --------------------------------------
WEB_PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A filled sample hub (invented studies, an editor and an admin), built once per module."""
    from physiohub.store import Store
    from physiohub.web import auth, sample

    path = tmp_path_factory.mktemp("template") / "hub.db"
    store = Store(path)
    ids = sample.fill(store)
    auth.add_user(store, "edna", WEB_PASSWORD, "editor")
    auth.add_user(store, "ada", WEB_PASSWORD, "admin")
    store.close()  # checkpoints the WAL into the file, so a plain copy is the whole database
    return path, ids


@pytest.fixture
def hub(template, tmp_path):
    """A private copy of the sample hub for one test: (path, ids)."""
    import shutil

    path = tmp_path / "hub.db"
    shutil.copyfile(template[0], path)
    return path, template[1]


@pytest.fixture
def client(hub):
    """The web app over ``hub`` (a module may define its own ``hub``), through real HTTP handling."""
    from starlette.testclient import TestClient

    from physiohub.web import create_app

    with TestClient(create_app(str(hub[0]))) as c:
        yield c


def csrf(html: str) -> str:
    """The CSRF token of a page's form."""
    import re

    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
