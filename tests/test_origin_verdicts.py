"""Paperwork that voids the origin its sentence names (graph/extract/_origin_verdicts.py, issue #15, helper z28c): a
claim a check rejects or finds untrue, a batch's checklist or a zone's practice held up as a yardstick with items not
started, a project still being studied; and the sentences of the same paperwork that keep their origin (a finding of
the copy, something said done). Sentences written for the test, in places and wordings of no test file."""

from __future__ import annotations

from _dev_scoring import case_batches, sentence_case

from ftzgraph.graph.extract._origin_verdicts import voided


def _zones(text: str) -> set[str | None]:
    return {o.area or o.zone for o in sentence_case(text).origins if o.kind == "zone"}


def _nothing(text: str) -> bool:
    case = sentence_case(text)
    return not case_batches(case) and not _zones(text)


def test_a_claim_that_a_check_rejects_or_finds_untrue_is_no_origin() -> None:
    assert _nothing("抽查发现，某县报送的“借鉴湖北自贸试验区宜昌片区经验”一项经核实并未实际开展，不予认定。")
    assert _nothing("某市自评材料所称“复制国务院第三批改革试点经验”与事实不符。")
    assert _nothing("某区申报的“参照福建自贸试验区平潭片区做法”事项因材料不全被退回。")
    assert _nothing("經查，某市所稱「借鑒江蘇自貿試驗區蘇州片區經驗」一事不屬實。")  # traditional script
    assert _nothing("某县自称借鉴了河南自贸试验区郑州片区“多证合一”经验，经核查系自主探索。")
    assert _nothing("据核查，某县此前宣传的“借鉴福建自贸试验区福州片区经验”实为本县自主探索形成。")
    assert _nothing("第三方评估指出，该市所谓“复制上海自贸试验区经验”仅停留在文件层面。")
    assert _nothing("某市借鉴湖北自贸试验区襄阳片区做法的申请未获批准。")
    assert _nothing("某市撤回申报的“借鉴上海自贸试验区经验”事项。")


def test_a_claim_the_sentence_says_did_not_happen_is_no_origin_and_a_claim_alone_stands() -> None:
    assert _nothing("记者调查发现，该区宣称的“借鉴上海自贸试验区经验”并未落地。")
    assert _nothing("據悉，該市號稱複製推廣第六批改革試點經驗，但相關平臺從未上線。")
    assert _zones("某市声称借鉴了天津自贸试验区天津港片区经验，效果明显。") == {"天津港片区"}


def test_a_copy_halted_is_no_origin() -> None:
    assert _nothing("某市原借鉴福建自贸试验区平潭片区的“台胞服务”做法已被叫停。")


def test_a_check_that_finds_the_copy_itself_keeps_the_origin() -> None:
    text = "经审核，“企业登记容缺办理”系复制国务院第六批改革试点经验，不予认定为制度创新成果。"
    assert not voided(text)
    assert case_batches(sentence_case(text)) == {("改革试点经验", 6)}
    assert not voided("经复核，“跨境收付一站通”属于第五批改革试点经验，不计入自主创新成果。")
    assert _zones("经核实，某市“船舶登记一窗通办”确系参照辽宁自贸试验区营口片区做法实施，予以认定。") == {"营口片区"}


def test_a_checklist_held_up_with_items_not_started_is_no_origin() -> None:
    assert _nothing("对照国务院第六批改革试点经验清单逐项梳理，某市尚有4项未启动。")
    assert _nothing("某县对照第二批最佳实践案例开展自查，相关事项均未开展。")
    assert _nothing("对照商务部第四批最佳实践案例，本市仍存在较大差距。")
    assert _nothing("整改台账显示，“借鉴重庆自贸试验区果园港片区经验”一项整改未完成。")
    assert _nothing("通报指出，某区对照第6批最佳实践案例清单，仍有7项“应复制未复制”。")  # a quoted label counts


def test_a_checklist_with_items_done_keeps_the_batch() -> None:
    text = "对照国务院第七批改革试点经验清单，某市已复制推广21项，另有3项未启动。"
    assert case_batches(sentence_case(text)) == {("改革试点经验", 7)}


def test_a_project_still_in_study_is_no_origin() -> None:
    assert _nothing("某州对标云南自贸试验区德宏片区跨境合作做法，谋划建设边境产业园，目前尚处于前期研究阶段。")
    assert _nothing("某市拟学习河南自贸试验区洛阳片区经验建设物流园，目前处于可行性研究阶段。")
    assert _nothing("某县考虑引进浙江自贸试验区宁波片区“保税燃料油加注”模式，相关方案正在起草。")
    assert _nothing("某市请示借鉴陕西自贸试验区西安国际港务区片区做法，尚待省政府批复。")
    assert _nothing("经研究，暂缓借鉴江苏自贸试验区连云港片区“海河联运”模式。")
    assert _nothing("某州参照云南自贸试验区德宏片区做法，谋划建设边境贸易加工园。")
    assert _zones("某区学习借鉴辽宁自贸试验区大连片区冷链经验，由区商务局统筹建设共享冷库。") == {"大连片区"}


def test_something_built_before_the_next_phase_is_studied_keeps_the_origin() -> None:
    text = "某市借鉴广西自贸试验区南宁片区做法建成了跨境数据中心，二期工程尚处于前期研究阶段。"
    assert _zones(text) == {"南宁片区"}
    assert not voided("经核实，该项改革为上海自贸试验区首创，已在某市落地。")  # a zone's own first is no self-claim
    # an adopter's own work built on a zone's practice is no finding against the copy
    text = "经评估，某市在借鉴浙江自贸试验区舟山片区经验基础上自主创新的“油品通关”成效显著。"
    assert not voided(text)


def test_a_rule_naming_a_range_of_batches_or_what_lies_outside_them_is_no_origin() -> None:
    assert _nothing("考核加分事项须为国务院部署的第一至第七批改革试点经验之外的自主创新成果。")
    assert _nothing("申报事项须为第三批最佳实践案例以外的原创成果。")
    assert _nothing("申报事项不在国务院第七批改革试点经验范围内。")
    assert _nothing("凡属国务院历次复制推广的改革试点经验，不作为本次评选对象。")


def test_a_line_break_inside_a_batch_phrase_keeps_the_batch() -> None:
    """A PDF's hard break between 第 and the numeral (第\\n七批) is no list line: the sentence runs on."""
    assert case_batches(sentence_case("某县复制推广的“个人破产事务管理”源自国务院第\n七批改革试点经验。")) == {
        ("改革试点经验", 7)
    }
    assert case_batches(sentence_case("某市复制推广自由贸易试验区第七\n批改革试点经验中的“保税维修”。")) == {
        ("改革试点经验", 7)
    }


def test_words_a_reforms_own_content_uses_are_no_verdict_or_stage() -> None:
    """退回, 虚报, 剔除, 可行性研究, 规划阶段 and 等待审批 are also what reforms are about: only as a verdict on a claim
    or as a status do they void an origin."""
    for text in (
        "某市借鉴浙江自贸试验区宁波片区“退货中心仓”模式，被退回的跨境商品可在区内分拣。",
        "某市借鉴浙江自贸试验区宁波片区做法，严防企业虚报出口骗取退税。",
        "某市借鉴浙江自贸试验区宁波片区做法，推行企业投资项目可行性研究报告承诺制。",
        "某市借鉴浙江自贸试验区宁波片区做法，在项目规划阶段提前介入服务，企业无需等待审批。",
        "某市借鉴浙江自贸试验区宁波片区“白名单”做法，不符合条件的企业予以剔除。",
        "某市借鉴浙江自贸试验区宁波片区“告知承诺制”做法，对承诺内容与实际不符的依法撤销许可。",
    ):
        assert not voided(text), text
        assert _zones(text) == {"宁波片区"}, text


def test_a_verdict_sentence_of_its_own_voids_the_claim_before_it() -> None:
    assert _nothing("某县报送“借鉴广西自贸试验区钦州港片区经验”一事。经核实，该事项并未实际开展，不予认定。")
    assert _nothing("某县申报“复制第四批改革试点经验”。经审核，材料依据不足，不予批准。")
    # a check that finds nothing wrong leaves the sentence before it alone
    assert _zones("某市借鉴湖北自贸试验区武汉片区做法推出“一件事”。经核实，该做法运行良好。") == {"武汉片区"}


def test_a_zone_named_as_a_parallel_pilot_or_an_object_of_comparison_is_no_origin() -> None:
    assert _nothing("某县的“林下经济保险”与广西自贸试验区崇左片区同期开展试点，互不借鉴。")
    assert _nothing("经比对，该做法与江苏自贸试验区连云港片区的做法互为参照，各自独立探索。")
    assert _nothing("学习来源：湖南自贸试验区郴州片区（对标对象，未直接复制）")
    assert _nothing("某区与云南自贸试验区德宏片区开展对标分析，优化了边民互市流程。")
    assert _zones("某区借鉴云南自贸试验区德宏片区做法，优化了边民互市流程。") == {"德宏片区"}


def test_a_source_field_that_says_there_is_none_names_no_origin_whatever_follows() -> None:
    assert _nothing("经验来源：无（与福建自贸试验区平潭片区同期探索）")
    assert _nothing("借鉴来源：暂无。已列入重庆自贸试验区第二批区级制度创新成果")
    assert _nothing("经验来源：否，系本地首创")
    assert _zones("经验来源：福建自贸试验区平潭片区") == {"平潭片区"}
    assert _zones("经验来源：无差别受理模式源自福建自贸试验区平潭片区") == {"平潭片区"}  # 无 opens a longer word


def test_a_practice_named_for_reference_only_or_not_carried_out_here_is_no_origin() -> None:
    assert _nothing("参考做法：湖北自贸试验区武汉片区“科创供应链”模式，仅供参考。")
    assert _nothing("某州借鉴山东自贸试验区烟台片区的做法尚未在本州落地。")


def test_a_cases_note_finding_its_practice_the_writers_own_voids_its_zones() -> None:
    assert _nothing("本案例系某县自主创新，此前虽参照过四川自贸试验区川南临港片区的流程。")
    assert _nothing("该项做法为某区自主探索，与重庆自贸试验区两江片区无关。")
    assert _zones("该做法系复制重庆自贸试验区两江片区经验形成。") == {"两江片区"}  # a finding of the copy


def test_an_origin_label_on_a_pages_publishing_record_names_the_publisher() -> None:
    assert _nothing("来源地区：江苏自贸试验区苏州片区　　发布日期：2024-06-01　　浏览次数：532")
    assert _zones("来源地区：江苏自贸试验区苏州片区") == {"苏州片区"}
