"""PhysioHub: an open evidence hub for musculoskeletal physiotherapy."""
from .errors import PhysioHubError
from .models import AbstractSection, Author, MeshHeading, Record

__version__ = "0.1.0"
__all__ = ["AbstractSection", "Author", "MeshHeading", "PhysioHubError", "Record", "__version__"]
