"""IRIs are ASCII, stable and derived from content."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from ftzgraph.graph import iris

ASCII_IRI = re.compile(r"^https://w3id\.org/ftzgraph/id/[A-Za-z0-9/_.-]+$")


@given(st.text(min_size=1, max_size=60))
def test_names_always_give_ascii_iris(name: str) -> None:
    for iri in (iris.agency(name), iris.place(name), iris.reform(name), iris.company(name), iris.policy(None, name)):
        assert ASCII_IRI.match(str(iri)), iri


@given(st.text(min_size=1, max_size=30))
def test_same_name_same_iri(name: str) -> None:
    assert iris.agency(name) == iris.agency(name)
    assert iris.reform(f"“{name}”") == iris.reform(name)


def test_spacing_width_and_quotes_do_not_change_a_reform_iri() -> None:
    assert iris.reform("推行‘全通版’食品药品许可证") == iris.reform("推行全通版食品药品许可证")
    assert iris.reform("推进信用信息应用 加强社会诚信管理") == iris.reform("推进信用信息应用加强社会诚信管理")
    assert iris.agency("中国(黑龙江)自由贸易试验区") == iris.agency("中国（黑龙江）自由贸易试验区")


def test_policy_documents_are_identified_by_number_first() -> None:
    assert iris.policy("国函〔2019〕38号", "甲") == iris.policy("国函〔2019〕38号", "乙")
    assert iris.policy(None, "《关于甲的通知》") == iris.policy(None, "关于甲的通知")


def test_batches_and_areas_are_readable() -> None:
    assert str(iris.batch("改革试点经验", 6)).endswith("/batch/sc-6")
    assert str(iris.batch("最佳实践案例", None)).endswith("/batch/bp-unnumbered")
    assert str(iris.area("guangdong", "深圳前海蛇口片区", "Shenzhen Qianhai & Shekou Area")).endswith(
        "/zone/guangdong/shenzhen-qianhai-shekou-area"
    )
