"""The store: one SQLite file (WAL) by default. See db.Store."""
from .db import Store, open_store

__all__ = ["Store", "open_store"]
