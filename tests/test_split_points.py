"""Points of an on-site inspection meeting's handbook (graph/extract/_split_points.py): each point's labelled lines
give its case's title and provider, whatever the agenda, the attending bodies or the order of the labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ftzgraph.graph.extract._split_lines import text_lines
from ftzgraph.graph.extract._split_points import point_split
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document

POINTS = [
    (
        "市政务服务中心",
        "企业开办“一网通办、全程帮办”",
        "甲市政务服务管理局",
        "甲市复制推广商务部第三批自贸试验区最佳实践案例，设立企业开办专区，企业开办时间压缩至0.5个工作日，服务企业2600余户。",
    ),
    (
        "甲海关综合业务现场",
        "农产品出口“检验检疫+快速通关”",
        "甲海关",
        "甲海关借鉴广西自贸试验区钦州港片区经验，实行产地检验检疫、口岸快速验放，全年出口货值3.4亿元，通关时间压缩70%。",
    ),
    (
        "乙区不动产登记中心",
        "不动产登记“交房即交证”",
        "乙区人民政府",
        "乙区复制推广国务院第七批自贸试验区改革试点经验，购房人收房当天即可领证，已有12个楼盘、4300余户实现“交房即交证”。",
    ),
]
TITLES = [p[1] for p in POINTS]
UNITS = [p[2] for p in POINTS]


def _handbook(
    agenda: str = "", labels: str = "观摩内容：{t}\n讲解单位：{u}\n讲解人：某某（{u}副局长）\n停留时间：20分钟"
) -> str:
    head = (
        "甲市自贸试验区改革经验复制推广\n现场观摩推进会\n会议手册\n\n"
        "目　录\n\n一、会议议程\n二、参会人员\n三、观摩点位介绍\n\n"
        f"一、会议议程\n\n8:30　集合\n{agenda}11:40—12:30　推进会\n\n"
        "二、参会人员\n\n甲市发展和改革委员会\n甲市商务局\n甲市市场监督管理局\n\n三、观摩点位介绍\n\n"
    )
    points = "".join(
        f"点位{k}　{place}\n" + labels.format(t=title, u=unit) + f"\n{body}\n\n"
        for k, (place, title, unit, body) in enumerate(POINTS, 1)
    )
    return head + points + "四、注意事项\n\n请参会人员按时集合，统一乘车。\n"


def _cases(text: str) -> list[tuple[int | None, str, str | None]]:
    document = Document(id="t", path=Path("handbook.txt"), text=text, sha256="t")
    return [(c.number, c.title, c.provider) for c in extract_document(document).cases]


EXPECTED = list(zip([1, 2, 3], TITLES, UNITS, strict=True))


@pytest.mark.parametrize(
    "labels",
    [
        "观摩内容：{t}\n讲解单位：{u}\n讲解人：某某（{u}副局长）\n停留时间：20分钟",
        "讲解人：某某（{u}副局长）\n讲解单位：{u}\n观摩内容：{t}",  # the presenter first
        "【停留时间】20分钟\n【观摩内容】{t}\n【讲解单位】{u}",  # labels in brackets
        "观摩项目：{t}\n汇报单位：{u}\n汇报人：某某",
        "观摩内容：{t}　讲解单位：{u}　讲解人：某某",  # the fields on one line
    ],
)
def test_each_point_is_a_case_titled_and_provided_by_its_labels(labels: str) -> None:
    assert _cases(_handbook(labels=labels)) == EXPECTED


def test_an_agenda_naming_the_points_cuts_no_case() -> None:
    agenda = "".join(f"{8 + k}:00—{8 + k}:25　点位{k}　{place}\n" for k, (place, *_) in enumerate(POINTS, 1))
    assert _cases(_handbook(agenda=agenda)) == EXPECTED


def test_the_last_point_ends_before_the_next_heading_of_the_outline() -> None:
    text = _handbook()
    points = point_split(text_lines(text), 0)
    assert points is not None
    last = max(points.ends.values())
    assert text_lines(text)[last].text == "四、注意事项"


def test_one_labelled_point_or_a_form_without_a_provider_label_is_no_handbook() -> None:
    one = _handbook().split("点位2")[0]
    assert point_split(text_lines(one), 0) is None
    unlabelled = re.sub(r"讲解单位：[^\n]*\n", "", _handbook())
    assert point_split(text_lines(unlabelled), 0) is None


def test_the_presenting_unit_on_its_label_line_is_no_acting_agency() -> None:
    text = _handbook(labels="观摩内容：{t}\n讲解单位：{u}\n停留时间：20分钟")
    text = text.replace("乙区人民政府", "岱岳区人民政府").replace("乙区复制", "岱岳区住房和城乡建设局复制")
    document = Document(id="t", path=Path("handbook.txt"), text=text, sha256="t")
    case = extract_document(document).cases[2]
    assert case.provider == "岱岳区人民政府"
    assert "岱岳区人民政府" not in [a.name for a in case.agencies]  # named only on 讲解单位：X
