"""The one way to read the files under ``data/``: reference facts, word lists, agency names, styles, fonts.

Why one module: the files ship inside the package (``ftzgraph.data``), so they are found through the
package, never a path relative to the working folder; parsed files are read once per process; and a
reader of the code finds every data file a module depends on by one name. YAML is read with libyaml's C
loader where it is installed: the pure-Python loader was a visible share of a many-document build's profile.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(*parts: str) -> Path:
    """The path of ``data/<parts>`` in the installed package (a folder or a file)."""
    return Path(str(resources.files("ftzgraph.data"))).joinpath(*parts)


def read_data_text(*parts: str) -> str:
    """The text of ``data/<parts>`` (UTF-8)."""
    return data_path(*parts).read_text(encoding="utf-8")


def read_yaml(text: str) -> Any:
    """YAML text parsed safely (the fast C loader when available)."""
    return yaml.load(text, Loader=_Loader)


@cache
def load_yaml(*parts: str) -> Any:
    """``data/<parts>`` parsed as YAML (cached; do not mutate)."""
    return read_yaml(read_data_text(*parts))


@cache
def load_json(*parts: str) -> Any:
    """``data/<parts>`` parsed as JSON (cached; do not mutate)."""
    return json.loads(read_data_text(*parts))


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """``data/lexicon/{name}.yaml`` as a dict (cached, the same dict on every call: rules read their words at every
    case, so a fresh copy per call was a cost of its own; do not mutate)."""
    return dict(load_yaml("lexicon", f"{name}.yaml"))
