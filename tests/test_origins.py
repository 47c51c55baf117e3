"""Origin statements, one phrasing per row: batch kind and number, zone or area, item, other kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.origins import extract_origins, origin_places
from ftzgraph.graph.model import CaseText, Document, Place


def case_of(body: str) -> CaseText:
    text = "# “某改革”复制推广典型案例\n\n(某市提供)\n\n" + body + "\n"
    document = Document(id="t", path=Path("t.txt"), text=text, sha256="x")
    heading_end = text.index("\n")
    return CaseText(document, 1, "某改革", document.evidence(2, heading_end), 0, len(text))


OWN = {"heilongjiang"}


@pytest.mark.parametrize(
    ("body", "kind", "number", "item"),
    [
        ("某市城管局复制推广自贸试验区第六批改革试点经验“甲乙丙模式”，进一步深化。", "改革试点经验", 6, "甲乙丙模式"),
        ("某市积极复制推广自贸试验区国家第一批最佳实践案例“信用平台”。", "最佳实践案例", 1, "信用平台"),
        ("某市局复制推广国家第7批自贸试验区改革试点经验“质押融资”。", "改革试点经验", 7, "质押融资"),
        (
            "按照《国务院关于做好自由贸易试验区第十二批改革试点经验复制推广工作的通知》要求，开展工作。",
            "改革试点经验",
            12,
            None,
        ),
        ("某中心复制推广自贸试验区最佳实践案例“不动产登记模式”。", "最佳实践案例", None, "不动产登记模式"),
        (
            "按照自贸试验区第六批复制推广的改革试点经验中，贸易便利化领域跨境电商零售进口退货中心仓模式任务要求，开展工作。",
            "改革试点经验",
            6,
            "跨境电商零售进口退货中心仓模式",
        ),
    ],
)
def test_national_batch_phrasings(body: str, kind: str, number: int | None, item: str | None) -> None:
    origins = [o for o in extract_origins(case_of(body), load_gazetteer(), OWN) if o.kind == "national_batch"]
    assert [(o.batch_kind, o.batch_number) for o in origins] == [(kind, number)]
    assert origins[0].item_title == item
    assert origins[0].evidence.quote.rstrip("。").endswith(body.rstrip("。")[-6:])


@pytest.mark.parametrize(
    ("body", "place"),
    [
        (
            "借鉴第二批自贸试验区“最佳实践案例”中国（广东）自由贸易试验区提供的“供电服务新模式”案例。",
            Place("guangdong"),
        ),
        ("某市参照深圳前海蛇口片区经验，推动监管。", Place("guangdong", "深圳前海蛇口片区")),
        ("学习借鉴上海自贸试验区实施结汇方式改革创新。", Place("shanghai")),
        ("在借鉴上海“区内机构借款”的成功经验的基础上，开展业务。", Place("shanghai")),
        (
            "“批次进出”源自国务院发布的自由贸易试验区第三批改革试点经验，是上海自由贸易试验区形成的创新举措。",
            Place("shanghai"),
        ),
        ("中国(湖北)自由贸易试验区襄阳片区(以下简称襄阳片区)先行先试全面推行许可证。", Place("hubei", "襄阳片区")),
        ("“四大机制”为河北自贸试验区的创新成果。河北自贸试验区积极加强与天津自贸试验区的协同联动。", Place("hebei")),
    ],
)
def test_zone_phrasings(body: str, place: Place) -> None:
    assert origin_places(extract_origins(case_of(body), load_gazetteer(), OWN)) == [place]


def test_stated_zone_is_refined_to_the_area_the_case_describes() -> None:
    body = (
        "某片区积极向广西自贸试验区学习,借鉴创新做法。\n\n"
        "中国(广西)自由贸易试验区崇左片区(以下简称崇左片区)致力于以沿边金融改革创新服务产业发展。"
    )
    assert origin_places(extract_origins(case_of(body), load_gazetteer(), OWN)) == [Place("guangxi", "崇左片区")]


def test_own_zone_is_never_an_origin() -> None:
    body = "中国(黑龙江)自由贸易试验区绥芬河片区(以下简称绥芬河片区)致力于借鉴先进经验。"
    assert origin_places(extract_origins(case_of(body), load_gazetteer(), OWN)) == []


def test_a_notice_title_alone_is_not_an_unnumbered_batch_claim() -> None:
    body = "同年国务院下发了《国务院关于推广中国（上海）自由贸易试验区可复制改革试点经验的通知》。"
    origins = extract_origins(case_of(body), load_gazetteer(), OWN)
    assert not [o for o in origins if o.kind == "national_batch"]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("哈尔滨片区自行复制知识产权质押融资改革经验。", "self"),
        ("海关总署自贸司印发《关于同意某海关备案自贸试验区“检疫监管新模式”创新举措的函》。", "ministry"),
        ("某市税务局复制推广自贸试验区“涉税事项网上审批”事项。", "generic"),
    ],
)
def test_other_origin_kinds(body: str, kind: str) -> None:
    assert [o.kind for o in extract_origins(case_of(body), load_gazetteer(), OWN)] == [kind]


def test_a_sentence_cut_by_a_page_break_is_rejoined() -> None:
    body = "某市复制推广自贸试验区第五批改革\n\n试点经验“公证最多跑一次”。"
    origins = extract_origins(case_of(body), load_gazetteer(), OWN)
    assert [(o.batch_kind, o.batch_number, o.item_title) for o in origins] == [("改革试点经验", 5, "公证最多跑一次")]
    assert "\n\n" in origins[0].evidence.quote
