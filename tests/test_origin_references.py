"""Origins written by reference rather than by a full name after a verb (issue #15, helper z25i): a field
label of origin (【经验来源】Z, 借鉴对象系Z), an area by its bare stem (照着南沙的路数, 学的是前海), a word
referring back to a place named before (对方的, 该片区的, 前者), a city standing for an area the document names
in full, a batch written with its issuer and no series word (“国务院第7批”), a table's batch and source cells.
Each positive has its negative."""

from __future__ import annotations

from pathlib import Path

from _dev_scoring import case_batches, sentence_case

from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document


def _areas(text: str) -> set[tuple[str | None, str | None]]:
    return {(o.zone, o.area) for o in sentence_case(text).origins if o.kind == "zone"}


def _document_cases(text: str) -> list[tuple[set[tuple[str | None, str | None]], set[tuple[str, int | None]]]]:
    cases = extract_document(Document(id="r", path=Path("r.txt"), text=text, sha256="r")).cases
    return [({(o.zone, o.area) for o in c.origins if o.kind == "zone"}, case_batches(c)) for c in cases]


def test_a_field_label_of_origin_names_the_origin_whatever_its_mark() -> None:
    assert _areas("【经验来源】宜昌自贸片区") == {("hubei", "宜昌片区")}
    assert _areas("该改革的借鉴对象系浙江自贸试验区杭州片区。") == {("zhejiang", "杭州片区")}
    assert _areas("某项改革，改革出处：四川自贸试验区川南临港片区（泸州）。") == {("sichuan", "川南临港片区")}
    assert _areas("来源一栏填的是“湖南自贸试验区长沙片区”。") == {("hunan", "长沙片区")}
    assert _areas("合作对象是湖南自贸试验区长沙片区。") == set()  # no label of origin: a partner


def test_an_area_written_by_its_stem_is_read_by_every_origin_rule() -> None:
    assert _areas("锦州港这次学的是前海，把整套流程照样走了一遍。") == {("guangdong", "深圳前海蛇口片区")}
    assert _areas("某市从头到尾照着南沙的路数来做。") == {("guangdong", "广州南沙新区片区")}
    assert _areas("某市的码头从天津港进口了一批设备。") == set()  # a port, a word going on: no area


def test_a_city_stands_for_its_area_only_after_an_origin_label_or_where_the_area_is_named() -> None:
    assert _areas("学习对象：青岛；牵头单位：某市商务局。") == {("shandong", "青岛片区")}
    assert _areas("某县借鉴青岛的做法，推行出口预检验。") == set()  # the city, no area named anywhere
    text = (
        "某市工作综述\n\n　　今年以来，我市组织部门赴福建自贸试验区厦门片区考察学习。现将2个典型案例介绍如下。\n\n"
        "　　案例一　“茶叶出口预检验”\n　　推荐单位：某县人民政府\n"
        "　　某县借鉴厦门的做法，对出口茶叶实施产地预检验，出口通关时间平均缩短2天。\n\n"
        "　　案例二　“纳税信用修复一次办”\n　　推荐单位：某市税务局\n"
        "　　某市税务局推行信用修复申请、审核一次办结，已为312户企业修复纳税信用。\n"
    )
    assert [zones for zones, _ in _document_cases(text)] == [{("fujian", "厦门片区")}, set()]


def test_a_word_referring_back_stands_for_the_place_named_before_it() -> None:
    visit = "某市组织企业赴天津自贸试验区天津港片区考察，回来后即把对方的“一单多报”做法引入本市港口。"
    assert _areas(visit) == {("tianjin", "天津港片区")}
    both = "某市考察了江苏自贸试验区苏州片区和连云港片区，此次推广的“保税维修”取自前者。"
    assert _areas(both) == {("jiangsu", "苏州片区")}  # 前者: the first of the two, not the list
    assert _areas("该片区的做法值得关注。") == set()  # nothing named before: refers to nothing


def test_a_zone_s_practice_that_inspired_the_adopter_is_its_origin_but_not_in_a_plan() -> None:
    told = "某局赴湖南自贸试验区岳阳片区考察。该片区推行的“一单制”做法给我们很大启发，回来后即着手在本地试行。"
    assert _areas(told) == {("hunan", "岳阳片区")}
    assert _areas("浙江自贸试验区舟山片区推行的“船舶供油一站式”做法，最早源于国务院第六批改革试点经验。") == set()


def test_a_batch_written_with_its_issuer_and_no_series_word_is_the_issuer_s_series() -> None:
    assert case_batches(sentence_case("批次一栏填的是“国务院第7批”。")) == {("改革试点经验", 7)}
    assert case_batches(sentence_case("市税务局对照国务院第七批清单中的事项，推行一次办。")) == {("改革试点经验", 7)}
    assert case_batches(sentence_case("已向商务部申报全国第四批“创新实践案例”14项。")) == set()  # submitted, other
    assert case_batches(sentence_case("国务院批复设立第三批自贸试验区。")) == set()  # a round of zones


def test_a_series_word_then_the_batch_it_ranks_in_is_that_batch() -> None:
    text = "某市复制推广的“林业碳汇质押贷款”，在商务部公布的最佳实践案例里排第三批。"
    assert case_batches(sentence_case(text)) == {("最佳实践案例", 3)}


def test_a_table_s_batch_cell_by_number_and_source_cell_by_stem_give_the_origin() -> None:
    text = (
        "某市复制推广自贸试验区改革试点经验落实情况表\n\n"
        "序号\t改革事项\t责任单位\t经验出处\t国务院推广批次\t落实情况\n"
        "1\t出口货物“先查验后装运”\t某市海关\t钦州港\t—\t某市海关对出口货物实施工厂查验后直接装运出境，通关时间平均压缩6小时。\n"
        "2\t不动产联动过户\t某市不动产登记中心\t—\t6\t某市不动产登记中心与供水企业共享过户信息，联动过户由3天缩短至即时办结。\n"
        "3\t农产品质量追溯\t某市农业农村局\t自治区第二批创新案例\t—\t某市农业农村局推行一品一码追溯，纳入追溯的主体达380家。\n"
    )
    assert _document_cases(text) == [
        ({("guangxi", "钦州港片区")}, set()),
        (set(), {("改革试点经验", 6)}),
        (set(), set()),  # a provincial list: no origin
    ]


def test_a_dash_after_a_verb_or_label_and_a_noun_of_model_name_the_origin() -> None:
    assert _areas("某事项卡片显示：借鉴自——海南自贸试验区；推广层级——市级。") == {("hainan", None)}
    assert _areas("某市的做法，参考样板为云南自贸试验区德宏片区瑞丽市。") == {("yunnan", "德宏片区")}
    assert _areas("某市拟借鉴对象：湖南自贸试验区长沙片区（待市政府审定）。") == set()  # a plan


def test_from_there_after_a_visit_to_an_area_by_its_stem_refers_back_to_it() -> None:
    text = "某市商务局一行去年到横琴学习，这次推出的“跨境执业备案”就是从那边带回来的。"
    assert _areas(text) == {("guangdong", "珠海横琴新区片区")}
    assert _areas("这次推出的“跨境执业备案”就是从那边带回来的。") == set()  # no place before: nothing


def test_a_source_noun_as_a_label_and_a_column_written_about_name_the_origin() -> None:
    assert _areas("某事项，经验源头：重庆自贸试验区西永片区。") == {("chongqing", "西永片区")}
    assert _areas("主要做法出处栏写的是“浙江自贸试验区金义片区”。") == {("zhejiang", "金义片区")}


def test_a_zone_whose_own_practice_the_next_clause_copies_is_its_origin_whatever_related_it_first() -> None:
    paired = "某市与四川自贸试验区成都天府新区片区结对后，复制了其“知识产权质押融资风险补偿”机制。"
    assert _areas(paired) == {("sichuan", "成都天府新区片区")}
    signed = "某市与广西自贸试验区南宁片区签署合作协议，推行“跨境金融服务”。"
    assert _areas(signed) == set()  # cooperation, then a launch of the city's own: no origin


def test_a_batch_in_brackets_after_a_series_list_and_a_stem_before_its_experience() -> None:
    listed = "某市推行的“食品出口企业信用互认”，收录于国务院改革试点经验清单（第六批）。"
    assert case_batches(sentence_case(listed)) == {("改革试点经验", 6)}
    assert _areas("“苹果出口检验前置”是学习横琴经验后推出的。") == {("guangdong", "珠海横琴新区片区")}
    assert _areas("某市计划明年向前海取经，探索跨境金融服务。") == set()  # a plan


def test_an_area_where_a_copy_from_another_is_tried_is_no_origin() -> None:
    text = "某市借鉴黑龙江自贸试验区绥芬河片区对俄边境贸易结算经验，在河北自贸试验区曹妃甸片区推开试点。"
    assert _areas(text) == {("heilongjiang", "绥芬河片区")}
    tried = "该做法在福建自贸试验区厦门片区试点成功后，复制到全省。"
    assert _areas(tried) == {("fujian", "厦门片区")}  # tried there first, then copied: the origin
