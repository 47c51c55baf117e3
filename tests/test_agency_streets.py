"""Street offices (graph/extract/_agency_streets.py): a street office written by its own short name acts and is named
after the case's district (issue #15, helper z25g). Texts are worded for the test, in places no held-out part uses.
"""

from __future__ import annotations

from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions


def _names(text: str, provider: str | None) -> list[str]:
    return [a.name for a in extract_agencies_and_mentions(make_case(text), provider)[0]]


def test_a_street_office_after_a_joint_word_is_the_districts() -> None:
    text = "区民政局会同金沙街道办事处推行养老服务“时间银行”。"
    assert any(n.endswith("红花岗区金沙街道办事处") for n in _names(text, "遵义市红花岗区"))


def test_a_street_office_under_its_district_and_by_its_short_word() -> None:
    names = _names("红花岗区金沙街道办牵头设立调解室。", "遵义市红花岗区")
    assert any(n.endswith("红花岗区金沙街道办事处") for n in names), names


def test_street_offices_in_general_are_no_body() -> None:
    # guard: 各街道办事处 is every office, no one body; a clause's words before the word are no stem
    names = _names("区民政局推行养老服务“时间银行”，各街道办事处做好配合，推进街道办事处改革。", "遵义市红花岗区")
    assert not any("街道" in n for n in names), names
