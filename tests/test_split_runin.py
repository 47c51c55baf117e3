"""Cases of mixed form inside one document (graph/extract/_split_runin.py and the title of a case whose heading
names no reform, graph/extract/_split_leads.py): a numbering over heading members and run-in paragraphs, blocks of no
common mark under a stated count, a theme or headline over the reform the text names (issue #15, helper z28k). The
held-out collections (tests/data/unseen/nonuniform, round 3) were written, with their gold, before the rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from _dev_scoring import score_collection

from ftzgraph.graph.extract._split_lead_titles import pointed_reform, theme_title
from ftzgraph.graph.extract._split_lines import text_lines
from ftzgraph.graph.extract._split_reform_names import reform_phrase
from ftzgraph.graph.extract._split_runin import block_family, blocks_after_rows
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document

_BODY = "借鉴浙江自贸试验区经验，推行并联审批，办理时间由20个工作日压缩至5个工作日，已服务企业320家，节约成本约80万元。"


def _document(text: str) -> Document:
    return Document(id="x", path=Path("x.txt"), text=text, sha256="x")


_REPORT = f"""某市商务局关于复制推广工作的汇报

一、总体情况
　　我市累计复制推广改革经验120项，形成了3个典型做法。

二、典型做法
　　（一）甲县：“企业开办一日办结”
　　{_BODY}

　　在跨境贸易方面，乙市商务局推行“退货中心仓模式”，{_BODY}

　　此外，部分县区也有探索。如，丙区借鉴广东自贸试验区“免申即享”经验，{_BODY}
"""


def test_blocks_of_mixed_form_each_name_their_reform() -> None:
    (starts, titles), *_ = block_family(text_lines(_REPORT), 0)
    assert len(starts) == 3, "the report's blocks of three forms were not all read"
    assert [titles[s[0]].strip("“”") for s in starts[1:]] == ["退货中心仓模式", "免申即享"]


def test_a_block_of_fields_in_any_order_is_titled_by_its_title_field() -> None:
    report = _REPORT.replace(
        "　　（一）甲县：“企业开办一日办结”\n", "【报送单位】甲县人民政府\n【案例名称】企业开办“一日办结”\n"
    )
    (starts, titles), *_ = block_family(text_lines(report), 0)
    assert titles[starts[0][0]] == "企业开办“一日办结”", "the provider field was taken for the block's title"


def test_a_transcript_turn_is_no_block() -> None:
    turns = (
        f"【主持人】\n请介绍一下。\n\n【发布人　张某】\n谢谢。我们推行“A模式”，{_BODY}\n\n"
        f"【发布人　李某】\n我们推行“B模式”，{_BODY}\n"
    )
    assert block_family(text_lines(turns), 0) == [], "a press conference's turns were read as blocks"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("政务服务领域", True),
        ("在贸易便利化方面", True),
        ("萧山这项改革，入选国家“最佳实践案例”！", True),
        ("工程建设项目“拿地即开工”", False),
        ("知识产权快保护联动机制", False),
        ("政务服务提质增效", True),  # a report's section saying how a field fares: a label
        ("要素保障持续加强。", True),
        ("涉企执法更加规范", True),
        ("企业开办“一日办结”持续优化", False),  # a quoted name: a reform's title
    ],
)
def test_theme_title(heading: str, expected: bool) -> None:
    assert theme_title(heading) is expected


def test_reform_phrase_reads_the_quoted_name_a_label_heading_leaves_to_the_text() -> None:
    assert reform_phrase("。检查组在X区看到，工程建设项目“分阶段施工许可”是该区推行的") == "项目“分阶段施工许可”"
    assert reform_phrase("。玉门市新能源项目“用地预审+规划选址”合并办理由X局推出") == "新能源项目“用地预审+规划选址”", (
        "the place opening the name was kept"
    )
    assert reform_phrase("。各地持续优化营商环境，企业满意度提升。") is None


def test_a_theme_heading_over_run_in_cases_gives_way_to_the_reform_named() -> None:
    path = Path(__file__).parent / "data" / "unseen" / "labels" / "jiuquan-zhuantibaogao-collection.txt"
    text = path.read_text(encoding="utf-8")
    titles = [c.title for c in extract_document(Document(id="j", path=path, text=text, sha256="x")).cases]
    assert "“拿地即开工”审批" in titles, "the theme heading (审批服务提速增效) was kept as the title"
    assert any("新能源项目“用地预审+规划选址”" in title for title in titles)
    assert "要素保障持续加强" not in titles


def test_pointed_reform_reads_a_quoted_name_before_its_noun() -> None:
    assert pointed_reform("调研组看到，“农村集体经营性建设用地入市”改革由县局实施") == "农村集体经营性建设用地入市"
    assert pointed_reform("走进大厅，“一网通办”经验展板格外醒目") is None, "a borrowed 经验 was read as the reform"


@pytest.mark.parametrize(
    "name", ["lvliang-gongzuohuibao-collection", "suizhou-huibian-collection", "laibin-gongzhonghao-collection"]
)
def test_held_out_mixed_collections_are_cut_case_by_case(name: str) -> None:
    score = score_collection(name)
    assert score.found == score.cases, f"{name}: {score.misses}"


def test_a_headline_naming_no_reform_takes_the_quoted_name() -> None:
    text = (
        "某市公众号推文汇集\n====================\n一张清单管到底！甲县这项改革获点赞\n"
        f"走进政务服务中心，“经营许可清单管理”改革的展板格外醒目。甲县市场监督管理局{_BODY}\n"
        "====================\n“边民互市+落地加工”在乙县开花\n"
        f"乙县商务局复制推广广西自贸试验区“边民互市+落地加工”模式，{_BODY}\n====================\n"
    )
    cases = extract_document(_document(text), load_gazetteer()).cases
    assert [c.title for c in cases][:1] == ["经营许可清单管理"], "the headline was kept as the title"


def test_blocks_after_a_table_of_cases_join_its_rows() -> None:
    text = (
        "某市商务局关于复制推广工作情况的汇报\n\n一、总体进展\n部分事项实施情况见下表。\n\n"
        "序号\t事项名称\t实施单位\t经验来源\t主要成效\n"
        "1\t进口设备“先放后检”\t某海关\t国务院第二批改革试点经验\t查验放行时间由5天缩短至2天，已服务企业36家\n"
        "2\t涉企经营许可“证照分离”\t甲区人民政府\t借鉴陕西自贸试验区做法\t办理时间由15个工作日压缩至3个工作日\n\n"
        f"二、典型做法\n典型案例：农产品出口“检测结果互认”\n乙区商务局{_BODY}\n\n"
        f"此外，各县区也有探索。如，丙市推行的“用电报装零上门”，{_BODY}\n\n三、存在问题\n部分事项落地难度较大。\n"
    )
    extraction = extract_document(_document(text), load_gazetteer())
    titles = [c.title.strip("“”") for c in extraction.cases]
    assert len(titles) == 4, f"the blocks after the rows were not read as cases: {titles}"
    assert titles[3] == "用电报装零上门", "an inline example was not titled by its quoted reform"
    assert blocks_after_rows(_document(text), []) == [], "blocks were read with no table of cases above them"


_COMMENTARY = """甲市融媒　评论

让好经验落地生根

本台评论员

改革靠的是敢学、善学、学了就干的劲头。翻开过去一年的改革账本，三件事值得细说。

先说口岸通关。甲市海关借鉴乙自贸试验区做法，推出“进口货物提前申报”，通关时间由2小时左右缩短到10分钟。（甲市海关提供）

再说政务服务。甲市政务服务管理局推出“跨省通办专窗”，全年办件量3.6万件，群众少跑腿。（甲市政务服务管理局提供）

三说跨境电商。甲市商务局学习借鉴丙片区经验，开展“跨境电商集货出口”，全年出口单量120万单以上。（甲市商务局提供）

学经验不是照搬，而是结合实际“再创造”。
"""


def test_a_commentary_with_a_stated_count_gives_its_run_in_paragraphs_as_cases() -> None:
    # 先说/再说/三说 open paragraphs that share no heading mark: the stated count (三件事值得细说) lets each paragraph
    # naming a reform in quotes with a figure be a case, titled by the name; the closing moral (no figure) is none
    cases = split_cases(_document(_COMMENTARY)).cases
    assert [c.title for c in cases] == ["进口货物提前申报", "跨省通办专窗", "跨境电商集货出口"]


@pytest.mark.parametrize(
    ("title", "theme"),
    [
        ("政务服务提质增效", True),
        ("审批服务更加便利", True),
        ("要素保障不断优化", True),
        ("船舶“一次登临”联合检查", False),  # a quoted name is a reform's
        ("企业开办一日办结", False),  # no adverb of progress: a reform's name
    ],
)
def test_a_topic_sentence_of_progress_names_no_reform(title: str, theme: bool) -> None:
    assert theme_title(title) is theme


def test_under_a_topic_sentence_of_progress_the_first_named_reform_is_the_title() -> None:
    text = (
        "关于某条例实施情况的报告\n\n一、主要成效\n"
        "（一）政务服务提质增效。检查组在甲区看到，工程建设项目“分阶段施工许可”是该区借鉴乙片区经验推行的，"
        "今年已为23个项目分阶段发证，项目开工时间平均提前60天以上。\n"
        "（二）市场监管规范有序。丙县推行的“首违不罚”清单制度，复制推广丁片区做法，全年办理案件410余件，"
        "企业投诉量同比下降约35%。\n\n二、存在的问题\n（一）宣传不够深入。\n"
    )
    titles = [c.title for c in split_cases(_document(text)).cases]
    assert titles == ["工程建设项目“分阶段施工许可”", "“首违不罚”清单制度"]
