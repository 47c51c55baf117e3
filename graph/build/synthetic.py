"""A deterministic generator of documents in the genre's layout, for scale tests and benchmarks.

``write_corpus(folder, documents, seed)`` writes collections of 复制推广 cases with the shape real ones
have: an issuing office and 文号, a summary table, "案例 N" markers (sometimes missing), quoted titles,
provider lines in several forms, origin statements in the phrasings the extractors know (national batches
with Chinese or Arabic numerals, originating zones and areas from the reference data), acting agencies,
cited documents and before/after outcomes. Same seed, same bytes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ftzgraph.graph.extract.gazetteer import Gazetteer, load_gazetteer
from ftzgraph.graph.text import chinese_numeral

_CITY_CHARS = "安平宁远长兴德昌华丰泰和永清嘉禾江河山川东西南北新乐定襄武阳临海滨湖溪林"
_DEPARTMENTS = (
    "市场监督管理局",
    "税务局",
    "司法局",
    "公安局",
    "民政局",
    "商务局",
    "发展和改革委员会",
    "自然资源局",
    "不动产登记中心",
    "政务服务中心",
    "人民法院",
    "财政局",
    "科技局",
    "农业农村局",
    "住房和城乡建设局",
    "营商环境建设监督局",
)
_REFORM_WORDS = (
    ("跨境", "不动产", "企业", "涉税", "知识产权", "口岸", "信用", "政务", "海关", "外汇"),
    ("登记", "注销", "监管", "融资", "审批", "申报", "结算", "服务", "查验", "许可"),
    ("一窗受理", "全程网办", "集成改革", "便利化", "新模式", "一站式服务", "信息共享", "联动机制"),
)
_UNITS = (("个工作日", "压缩为"), ("小时", "缩短至"), ("天", "减少到"))


@dataclass(frozen=True)
class _Origin:
    sentence: str


def _city(rng: random.Random) -> str:
    return "".join(rng.sample(_CITY_CHARS, 2)) + "市"


def _reform(rng: random.Random) -> str:
    return "".join(rng.choice(words) for words in _REFORM_WORDS)


def _origin(rng: random.Random, gazetteer: Gazetteer, agency: str, title: str) -> str:
    items = gazetteer.items
    zones = [z for z in gazetteer.zones.values() if z["id"] != "heilongjiang"]
    number = rng.randint(1, 7)
    numeral = chinese_numeral(number) if rng.random() < 0.7 else str(number)
    choice = rng.random()
    if choice < 0.3:
        return f"{agency}复制推广自贸试验区第{numeral}批改革试点经验“{title}”，深化营商环境建设。"
    if choice < 0.45:
        zone = rng.choice(zones)
        return f"借鉴第{numeral}批自贸试验区“最佳实践案例”{zone['name_zh']}提供的“{title}”案例，结合本地实际推进改革。"
    if choice < 0.6:
        zone = rng.choice(zones)
        areas = zone.get("areas") or []
        if areas and rng.random() < 0.5:
            area = rng.choice(areas)["name_zh"]
            return f"{agency}学习借鉴{zone['short_zh']}{area}经验，推行“{title}”。"
        return f"{agency}积极向{zone['short_zh']}学习，借鉴创新做法并着手复制推广。"
    if choice < 0.7 and items:
        item = rng.choice(items)
        return f"{agency}复制推广自贸试验区国家第{numeral}批改革试点经验“{item.name}”，取得积极成效。"
    if choice < 0.8:
        return f"{agency}自行复制相关改革经验，推动“{title}”落地见效。"
    return f"{agency}复制推广自贸试验区“{title}”事项，优化办事流程。"


def _case(rng: random.Random, gazetteer: Gazetteer, number: int, provider: str, city: str) -> tuple[str, str]:
    title = _reform(rng)
    agencies = [city + d for d in rng.sample(_DEPARTMENTS, rng.randint(1, 5))]
    lead = agencies[0]
    unit, verb = rng.choice(_UNITS)
    before = rng.randint(5, 30)
    after = rng.randint(1, before - 1)
    marker = f"## 案例 {number}\n\n" if rng.random() < 0.9 else ""
    provider_line = rng.choice((f"({provider}提供)", f"（{provider}提供）", f"( {provider}提供 )"))
    partners = "、".join(agencies[1:]) or lead
    lines = [
        f"{marker}# “{title}”复制推广典型案例",
        "",
        provider_line,
        "",
        "## 一、复制推广事项介绍",
        "",
        _origin(rng, gazetteer, lead, title),
        "",
        "## 二、主要做法",
        "",
        f"{lead}会同{partners}，印发《{city[:-1]}市{title}实施办法》，建立联席会议制度，明确责任分工。"
        f"按照《关于推进{title}工作的通知》（{city[0]}政办发〔{rng.randint(2019, 2024)}〕{rng.randint(1, 99)}号）要求，"
        "优化业务流程，推行线上线下一体化办理。",
        "",
        "## 三、实践效果",
        "",
        f"{rng.randint(2021, 2024)}年{rng.randint(1, 12)}月以来，办理时限由{before}{unit}{verb}{after}{unit}，"
        f"累计办理业务{rng.randint(10, 9000)}件，服务企业{rng.randint(5, 800)}家，"
        f"为企业节约成本{rng.randint(1, 900)}万元，群众满意度达到{rng.randint(90, 99)}.{rng.randint(0, 99):02d}%。",
        "",
    ]
    return title, "\n".join(lines)


def generate_document(seed: int, index: int, gazetteer: Gazetteer | None = None) -> str:
    """The text of one synthetic collection (deterministic for (seed, index))."""
    gazetteer = gazetteer or load_gazetteer()
    rng = random.Random(seed * 1_000_003 + index)
    heilongjiang_areas = [a["name_zh"] for a in gazetteer.zones["heilongjiang"].get("areas") or []]
    cities = [_city(rng) for _ in range(rng.randint(2, 5))]
    count = rng.randint(3, 12)
    year = rng.randint(2019, 2025)
    batch = rng.randint(1, 9)
    rows, bodies = [], []
    for n in range(1, count + 1):
        if rng.random() < 0.5:
            provider = rng.choice(heilongjiang_areas)
            city = provider.replace("片区", "") + "市"
        else:
            provider = city = rng.choice(cities)
        title, body = _case(rng, gazetteer, n, provider, city)
        rows.append(f"{n}\t“{title}”复制推广典型案例\t{provider}")
        bodies.append(body)
    head = [
        "# 中国(黑龙江)自由贸易试验区工作办公室",
        "",
        f"黑自贸工办函〔{year}〕{index + 1}号",
        "",
        f"## 关于印发第{chinese_numeral(batch)}批复制推广自贸试验区制度创新成果典型案例（合成{seed}-{index}）的通知",
        "",
        f"各市（地）人民政府（行署）：现将第{chinese_numeral(batch)}批{count}项复制推广典型案例印发给你们。",
        "",
        "### 复制推广典型案例汇总表",
        "",
        "序号\t案例名称\t提供单位",
        *rows,
        "",
    ]
    return "\n".join(head + bodies)


def iter_corpus(documents: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    gazetteer = load_gazetteer()
    for index in range(documents):
        yield f"synthetic-{seed}-{index:06d}.txt", generate_document(seed, index, gazetteer)


def write_corpus(folder: Path, documents: int, seed: int = 0) -> list[Path]:
    """Write ``documents`` synthetic collections into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in iter_corpus(documents, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
