"""``graph/views/agency_matching.py``: two agency names are one body under the gold README's rule, whatever short
form, country name, province or city prefix either is written with; bodies of other places stay apart."""

from __future__ import annotations

from ftzgraph.graph.views.agency_matching import same_agency


def test_a_centrally_managed_office_is_one_body_with_or_without_the_countrys_name() -> None:
    """中华人民共和国 opens the official names of vertical offices; like the case's city prefix it tells no bodies
    apart."""
    assert same_agency("中华人民共和国厦门海事局", "厦门海事局", [])
    assert not same_agency("中华人民共和国厦门海事局", "福州海事局", [])


def test_a_regulators_short_form_is_the_full_name_the_extractor_writes() -> None:
    """X银保监分局 (older gold files) and 中国银行保险监督管理委员会X监管分局 (the extractor, newer gold files) are
    one body."""
    assert same_agency("郴州银保监分局", "中国银行保险监督管理委员会郴州监管分局", [])
    assert same_agency("鹤岗银保监局", "中国银行保险监督管理委员会鹤岗监管分局", [])  # a city's office, written short
    assert same_agency("陕西银保监局", "中国银行保险监督管理委员会陕西监管局", [])  # a province's is a 监管局
    assert not same_agency("郴州银保监分局", "中国银行保险监督管理委员会株洲监管分局", [])


def test_a_local_court_is_one_body_with_or_without_its_province() -> None:
    # gold files write a court by its official name (province first) or as texts do; the province tells none apart
    assert same_agency("湖北省十堰市中级人民法院", "十堰市中级人民法院", [])
    assert same_agency("内蒙古自治区满洲里市人民法院", "满洲里市人民法院", [])
    assert not same_agency("湖北省高级人民法院", "高级人民法院", [])  # a province's own court keeps its province
    assert not same_agency("十堰市中级人民法院", "襄阳市中级人民法院", [])


def test_a_places_one_body_written_by_an_ambiguous_short_form_is_the_gold_writers_name() -> None:
    assert same_agency("铜陵市数据资源局", "铜陵市数据资源管理局", [])
    assert same_agency("邵阳市城管局", "邵阳市城市管理局", [])
    assert same_agency("江都区文旅局", "江都区文化广电和旅游局", [])
    assert not same_agency("铜陵市行政审批和政务服务局", "铜陵市政务服务管理局", [])  # another body's tail
    assert not same_agency("铜陵市数据资源局", "池州市数据资源管理局", [])


def test_an_airports_customs_office_is_one_body_with_or_without_its_city() -> None:
    assert same_agency("南宁吴圩机场海关", "吴圩机场海关", [])
    assert same_agency("贵阳市龙洞堡机场海关", "龙洞堡机场海关", [])
    assert not same_agency("吴圩机场海关", "南宁海关", [])


def test_a_bureaus_district_branch_is_one_body_with_or_without_the_districts_qu() -> None:
    assert same_agency("佛山市公安局顺德区分局", "佛山市公安局顺德分局", [])
    assert not same_agency("佛山市公安局顺德区分局", "佛山市公安局南海分局", [])


def test_a_municipality_s_district_court_is_no_other_city_s() -> None:
    """The province a local court's official name opens with tells no two courts apart (吉林省吉林市中级人民法院 =
    吉林市中级人民法院); a municipality there is the district's own city: 北京市朝阳区人民法院 is not 长春's."""
    assert same_agency("吉林省吉林市中级人民法院", "吉林市中级人民法院", ["吉林市"])
    assert not same_agency("北京市朝阳区人民法院", "长春市朝阳区人民法院", ["长春市"])
