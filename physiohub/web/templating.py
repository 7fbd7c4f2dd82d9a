"""The pages' Jinja environment, with the two per-render costs that showed in profiles of the search page
taken out (docs/benchmarks.md, "Search pages: CPU per request"), neither changing what any page shows.

- ``item.title`` on a dict: Jinja first tries ``getattr(dict, "title")``, which raises and catches an
  AttributeError, then falls back to ``item["title"]``; the pages pass dicts everywhere, so that was ~10% of a
  search page's CPU. A plain dict has no attributes but its class's (``dir(dict)``), so for any other name the
  item look-up is what Jinja would end up doing anyway; ``d.items`` and the like still give the method.
- ``auto_reload``: every ``get_template`` (and each ``extends``, ``import`` and ``include`` inside a render)
  checked the template file's modification time. The templates ship with the package and a server is
  restarted to change them, so they are read once per process.
"""
from __future__ import annotations

from typing import Any

from jinja2 import Environment

_DICT_ATTRS = frozenset(dir(dict))


class PageEnvironment(Environment):
    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRS:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)
