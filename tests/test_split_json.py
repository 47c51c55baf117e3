"""Cases exported as JSON records (graph/extract/_split_json.py, rows built in graph/extract/_split_summary.py):
a data platform's response pasted under its legend of abbreviated keys, and records with Chinese keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ftzgraph.graph.extract._split_json import json_records
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document

RECORDS = [
    {
        "title": "进口货物“两段准入”监管",
        "unit": "甲海关",
        "source": "复制推广国务院第六批自贸试验区改革试点经验",
        "did": "甲海关对进口货物实行“两段准入”，货物在口岸完成安全准入检查后即可提离。",
        "result": "企业进口货物平均通关时间缩短42%，节约仓储费用约260万元。",
    },
    {
        "title": "工程建设项目“联合验收”",
        "unit": "泰安市住房和城乡建设局",
        "source": "学习借鉴北京自贸试验区做法",
        "did": "泰安市住房和城乡建设局将规划、消防、人防等专项验收整合为一次联合验收。",
        "result": "竣工验收时间由30个工作日压缩至10个工作日，完成联合验收项目158个。",
    },
    {
        "title": "中欧班列“铁路快通”模式",
        "unit": "丙市交通运输局",
        "source": "借鉴重庆自贸试验区经验",
        "did": "丙市交通运输局协调铁路部门开行“铁路快通”班列，货物一次申报、一次查验。",
        "result": "班列通关时间压缩1至2天，全年开行班列86列，货值9.3亿元。",
    },
]
TITLES = [r["title"] for r in RECORDS]
UNITS = [r["unit"] for r in RECORDS]


def _keyed(names: dict[str, str]) -> list[dict[str, str]]:
    return [{names[k]: v for k, v in record.items()} for record in RECORDS]


def _document(text: str, name: str = "export.txt") -> Document:
    return Document(id="t", path=Path(name), text=text, sha256="t")


ABBREVIATED = {"title": "almc", "unit": "bsdw", "source": "jyly", "did": "zyzf", "result": "qdcx"}
LEGENDS = [
    "字段说明：almc 案例名称；bsdw 报送单位；jyly 经验来源；zyzf 主要做法；qdcx 取得成效",
    "字段说明：\nalmc：案例名称\nbsdw：报送单位\njyly：经验来源\nzyzf：主要做法\nqdcx：取得成效",
    "字段：案例名称（almc）、报送单位（bsdw）、经验来源（jyly）、主要做法（zyzf）、取得成效（qdcx）",
]


@pytest.mark.parametrize("legend", LEGENDS)
@pytest.mark.parametrize("indent", [None, 2])
def test_a_pasted_response_gives_one_case_per_record_read_by_its_legend(legend: str, indent: int | None) -> None:
    response = json.dumps({"code": 200, "msg": "ok", "data": _keyed(ABBREVIATED)}, ensure_ascii=False, indent=indent)
    page = "某市公共数据开放平台\n数据集名称：复制推广案例\n数据提供方：某市商务局\n数据量：3条\n"
    text = f"{page}{legend}\n\n返回示例：\n{response}\n"
    cases = extract_document(_document(text)).cases
    assert [(c.number, c.title, c.provider) for c in cases] == list(zip([1, 2, 3], TITLES, UNITS, strict=True))
    assert [o.batch_number for o in cases[0].origins if o.kind == "national_batch"] == [6]  # its 经验来源 field


CHINESE = {"title": "案例名称", "unit": "报送单位", "source": "经验来源", "did": "主要做法", "result": "取得成效"}


@pytest.mark.parametrize("lines", [True, False])
def test_records_with_chinese_keys_are_cases(lines: bool) -> None:
    records = _keyed(CHINESE)
    if lines:
        text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    else:
        text = json.dumps(records, ensure_ascii=False, indent=2)
    cases = extract_document(_document(text)).cases
    assert [(c.title, c.provider) for c in cases] == list(zip(TITLES, UNITS, strict=True))


def test_a_key_the_legend_does_not_name_is_no_field_of_the_case() -> None:
    text = json.dumps({"data": _keyed(ABBREVIATED)}, ensure_ascii=False)
    records = json_records("字段说明：almc 案例名称；bsdw 报送单位\n" + text)
    assert [meaning for meaning, _, _ in records[0].fields] == ["案例名称", "报送单位", "jyly", "zyzf", "qdcx"]


def test_one_record_or_a_notice_quoting_json_is_no_list_of_cases() -> None:
    one = json.dumps({"data": _keyed(ABBREVIATED)[:1]}, ensure_ascii=False)
    assert json_records("字段说明：almc 案例名称\n" + one) == []
    assert json_records('配置示例：{"timeout": 30, "retry": [1, 2]}') == []


def test_a_value_with_escaped_line_breaks_keeps_its_span_and_a_legend_may_be_a_table() -> None:
    records = [{**r, "zyzf": r["zyzf"].replace("，", "\n", 1)} for r in _keyed(ABBREVIATED)]
    text = "| almc | 案例名称 |\n| zyzf | 主要做法 |\n" + json.dumps({"data": records}, ensure_ascii=False)
    found = json_records(text)
    assert [meaning for meaning, _, _ in found[0].fields][:4] == ["案例名称", "bsdw", "jyly", "主要做法"]
    did = next(span for meaning, _, span in found[1].fields if meaning == "主要做法")
    assert json.loads('"' + text[did[0] : did[1]] + '"') == records[1]["zyzf"]


def test_the_body_acting_in_a_practice_field_after_the_source_field_is_an_agency() -> None:
    response = json.dumps({"data": _keyed(ABBREVIATED)}, ensure_ascii=False)
    cases = extract_document(_document(LEGENDS[0] + "\n" + response)).cases
    assert "泰安市住房和城乡建设局" in [a.name for a in cases[1].agencies]  # 学习借鉴…做法 | 泰安市住房和城乡建设局将…


def test_a_response_cut_short_on_the_page_still_gives_its_whole_records() -> None:
    response = json.dumps({"code": 200, "data": _keyed(ABBREVIATED)}, ensure_ascii=False)
    text = LEGENDS[0] + "\n返回示例：" + response[: response.rindex("}", 0, -2) + 1] + "，…（以下省略）\n"
    assert [c.title for c in extract_document(_document(text)).cases] == TITLES


def test_a_record_may_name_its_body_as_a_department_and_its_title_as_a_theme() -> None:
    names = {"title": "主题", "unit": "牵头部门", "source": "经验来源", "did": "主要做法", "result": "取得成效"}
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in _keyed(names))
    cases = extract_document(_document(text)).cases
    assert [(c.title, c.provider) for c in cases] == list(zip(TITLES, UNITS, strict=True))
