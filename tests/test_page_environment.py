"""The pages' Jinja environment looks a plain dict's keys up first (api/pages.py) and answers as Jinja does; a
served process compiles the templates as it starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from ftzgraph.api.pages import templates

SOURCE = (
    "{{ d.title }}|{{ d.items is defined }}|{{ d.missing is defined }}|{{ d.missing }}|{{ d.nested.label }}|"
    "{{ d.get('title') }}|{% for k, v in d.items() %}{{ k }}{% endfor %}|{{ o.real }}|{{ d['items'] }}"
)


def test_dict_fields_render_as_with_jinja_s_own_lookup() -> None:
    data = {"d": {"title": "标题", "items": "键", "nested": {"label": "<b>"}}, "o": 3}
    ours = templates.env.from_string(SOURCE).render(data)
    plain = jinja2.Environment(autoescape=True).from_string(SOURCE).render(data)
    assert ours == plain
    assert ours.startswith("标题|True|False||&lt;b&gt;|标题|")  # "items" stays the dict's method for d.items


def test_a_missing_key_is_undefined_and_strict_undefined_still_raises() -> None:
    env = type(templates.env)(undefined=jinja2.StrictUndefined)
    with pytest.raises(jinja2.UndefinedError, match="missing"):
        env.from_string("{{ d.missing }}").render(d={})


WARM_PROBE = """
from ftzgraph.api.app import app_from_environment
from ftzgraph.api.concept_labels import _labels
from ftzgraph.api.pages import templates
assert len(templates.env.cache) == 0 and _labels.cache_info().currsize == 0
app = app_from_environment()
names = templates.env.list_templates(filter_func=lambda name: name.endswith(".html"))
print(len(names), len(templates.env.cache), _labels.cache_info().currsize)
"""


def test_the_app_ftzgraph_serve_runs_has_its_templates_compiled_and_concept_names_read(tmp_path: Path) -> None:
    """A fresh worker's first page would otherwise compile the templates and parse the vocabulary, and every
    request arriving meanwhile would wait for it."""
    import pyoxigraph as ox

    ox.Store(str(tmp_path / "store")).flush()
    env = {**os.environ, "FTZGRAPH_STORE": str(tmp_path / "store")}
    out = subprocess.run([sys.executable, "-c", WARM_PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    templates_found, compiled, labels_read = map(int, out.stdout.split())
    assert templates_found >= 10 and compiled == templates_found and labels_read == 1
