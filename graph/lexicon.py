"""The word lists of the genre in ``data/lexicon/*.yaml``, read once per process.

YAML is read with libyaml's C loader where it is installed: the pure-Python loader was a visible share of a
many-document build's profile.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> Any:
    """YAML text parsed safely (the fast C loader when available)."""
    return yaml.load(text, Loader=_Loader)


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """``data/lexicon/{name}.yaml`` as a dict (cached; do not mutate)."""
    path = resources.files("ftzgraph.data") / "lexicon" / f"{name}.yaml"
    return dict(read_yaml(path.read_text(encoding="utf-8")))
