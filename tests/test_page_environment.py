"""The pages' Jinja environment looks a plain dict's keys up first (api/pages.py) and answers as Jinja does."""

from __future__ import annotations

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
