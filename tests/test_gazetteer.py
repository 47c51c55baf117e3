"""Reference lookups: zone and area names as documents write them, national items by tolerant title match."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ftzgraph.graph.extract.gazetteer import load_gazetteer, reference_dir
from ftzgraph.graph.model import Place


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("中国（广东）自由贸易试验区", Place("guangdong")),
        ("中国(广东)自由贸易试验区", Place("guangdong")),
        ("广东自贸试验区", Place("guangdong")),
        ("深圳前海蛇口片区", Place("guangdong", "深圳前海蛇口片区")),
        ("前海蛇口片区", Place("guangdong", "深圳前海蛇口片区")),
        ("中国(湖北)自由贸易试验区襄阳片区", Place("hubei", "襄阳片区")),
        ("广西自贸试验区崇左片区", Place("guangxi", "崇左片区")),
        ("陕西自贸试验区杨凌片区", Place("shaanxi", "杨凌示范区片区")),
        ("中国（上海）自由贸易试验区临港新片区", Place("shanghai", "临港新片区")),
        ("绥芬河片区", Place("heilongjiang", "绥芬河片区")),
        ("某某市", None),
    ],
)
def test_resolve_names_as_written(written: str, place: Place | None) -> None:
    assert load_gazetteer().resolve(written) == place


def test_all_22_zones_with_their_areas_are_loaded() -> None:
    gazetteer = load_gazetteer()
    assert len(gazetteer.zones) == 22
    assert all(any(zone == z for zone, _ in gazetteer.areas) for z in gazetteer.zones)


@pytest.mark.parametrize(
    ("title", "item"),
    [
        ("“推进信用信息应用 加强社会诚信管理”", "推进信用信息应用 加强社会诚信管理"),
        ("保税混矿监管创新", '"保税混矿"监管创新'),
        ("国际贸易单一窗口", '国际贸易"单一窗口"'),
        ("“以信用为核心的跨部门协同监管平台”", "以信用为核心的跨部门协同监管平台"),
        ("完全无关的一项改革名称", None),
    ],
)
def test_match_national_items_tolerantly(title: str, item: str | None) -> None:
    found = load_gazetteer().match_item(title)
    assert (found.name if found else None) == item


def test_reference_data_is_extensible_by_adding_a_row(tmp_path: Path) -> None:
    """A new batch item added to the data is matched on the next load: lists are never closed."""
    source = reference_dir()
    (tmp_path / "ftz_zones.yaml").write_text((source / "ftz_zones.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    batches = yaml.safe_load((source / "national_batches.yaml").read_text(encoding="utf-8"))
    batches["state_council_batches"].append(
        {
            "batch": 8,
            "label_zh": "第八批",
            "document": {"number": "国函〔2030〕1号", "source": "https://example.org/notice", "verified": False},
            "items": [{"name_zh": "跨境数据流动白名单", "origin_ftz": "tianjin", "source": "https://example.org/x"}],
        }
    )
    (tmp_path / "national_batches.yaml").write_text(yaml.safe_dump(batches, allow_unicode=True), encoding="utf-8")
    gazetteer = load_gazetteer(str(tmp_path))
    item = gazetteer.match_item("“跨境数据流动白名单”")
    assert item is not None and item.batches == [("改革试点经验", 8)] and item.origin == Place("tianjin")
    assert gazetteer.batch("改革试点经验", 8) is not None


def _write_reference(tmp_path: Path, items: list[dict[str, object]]) -> Path:
    source = reference_dir()
    (tmp_path / "ftz_zones.yaml").write_text((source / "ftz_zones.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    batches = yaml.safe_load((source / "national_batches.yaml").read_text(encoding="utf-8"))
    batches["state_council_batches"].append({"batch": 9, "label_zh": "第九批", "items": items})
    (tmp_path / "national_batches.yaml").write_text(yaml.safe_dump(batches, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_items_sourced_only_by_a_bundled_document_are_not_reference_data(tmp_path: Path) -> None:
    """An item whose only source points into a bundled document is that document's claim: not loaded, so a
    document can disagree with the reference (the check would otherwise compare the document with itself)."""
    folder = _write_reference(
        tmp_path,
        [
            {"name_zh": "甲乙丙丁联办模式", "source": "corpus/some-collection.txt#L12"},
            {"name_zh": "戊己庚辛通关模式", "source": ["corpus/some-collection.txt#L40", "https://example.org/n"]},
        ],
    )
    gazetteer = load_gazetteer(str(folder))
    assert gazetteer.match_item("甲乙丙丁联办模式") is None
    kept = gazetteer.match_item("戊己庚辛通关模式")
    assert kept is not None and kept.sources == ["https://example.org/n"]
    assert kept.batch_sources == {("改革试点经验", 9): ["https://example.org/n"]}


def test_bundled_items_of_the_shipped_reference_are_left_out() -> None:
    names = {item.name for item in load_gazetteer().items}
    assert "供电服务新模式" not in names  # sourced only by the bundled Heilongjiang collection
    assert all(not s.startswith("corpus/") for item in load_gazetteer().items for s in item.sources)


def test_a_candidate_has_no_batch_fact() -> None:
    """A candidate entry's source names the practice and its zone, not its batch."""
    item = load_gazetteer().match_item("推进信用信息应用 加强社会诚信管理")
    assert item is not None and item.candidate and item.batches == [] and item.origin == Place("shanghai")


def test_a_gazetteer_copied_with_other_names_finds_its_own_places() -> None:
    """``dataclasses.replace`` (as national.with_batches does) gives a gazetteer its own ``find_places``
    cache: one made with other names must not answer from the first one's results (review of #15, finding 11)."""
    import dataclasses

    gazetteer = load_gazetteer()
    text = "本区借鉴上海自贸试验区和广东自贸试验区的经验，推出新做法。"
    assert {p.zone for _, _, p in gazetteer.find_places(text)} == {"shanghai", "guangdong"}
    only = dataclasses.replace(gazetteer, forms={"广东自贸试验区": Place("guangdong")}, _pattern=None)
    assert [p.zone for _, _, p in only.find_places(text)] == ["guangdong"]
