"""PhysioHub's one exception tree. Core code raises these; the CLI and the web app translate them.

    PhysioHubError
    ├── ConfigError          a setting is missing or wrong
    ├── IngestError          a file or record could not be read (names the file and record)
    │   └── UnsafeInputError hostile input refused (external entities, entity bombs, binary data)
    ├── StoreError           the database refused or is in a state we cannot use
    │   └── StoreBusy        another writer (an import) held the write lock too long: try again
    ├── NotFound             no study, card or user with that id
    ├── InvalidInput         a parameter or query is not acceptable (web: 400)
    ├── PermissionDenied     signed in, but not allowed (web: 403)
    ├── OnlineError          a remote service (PubMed, Crossref, an LLM endpoint) failed or is unreachable
    └── GroundingError       generated text carries a number or claim not found in the source
"""
from __future__ import annotations


class PhysioHubError(Exception):
    """Base class: `str(err)` is a one-line reason fit to show a user."""


class ConfigError(PhysioHubError):
    pass


class IngestError(PhysioHubError):
    def __init__(self, message: str, *, file: str | None = None, record: str | None = None):
        self.file = file
        self.record = record
        where = ", ".join(p for p in (file, f"record {record}" if record else None) if p)
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message


class UnsafeInputError(IngestError):
    pass


class StoreError(PhysioHubError):
    pass


class StoreBusy(StoreError):
    """Another connection held the write lock for longer than the busy timeout (web: 503, try again)."""


class NotFound(PhysioHubError):
    pass


class InvalidInput(PhysioHubError):
    pass


class PermissionDenied(PhysioHubError):
    pass


class OnlineError(PhysioHubError):
    pass


class GroundingError(PhysioHubError):
    pass
