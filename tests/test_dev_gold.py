"""Facts that must hold beyond the bundled document (issue #15): agencies, places, qualifiers and after states,
scored against the dev collections (constructed, tests/data/dev) with the rules of tests/_dev_scoring.py.

Floors are what the extractor reaches now; the issue's targets that are not yet met are named in the note
of the branch, not asserted here.
"""

from __future__ import annotations

from _dev_scoring import case_batches, extracted, score_collection, score_sentences, sentence_case
from _gold_cases import make_case

from ftzgraph.graph.extract.agencies import extract_agencies_and_mentions
from ftzgraph.graph.extract.outcomes import extract_outcomes
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.views.records import case_records


def test_bundled_document_stays_at_gold_level() -> None:
    s = score_collection("hlj-ftz-2023-batch3")
    print(f"\nbundled: provider {s.provider}, batch {s.batch}, zone {s.zone}, P {s.precision:.2f} R {s.recall:.2f}")
    assert (s.provider, s.batch, s.zone) == (28, 28, 28)
    assert s.precision >= 0.97 and s.recall >= 0.95
    assert s.qualifiers_right == s.qualifiers_expected


def test_agencies_in_another_provinces_layout_meet_the_targets() -> None:
    s = score_collection("henan-style-2024")
    print(f"\nhenan: agencies P {s.precision:.2f} R {s.recall:.2f}; origins {s.batch}/{s.zone} of {s.cases}")
    assert s.precision >= 0.92 and s.recall >= 0.88
    assert s.batch == s.cases


def test_dev_sentences_floor() -> None:
    t = score_sentences()
    print(f"\nsentences: both right {t.both}/{t.total}")
    assert t.both / t.total >= 0.9


def test_short_forms_take_the_case_city_and_standard_name() -> None:
    text = "市发改委、市住建局会同市交警支队，与郑州海关联合推进。海关对企业开展培训。"
    agencies, mentions = extract_agencies_and_mentions(make_case(text), "郑州市")
    assert [a.name for a in agencies] == [
        "郑州市发展和改革委员会",
        "郑州市住房和城乡建设局",
        "郑州市公安局交通警察支队",
        "郑州海关",
    ]
    assert {m.as_written: m.confidence for m in mentions}["市发改委"] == "medium"


def test_a_body_named_as_a_place_or_a_provider_line_is_not_an_actor() -> None:
    text = "（报送单位：洛阳市人民政府）\n并在银行、政务服务中心设置帮办网点。市科技局牵头办理。"
    agencies, _ = extract_agencies_and_mentions(make_case(text), "洛阳市")
    assert [a.name for a in agencies] == ["洛阳市科学技术局"]


def test_no_invented_names_from_a_city_and_a_generic_word() -> None:
    text = "联合人民银行和外汇管理局开展培训。司法所负责调解。"
    agencies, mentions = extract_agencies_and_mentions(make_case(text), "绥芬河市")
    names = {a.name for a in agencies}
    assert "绥芬河市外汇管理局" not in names and "绥芬河市司法所" not in names
    assert {m.as_written: m.agency for m in mentions}["司法所"] is None


def test_area_committee_is_the_provider_areas_full_name() -> None:
    text = "片区管委会牵头，会同相关部门开展联合检查。"
    agencies, _ = extract_agencies_and_mentions(make_case(text), "中国（河南）自由贸易试验区郑州片区管委会")
    assert [a.name for a in agencies] == ["中国（河南）自由贸易试验区郑州片区管理委员会"]


def test_a_verb_glued_to_a_place_stem_is_no_place() -> None:
    cases = extracted("henan-style-2024")
    assert not [a.name for c in cases.values() for a in c.agencies if a.name.startswith("委托")]


def test_qualifiers_and_non_numeric_after_values_are_kept() -> None:
    text = "覆盖300余家法人企业，办理时间由5个工作日压缩至即办，节约成本约2100万元，时间缩短至30分钟以内。"
    outcomes = extract_outcomes(make_case(text))
    by_value = {o.value: o for o in outcomes if o.value is not None}
    assert by_value[300].qualifier == "余"
    assert by_value[2100].qualifier == "约"
    assert any(o.after_text == "即办" and o.before == 5 for o in outcomes)
    assert by_value[30].qualifier == "以内"


def test_a_pdf_layout_with_running_headers_gives_every_case_with_its_provider() -> None:
    s = score_collection("guangxi-style-2024")
    print(f"\nguangxi: cases {s.found}/{s.cases}, provider {s.provider}, P {s.precision:.2f} R {s.recall:.2f}")
    assert s.found == s.cases == 8
    assert s.provider >= 6


def test_guangxi_origins_are_all_right() -> None:
    s = score_collection("guangxi-style-2024")
    assert (s.batch, s.zone) == (s.cases, s.cases), s.misses


def test_page_numbers_and_running_headers_are_blanked_with_offsets_kept() -> None:
    from ftzgraph.graph.sources.page_furniture import mask_page_furniture

    text = "甲文件\n正文一\n— 1 —\n某某办公室文件\n正文二\n— 2 —\n某某办公室文件\n正文三\n"
    masked = mask_page_furniture(text)
    assert masked is not None and len(masked) == len(text)
    assert "某某办公室文件" not in masked and "— 1 —" not in masked
    assert "正文三" in masked and "甲文件" in masked
    assert mask_page_furniture("只有一页\n— 1 —\n") is None


def test_origin_phrasings_of_the_genre() -> None:
    cases = {
        "本市借鉴商务部印发的第4批“最佳实践案例”中福建自贸试验区的做法，推行X。": ({("最佳实践案例", 4)}, {"fujian"}),
        "该模式源于四川自贸试验区川南临港片区的探索，入选第三批最佳实践案例。": ({("最佳实践案例", 3)}, {"sichuan"}),
        "以湖北自贸试验区宜昌片区“多测合一”改革为蓝本，推行联合测绘。": (set(), {"hubei"}),
        "据介绍,横琴自贸片区已有3项试点经验入选全国自贸试验区最佳实践案例。": ({("最佳实践案例", None)}, {"guangdong"}),
        "本市复制推广我省第二批复制推广经验。": (set(), set()),
        "自贸试验区建设以来，已向全国复制推广了114项改革试点经验。": (set(), set()),
        "形成了自贸试验区第七批改革试点经验，将在全国范围内复制推广。": (set(), set()),
        "上海自貿試驗區試制度、探新路，持續探索制度突破。": (set(), set()),
    }
    for text, (batches, zones) in cases.items():
        case = sentence_case(text)
        assert (case_batches(case), {o.zone for o in case.origins if o.zone}) == (batches, zones), text


def test_every_item_of_an_enumeration_gets_its_own_label() -> None:
    text = "覆盖 300 余家法人企业、1000 余家个体工商户、21 家社会组织、40 余家行政事业单位。"
    assert [(o.what, o.value, o.qualifier) for o in extract_outcomes(make_case(text))] == [
        ("法人企业", 300, "余"),
        ("个体工商户", 1000, "余"),
        ("社会组织", 21, None),
        ("行政事业单位", 40, "余"),
    ]
    text = "并为 39 个市直部门和 322 个县（市）区部门开通账号。"
    assert [(o.what, o.value) for o in extract_outcomes(make_case(text))] == [("市直部门", 39), ("县（市）区部门", 322)]


def test_the_bundled_documents_wrong_facts_are_gone() -> None:
    cases = extracted("hlj-ftz-2023-batch3")
    names = {a.name for c in cases.values() for a in c.agencies}
    assert not names & {"绥芬河市外汇管理局", "绥芬河市司法所", "绥芬河市政务服务中心"}
    outcomes = [o for c in cases.values() for o in c.outcomes]
    assert ("县（市）区部门", 322) in {(o.what, o.value) for o in outcomes}
    assert any(o.value == 300 and o.what == "法人企业" and o.qualifier == "余" for o in outcomes)
    assert any(o.after_text == "即办" for o in outcomes)


def test_cases_export_carries_qualifiers_after_text_and_agency_mentions(built_store: OxigraphStore) -> None:
    records = case_records(built_store)
    outcomes = [o for r in records for o in r["outcomes"]]
    assert {"qualifier", "after_text"} <= set(outcomes[0])
    assert any(o["qualifier"] == "余" and o["value"] == 300 for o in outcomes)
    assert any(o["after_text"] == "即办" for o in outcomes)
    mentions = [m for r in records for m in r["agency_mentions"]]
    assert {m["confidence"] for m in mentions} <= {"high", "medium", "low"}
    assert any(m["as_written"] == "司法所" and m["agency"] is None and m["confidence"] == "low" for m in mentions)
    assert any(m["as_written"] == "市发改委" and m["agency"] == "鹤岗市发展和改革委员会" for m in mentions)
    ask = "ASK { ?o <https://w3id.org/ftzgraph/ontology#qualifier> ?q }"
    assert built_store.ask(ask)


def test_one_measure_written_two_ways_has_one_unit() -> None:
    outcomes = extract_outcomes(make_case("办理时间由5工作日压缩至2个工作日内，通过率98％。"))
    assert [(o.unit, o.before, o.value, o.qualifier) for o in outcomes] == [
        ("个工作日", 5, 2, "内"),
        ("%", None, 98, None),
    ]


def test_a_place_in_any_province_prefixes_its_body() -> None:
    text = "区市场监管局、区发改局会同成都海关推进，在区政务服务中心设立专窗；市商务局指导推动。"
    agencies, _ = extract_agencies_and_mentions(make_case(text), "成都市双流区")
    assert [a.name for a in agencies] == [  # a district's bodies are named with its city (names like 新华区 repeat)
        "成都市双流区市场监督管理局",
        "成都市双流区发展和改革局",
        "成都海关",
        "成都市商务局",
    ]
    text = "会同市场监管局推进；在市商务局的指导下设立工作专班。"
    names = [a.name for a in extract_agencies_and_mentions(make_case(text), "许昌市")[0]]
    assert names == ["许昌市市场监督管理局", "许昌市商务局"]  # 会同 is a verb, not 会同县; 指导 makes an actor
