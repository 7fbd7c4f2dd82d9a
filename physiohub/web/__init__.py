"""The web hub: server-rendered pages, an editor area and a JSON API over one store."""
from .app import create_app

__all__ = ["create_app"]
