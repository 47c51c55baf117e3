"""What can be a provider at all: a unit a case can name as its provider, or a fragment, a generic word or a piece
of a sentence that stands where a unit would, and where in a line's words a unit stands. Split from
``_provider_convention.py`` by noun: this module reads one name; ``_provider_convention.py`` reads the frame a
document names its providers in, and ``provider.py`` and ``_provider_subjects.py`` read one case with these tests.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ftzgraph.graph.data_files import load_lexicon as load_lexicon_file
from ftzgraph.graph.extract._agency_names import load_divisions, load_lexicon
from ftzgraph.graph.extract._agency_zones import official_zone_name
from ftzgraph.graph.extract._split_leads import is_generic, is_place, place_lead_not
from ftzgraph.graph.extract._split_units import signature_unit, stem_place
from ftzgraph.graph.extract._split_words import fallback_words
from ftzgraph.graph.extract.gazetteer import load_gazetteer

_NAME_RE = re.compile(r"[\u4e00-\u9fff（）()·]{2,30}")


_FRAGMENT_RE = re.compile(r"^(?:有关|相关|其他|其它)")
"""Words a generic phrase opens with (有关部门, 相关单位): no unit."""


_PREPOSITIONS = "在于从据向对由将把"
"""A preposition before a fragment or a unit (在全市, 由市商务局): a piece of a sentence, never a unit's name."""


_CONJUNCTIONS = "并且又也还而"
"""A conjunction before one (并在全市率先推行, 又由X局): the next clause of a sentence, never a unit's name."""


@lru_cache(maxsize=8192)  # a name is read in many frames and cases; a served process keeps a bounded few
def is_fragment(name: str) -> bool:
    """True when ``name`` is a piece of a sentence or a generic word rather than a unit: 在全市, 全省, 我市, 有关部门,
    园区 alone. A name opening with a real division's name or stem (从化区, 于都县, 将乐县商务局, 本溪市) is none, and
    neither is a court's own 本院 (``provider_court`` names it)."""
    divisions = load_divisions()
    if name.startswith("本院") or any(
        name[:k] in divisions.names or name[:k] in divisions.stems for k in range(2, min(len(name), 8) + 1)
    ):
        return False
    if name[:1] in _PREPOSITIONS + _CONJUNCTIONS and len(name) > 2 and (is_fragment(name[1:]) or can_provide(name[1:])):
        return True
    return bool(_FRAGMENT_RE.search(name) or re.search(place_lead_not(), name) or is_generic(name))


def _placed(name: str) -> bool:
    """True when ``name`` opens with a place: a division's name or stem (吉安, 宝鸡市, 陈仓区), a level (市X局, 区X局,
    自治区X厅) or an FTZ or area the gazetteer knows (南沙片区X局)."""
    divisions = load_divisions()
    if name.startswith(_LEVELS) or any(
        name[:k] in divisions.names or name[:k] in divisions.stems for k in range(2, min(len(name), 10) + 1)
    ):
        return True
    found = load_gazetteer().find_places(name)
    return bool(found and found[0][0] == 0)


_LEVELS = ("省", "市", "区", "县", "州", "盟", "旗", "自治区", "自治州", "自治县", "中共", "国家", "中国")
"""A body written by its level alone (市商务局, 区法院), or a national network's name (国家税务总局X, 中国人民银行X)."""


@lru_cache(maxsize=8192)
def can_provide(name: str) -> bool:
    """True when ``name`` is a unit that can provide a case: a place (a province, city, county, district, an FTZ or
    its area, a development zone), the stem of one city or county, or a body whose name parses as one: a place, a
    level or a network before a body's core, a unit's or an organisation's ending (X市商务局, 吉安海关, X出入境边防
    检查站, X管委会, X市贸促会)."""
    if not _NAME_RE.fullmatch(name) or is_fragment(name):
        return False
    divisions = load_divisions()
    if name in divisions.names or name in divisions.full_of or stem_place(name):
        return True
    if load_gazetteer().resolve(name) is not None:
        return True  # 南沙片区: an FTZ's area by its own name
    if (official := official_zone_name(name)) != name:
        return can_provide(official)  # 宝鸡高新区管委会: a development zone by its official name
    if not _placed(name):
        return False
    cores = [m for m in load_lexicon().core_re.finditer(name) if m.end() == len(name)]
    if cores and cores[-1].start() >= 1:
        return True
    signed = signature_unit(name)
    inner = any(m.end() < len(name) for m in load_lexicon().core_re.finditer(name))  # X局参照…推行: a sentence
    organisation = 4 <= len(name) <= 12 and not inner and name.endswith(tuple(fallback_words()["organisation_endings"]))
    return (signed is not None and signed[0] == name) or (is_place(name) and len(name) <= 12) or organisation


@cache
def _origin_field_re() -> re.Pattern[str]:
    words = load_lexicon_file("origins")
    labels = sorted({*words["origin_labels"], *words["origin_nouns"]}, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, labels))})\s*[】\]〕]?\s*[：:｜|]?\s*$")


def origin_field(text: str, start: int) -> bool:
    """True when the words before ``start`` on its line are a field's label naming where a practice came from
    (先行地：, 【经验来源】, data/lexicon/origins.yaml): whatever unit or place follows, it is no provider."""
    return start >= 0 and _origin_field_re().search(text[text.rfind("\n", 0, start) + 1 : start]) is not None


def provided_unit(name: str) -> str:
    """``name`` without the words a provider line goes on with after its unit (X海关提供背景材料 read as X海关提供,
    X管委会整理): the longest start of ``name`` that can provide, when what follows it is a short phrase that ends no
    organisation's name (吉安市现代物流协会 and 锦州港股份有限公司 stay whole). Else ``name`` as written."""
    if can_provide(name):
        return name
    endings = (*fallback_words()["organisation_endings"], *fallback_words()["unit_suffixes"])
    for end in range(len(name) - 2, 2, -1):
        rest = name[end:]
        if can_provide(name[:end]):
            return name[:end] if re.fullmatch("[\u4e00-\u9fff]{2,6}", rest) and not rest.endswith(endings) else name
    return name


_NAME_GOES_ON_RE = re.compile(
    r"(?:会|部|处|科|站|所|组|中心|办公室|委员会)|[\u4e00-\u9fff]{0,3}(?:局|中心|处|科|室|站|所|部|会|委员会)$"
)
"""What follows a join word inside a unit's own name (工商业联合会, 市委组织部, 就业指导中心, 社会组织管理局)."""


@cache
def _clause_joins_re() -> re.Pattern[str]:
    words = sorted(fallback_words()["clause_joins"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def clause_unit(name: str) -> str | None:
    """``name`` up to the verb that joins its body to the next one in a sentence (X检查站联合Y海关, X县人民政府组织
    县农业农村局, X支局指导企业办): the body before the verb when it can provide, None when what stands before it is
    no unit (检查站联合Y海关: a clause's piece). A name without such a verb, or one whose verb goes on as a word of
    its own name (X市工商业联合会, 中共X市委组织部), is returned as written."""
    if load_gazetteer().resolve(name) is not None:
        return name  # a place the gazetteer knows by this name whole
    if (opening := _clause_joins_re().match(name)) and can_provide(name[opening.end() :]):
        return None  # 联合X局, 会同X海关设立…: the next clause of a sentence whose subject stood before it
    if (pair := re.match("(?P<a>[\u4e00-\u9fff]{2,20}?)(?:与|和|及|同)(?P<b>[\u4e00-\u9fff]{2,20})$", name)) and (
        can_provide(pair["a"]) and can_provide(pair["b"])
    ):
        return pair["a"]  # X县人民法院与X县: two units joined, the first a unit
    for join in _clause_joins_re().finditer(name):
        if join.start() < 2 or _NAME_GOES_ON_RE.match(name, join.end()):
            continue
        head = name[: join.start()]
        return head if can_provide(head) else None
    return name


def _unit_in(text: str) -> tuple[int, int] | None:
    """The span of the unit a bracket's or a line's words name (本题由X协助设计, 报送：X, ——X, X): after a 由 or a
    label's colon, the longest run that can provide."""
    begin = 0
    for mark in ("由", "：", ":", "——", "—", "\t", "\u3000"):
        at = text.rfind(mark)
        if at >= 0:
            begin = max(begin, at + len(mark))
    rest = text[begin:].strip()
    begin = text.find(rest, begin) if rest else begin
    for end in range(min(len(rest), 30), 1, -1):
        if can_provide(rest[:end]):
            return begin, begin + end
    return None
