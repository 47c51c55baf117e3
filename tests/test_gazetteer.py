"""Reference lookups: zone and area names as documents write them, national items by tolerant title match."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ftzgraph.graph.gazetteer import Place, load_gazetteer, reference_dir


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
        ("公证最多跑一次", '公证"最多跑一次"'),
        ("多领域包容免罚事项清单", "包容免罚（多领域包容免罚事项清单）"),
        ("供电服务新模式", "供电服务新模式"),
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
