"""How a reference fact is known: source kinds by URL rules, bundled documents never independent."""

from __future__ import annotations

import pytest

from ftzgraph.graph.extract.source_kinds import independent, is_bundled, kind_label, source_kind


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("https://english.www.gov.cn/policies/latestreleases/x.html", "national_notice"),
        ("http://www.gov.cn/xinwen/2017-01/19/content_5161339.htm", "national_notice"),
        ("https://english.mofcom.gov.cn/News/PressConference/x.html", "ministry_list"),
        ("https://com.gd.gov.cn/zggdzymysyq/x.html", "provincial_document"),
        ("corpus/hlj-ftz-2023-batch3-cases.txt#L103", "provincial_document"),
        ("http://www.zhilve.com/ln/jrln/x.shtml", "news"),
    ],
)
def test_source_kind(source: str, kind: str) -> None:
    assert source_kind(source) == kind


def test_bundled_sources_are_not_independent() -> None:
    sources = ["corpus/x.txt#L1", "https://example.org/a"]
    assert is_bundled(sources[0]) and not is_bundled(sources[1])
    assert independent(sources) == ["https://example.org/a"]
    assert independent(["corpus/x.txt#L1"]) == []


def test_kind_labels_in_both_languages() -> None:
    assert (kind_label("ministry_list", "zh"), kind_label("ministry_list", "en")) == ("部委名单", "ministry list")
