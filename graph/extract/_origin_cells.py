"""Origins a case states outside its sentences' verbs: a table row's source and batch cells (经验出处 | 钦州港,
国务院推广批次 | 6) and a national batch written with its issuer alone (“国务院第7批”). Split from
graph/extract/origins.py, which reads the sentences and puts the origins together; the issuers and column names come
from data/lexicon/origins.yaml and data/lexicon/layouts.yaml.
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.extract._batch_filters import lexicon
from ftzgraph.graph.extract._origin_partners import qualified_areas
from ftzgraph.graph.extract._origin_verdicts import denies_source, on_page_record
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import CaseText, Origin
from ftzgraph.graph.text import NUMERAL_CLASS, parse_chinese_number, word_alternation


@cache
def _issuer_batch_re() -> re.Pattern[str]:
    """A national batch written with its issuer and no series word (“国务院第7批”, 对照国务院第七批清单中的…,
    批次：商务部第3批): the issuer's series. A round of zones (国务院批复的第三批自贸试验区) is none."""
    issuers = word_alternation([w for words in lexicon()["batch_issuers"].values() for w in words])
    return re.compile(
        rf"(?P<issuer>{issuers})[^，,。；;“”\"]{{0,6}}?第\s*(?P<n>[{NUMERAL_CLASS}]+)\s*批次?"
        r"(?!\s*(?:自贸|自由贸易|设立|获批|国家级|试点地区|试点城市))"
    )


def _other_series_after(text: str, position: int) -> bool:
    """True when a quoted name right after a batch names a series that is none of the national ones (第四批“创新实践
    案例”): the batch is that series', not the issuer's free trade zone batch."""
    quoted = re.match(r"\s*[“\"「](?P<name>[^”\"」]{1,20})", text[position:])
    kinds = [w for words in lexicon()["batch_kinds"].values() for w in words]
    return quoted is not None and not any(k in quoted["name"] for k in kinds)


def _issuer_kind(issuer: str) -> str:
    return next(str(kind) for kind, words in lexicon()["batch_issuers"].items() if issuer in words)


def source_cell_origins(
    case: CaseText, gazetteer: Gazetteer, own_zones: set[str], provider_area: str | None, found: list[Origin]
) -> list[Origin]:
    """The zone a summary table's source cell (经验来源, 首创地区) names bare (广西自贸试验区崇左片区, with no 借鉴 …
    around it): the row states where the case came from in a column of its own, so another area of the adopting
    province counts as it does after an origin phrase. None when the cell names no zone, the adopting FTZ as a whole
    or the provider's own area (自主探索 in other words), or one an origin phrase in it already gave (``found``), and
    none when the cell says there is none or names the zone only as a parallel pilot or a yardstick
    (无（与Z同期开展试点）, Z（对标对象）: ``denies_source``)."""
    row = case.table_row
    if row is None or row.origin is None:
        field = _field_cell(case)  # a form's field: 借鉴来源：☑其他自贸试验区（Z）　□国务院推广经验
        ticked = _ticked_batch_origins(case, found)
        if field is None:
            return _batch_cell_origins(case, found) if row else ticked
        start, end, cell = field
        origins = _batch_cell_origins(case, found) if row else ticked
    else:
        origins = _batch_cell_origins(case, found)
        start, end = row.origin
        cell = case.document.text[start:end] + "".join(case.document.text[a:b] for a, b in row.origin_more)
        end = row.origin_more[-1][1] if row.origin_more else end  # a cell wrapped over lines: its last piece's end
    if any(o.kind == "zone" and start <= o.evidence.end and o.evidence.start <= end for o in found):
        return origins
    if denies_source(cell):
        return origins
    named = qualified_areas(gazetteer.find_places(cell))  # 北京自贸试验区大兴机场片区: the area
    if named and _measured_against(cell[: named[0][0]]):
        return origins  # 对标Z的服务标准，自主优化: the cell measures against Z, the sentence rules found no copy
    place = (
        gazetteer.resolve(cell.strip())
        or next((p for _, _, p in named), None)
        or gazetteer.area_stems.get(cell.strip())  # 钦州港, 前海: a column of sources names an area by its stem
    )
    if place is None or (place.zone in own_zones and place.area in (None, provider_area)):
        return origins
    return [*origins, Origin("zone", case.document.evidence(start, end), zone=place.zone, area=place.area)]


def _measured_against(before: str) -> bool:
    """True when the words of a source cell before its first zone compare with the zone (对标, 对照, 看齐) or join it as
    a partner (与, 同): the cell is a sentence, and what it says of the zone is the sentence rules' to judge."""
    words = before.rstrip()
    return words.endswith(("与", "同", "跟")) or any(v in words for v in lexicon()["comparison_verbs"])


@cache
def _field_re() -> re.Pattern[str]:
    """A form's field naming where its practice came from (借鉴来源：Z, | 借鉴地区 | Z |, 经验来源<TAB>Z), its value
    up to the line's end or the cell's stroke."""
    labels = word_alternation(lexicon()["origin_labels"])
    return re.compile(
        rf"(?:^|[|│┃\t])[ \t\u3000]*(?:{labels})[ \t\u3000]*(?:[：:]|[|│┃\t])[ \t\u3000]*(?P<value>[^|│┃\t\n]+)",
        re.MULTILINE,
    )


_BOX_RE = re.compile(r"(?=[□☐☑■√✓✔☒▣◼])")


def _field_cell(case: CaseText) -> tuple[int, int, str] | None:
    """The value of the case's form field naming its practice's source, as a table's source cell is read (its span in
    the document and its text), with only the ticked options of a checkbox field (☑其他自贸试验区（Z）　□国务院推广经验
    -> ☑其他自贸试验区（Z））; None when the case has no such field."""
    match = next((m for m in _field_re().finditer(case.text) if not on_page_record(case.text, m.start())), None)
    if match is None:
        return None  # 来源地区：X　　发布日期：… is a page's publishing record, no source field
    value = match["value"]
    ticks = tuple(lexicon()["ticked_boxes"])
    if _BOX_RE.search(value):
        value = "".join(option for option in _BOX_RE.split(value) if option.startswith(ticks))
    evidence = case.evidence(match.start("value"), match.end("value"))
    return evidence.start, evidence.end, value


_BARE_BATCH_RE = re.compile(rf"^\s*(?:第\s*)?(?P<n>[0-9{NUMERAL_CLASS}]+)\s*(?:批次?)?\s*$")


def _batch_cell_origins(case: CaseText, found: list[Origin]) -> list[Origin]:
    """The national batch a row's batch cell names by its number alone (国务院推广批次 | 6; 批次 | 第六批), the series
    being the issuer's that the column's name or the cell names (国务院 → 改革试点经验): none when neither names an
    issuer, or when the case's text already gave a batch. A cell naming a batch in words is read as running text."""
    row = case.table_row
    if row is None or row.batch is None or any(o.kind == "national_batch" for o in found):
        return []
    start, end, column = row.batch
    cell = case.document.text[start:end]
    bare = _BARE_BATCH_RE.match(cell)
    issuers = [w for words in lexicon()["batch_issuers"].values() for w in words]
    issuer = next((w for w in issuers if w in column + cell), None)
    if bare is None or issuer is None:
        return []
    number = parse_chinese_number(bare["n"])
    if number is None:
        return []
    return [Origin("national_batch", case.document.evidence(start, end), _issuer_kind(issuer), number)]


_BATCH_FIELD_RE = re.compile(rf"批次\s*[：:]\s*(?:第\s*)?(?P<n>[0-9{NUMERAL_CLASS}]+)\s*批?")


def _ticked_batch_origins(case: CaseText, found: list[Origin]) -> list[Origin]:
    """The national batch a form states in two fields: its series as a ticked option and its number in a 批次 field,
    on one line or on the form's lines apart (来源类型：□国家试点经验　☑最佳实践案例　　批次：第2批;
    ☑国务院推广经验 over 推广批次：第六批). The option names the series by its word or its issuer (国务院 →
    改革试点经验). None when the case's text already gave a batch, when no ticked option names a national series,
    or when ticked options name two."""
    if any(o.kind == "national_batch" for o in found):
        return []
    lex = lexicon()
    ticks = tuple(lex["ticked_boxes"])
    names = {str(kind): [*words, *lex["batch_issuers"].get(kind, [])] for kind, words in lex["batch_kinds"].items()}
    field = _BATCH_FIELD_RE.search(case.text)
    if field is None:
        return []
    ticked = {
        kind
        for line in re.findall(r"[^\n]+", case.text)
        if _BOX_RE.search(line)
        for option in _BOX_RE.split(re.split(r"批次\s*[：:]", line, maxsplit=1)[0])
        if option.startswith(ticks)
        for kind, words in names.items()
        if any(w in option for w in words)
    }
    number = parse_chinese_number(field["n"])
    if len(ticked) != 1 or number is None:
        return []
    line_start = case.text.rfind("\n", 0, field.start()) + 1
    line_end = case.text.find("\n", field.end())
    evidence = case.evidence(line_start, len(case.text) if line_end < 0 else line_end)
    return [Origin("national_batch", evidence, ticked.pop(), number)]
