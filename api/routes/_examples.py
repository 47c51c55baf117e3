"""One example answer per endpoint for the OpenAPI document, taken from the bundled document's graph."""

from __future__ import annotations

from typing import Any

ID = "https://w3id.org/ftzgraph/id/"
CASE_REF: dict[str, Any] = {
    "iri": ID + "case/d1fc55f7e367a-16",
    "href": "/id/case/d1fc55f7e367a-16",
    "id": "d1fc55f7e367a-16",
    "label": None,
    "number": 16,
    "title": "批次进出、集中申报",
    "document": {
        "iri": ID + "doc/d1fc55f7e367a",
        "href": "/id/doc/d1fc55f7e367a",
        "label": "关于印发我省第三批…的通知",
    },
    "provider": {
        "iri": ID + "zone/heilongjiang/suifenhe-area",
        "href": "/id/zone/heilongjiang/suifenhe-area",
        "label": "绥芬河片区",
        "kind": "ftz_area",
    },
    "origin_batches": [{"iri": ID + "batch/sc-3", "href": "/id/batch/sc-3", "label": "自贸试验区第三批改革试点经验"}],
    "origin_zones": [{"iri": ID + "zone/shanghai", "href": "/id/zone/shanghai", "label": "上海自贸试验区"}],
    "national_items": [
        {"iri": ID + "reform/db98872ad0a3", "href": "/id/reform/db98872ad0a3", "label": "批次进出、集中申报"}
    ],
    "agencies": [
        {
            "iri": ID + "agency/2da89fc959ff",
            "href": "/id/agency/2da89fc959ff",
            "label": "绥芬河海关",
            "sector": "customs",
        }
    ],
}
EVIDENCE = {
    "iri": ID + "evidence/d1fc55f7e367a-27940-28002-4bb85a",
    "quote": "海关特殊监管区域“批次进出、集中申报”源自国务院发布的自由贸易试验区第三批改革试点经验",
    "start": 27940,
    "end": 28002,
    "line": 709,
    "document": ID + "doc/d1fc55f7e367a",
}
LINEAGE = {
    "case": {
        "iri": CASE_REF["iri"],
        "id": "d1fc55f7e367a-16",
        "number": 16,
        "title": "批次进出、集中申报",
        "document": {
            "iri": ID + "doc/d1fc55f7e367a",
            "title": "关于印发我省第三批复制推广自贸试验区制度创新成果典型案例的通知",
            "number": "黑自贸工办函〔2023〕55号",
            "file": "hlj-ftz-2023-batch3-cases.txt",
        },
    },
    "reform": CASE_REF["iri"] + "/reform",
    "provider": {
        "iri": ID + "zone/heilongjiang/suifenhe-area",
        "label": "绥芬河片区",
        "kind": "ftz_area",
        "evidence": {
            "quote": "绥芬河片区",
            "start": 27766,
            "end": 27771,
            "line": 703,
            "document": EVIDENCE["document"],
        },
    },
    "origins": [
        {
            "claim": CASE_REF["iri"] + "/origin/1",
            "kind": "NationalBatchOrigin",
            "reform": {
                "iri": ID + "reform/db98872ad0a3",
                "label": "批次进出、集中申报",
                "national": False,
                "reference_batches": [],
                "reference_zones": [],
            },
            "batch": {
                "iri": ID + "batch/sc-3",
                "label": "自贸试验区第三批改革试点经验",
                "kind": "改革试点经验",
                "number": 3,
            },
            "zone": None,
            "evidence": EVIDENCE,
        }
    ],
    "national_items": [],
    "agencies": [
        {
            "iri": ID + "agency/2da89fc959ff",
            "label": "绥芬河海关",
            "sector": ID + "sector/customs",
            "sector_label": "Customs",
            "parent": {"iri": ID + "agency/ec01204691cc", "label": "哈尔滨海关"},
            "evidence": {
                "quote": "绥芬河海关",
                "start": 27776,
                "end": 27781,
                "line": 705,
                "document": EVIDENCE["document"],
            },
        }
    ],
    "learned_from": [
        {
            "relation": "copies_national_item",
            "relation_zh": "复制国家推广事项",
            "relation_en": "copies a national item",
            "target": "批次进出、集中申报",
            "target_iri": ID + "reform/db98872ad0a3",
            "zone": None,
            "zone_iri": None,
            "batch": {"kind": "改革试点经验", "number": 3},
            "confidence": 0.95,
            "evidence": {
                "quote": EVIDENCE["quote"],
                "line": EVIDENCE["line"],
                "start": EVIDENCE["start"],
                "end": EVIDENCE["end"],
            },
            "claim": CASE_REF["iri"] + "/origin/1",
        }
    ],
    "conflicts": [],
}
CONFLICTS = {
    "data": [
        {
            "iri": ID + "case/d1fc55f7e367a-2/conflict/1",
            "holder": {"iri": ID + "case/d1fc55f7e367a-2", "title": "以信用为核心的跨部门协同监管平台"},
            "kind": "batch",
            "message_zh": "批次不一致：文件称第1批，参考数据为第3批",
            "message_en": "The document places this reform in 最佳实践案例 batch 1; "
            "the reference data places it in batch 3.",
            "about": {"iri": ID + "reform/8857485c8b82", "label": "以信用为核心的跨部门协同监管平台"},
            "document": {
                "iri": ID + "doc/d1fc55f7e367a",
                "title": "关于印发我省第三批复制推广自贸试验区制度创新成果典型案例的通知",
                "claim": ID + "case/d1fc55f7e367a-2/origin/1",
                "quote": "伊春市积极复制推广自贸试验区国家第一批最佳实践案例“以信用为核心的跨部门协同监管平台”…",
                "line": 103,
                "batch": {"iri": ID + "batch/bp-1", "label": "自贸试验区第一批最佳实践案例"},
                "zone": None,
            },
            "authority": {
                "sources": ["https://gps0571.com/fztgsecond/466"],
                "batch": {"iri": ID + "batch/bp-3", "label": "自贸试验区第三批最佳实践案例"},
                "zone": None,
            },
        }
    ],
    "count": 1,
}
# Every list answer links its neighbouring pages (null at either end).
PAGES: dict[str, Any] = {"next": None, "prev": None}
CASES = {"data": [CASE_REF], "count": 1, **PAGES}
CASE = {
    **CASE_REF,
    "companies": [
        {
            "iri": ID + "company/6e2eb208f980",
            "label": "黑龙江辛巴赫精酿啤酒有限公司",
            "href": "/id/company/6e2eb208f980",
        }
    ],
    "warnings": [],
    "lineage": LINEAGE,
    "outcomes": [
        {
            "iri": CASE_REF["iri"] + "/outcome/2",
            "measure": "区内企业节约物流成本",
            "value": 340,
            "unit": "万元",
            "evidence": {**EVIDENCE, "quote": "节约物流成本340万元"},
        }
    ],
    "documents": [
        {
            "iri": ID + "policy/86c60618d4c6",
            "href": "/id/policy/86c60618d4c6",
            "label": "推动综合保税区高质量发展综合改革措施",
        }
    ],
    "dates": ["2019"],
    # the case's own evidence also says which statement it supports
    "evidence": [{**EVIDENCE, "supports": "http://purl.org/dc/terms/title", "object": "批次进出、集中申报"}],
}
REFORM_REF = {
    "iri": ID + "reform/db98872ad0a3",
    "href": "/id/reform/db98872ad0a3",
    "id": "db98872ad0a3",
    "label": "批次进出、集中申报",
    "national": True,
    "batches": [{"iri": ID + "batch/sc-3", "href": "/id/batch/sc-3", "label": "自贸试验区第三批改革试点经验"}],
    "piloted_in": [{"iri": ID + "zone/shanghai", "href": "/id/zone/shanghai", "label": "上海自贸试验区"}],
    "cases": 1,
}
REFORMS = {"data": [REFORM_REF], "count": 29, **PAGES}
REFORM = {
    **REFORM_REF,
    "alt_labels": ["分送集报"],
    "domains": [],
    "scope": None,
    "sources": [],
    "copied_by": [
        {
            **CASE_REF,
            "origin_kinds": ["NationalBatchOrigin", "ZoneOrigin"],
            "evidence": [EVIDENCE],
            "dates": ["2019"],
            "document_number": "黑自贸工办函〔2023〕55号",
            "relations": [
                {
                    "relation": "copies_national_item",
                    "relation_zh": "复制国家推广事项",
                    "relation_en": "copies a national item",
                    "confidence": 0.95,
                    "batch": {"kind": "改革试点经验", "number": 3},
                    "zone": None,
                }
            ],
        }
    ],
}
ZONE_REF = {
    "iri": ID + "zone/shanghai",
    "href": "/id/zone/shanghai",
    "id": "shanghai",
    "label": "中国（上海）自由贸易试验区",
    "short": "上海自贸试验区",
    "label_en": "China (Shanghai) Pilot Free Trade Zone",
    "province": "上海市",
    "created": "2013-09-29",
    "areas": [
        {
            "iri": ID + "zone/shanghai/lujiazui-financial-area",
            "id": "shanghai/lujiazui-financial-area",
            "href": "/id/zone/shanghai/lujiazui-financial-area",
            "label": "陆家嘴金融片区",
        }
    ],
    "cases": 4,
    "national_items": 3,
}
ZONES = {"data": [ZONE_REF], "count": 22, **PAGES}
ZONE = {
    **{k: v for k, v in ZONE_REF.items() if k not in ("cases", "national_items")},
    "kind": "zone",
    "alt_labels": ["上海自由贸易试验区"],
    "parent": None,
    "sources": ["https://gyzzzx.com/culture/gd/201911/28/t20191128_33718680.shtml"],
    "reforms": [
        {**REFORM_REF, "basis": ["reference", "document"], "copied_by": [{**CASE_REF, "evidence": [EVIDENCE]}]}
    ],
    "provided_cases": [],
}
AGENCY_REF: dict[str, Any] = {
    "iri": ID + "agency/2da89fc959ff",
    "href": "/id/agency/2da89fc959ff",
    "id": "2da89fc959ff",
    "label": "绥芬河海关",
    "sector": {
        "iri": ID + "sector/customs",
        "href": "/id/sector/customs",
        "id": "customs",
        "label": "海关",
        "label_en": "Customs",
    },
    "parent": {
        "iri": ID + "agency/ec01204691cc",
        "href": "/id/agency/ec01204691cc",
        "label": "哈尔滨海关",
    },
    "cases": 2,
}
AGENCIES = {"data": [AGENCY_REF], "count": 67, **PAGES, "next": "http://localhost:8000/agencies?offset=50"}
AGENCY = {
    **{k: v for k, v in AGENCY_REF.items() if k != "cases"},
    "parent": {**AGENCY_REF["parent"], "id": "ec01204691cc"},
    "alt_labels": [],
    "city": {"iri": ID + "place/22bd23b34238", "href": "/id/place/22bd23b34238", "label": "绥芬河市"},
    "children": [],
    "cases": [
        {**CASE_REF, "evidence": [{**EVIDENCE, "quote": "绥芬河海关", "start": 27776, "end": 27781, "line": 705}]}
    ],
    "partners": [
        {
            "iri": ID + "agency/ec01204691cc",
            "id": "ec01204691cc",
            "href": "/id/agency/ec01204691cc",
            "label": "哈尔滨海关",
            "sector": "customs",
            "sector_label": "海关 Customs",
            "shared": 1,
            "cases": ["d1fc55f7e367a-16"],
        }
    ],
}
BATCHES = {
    "data": [
        {
            "iri": ID + "batch/sc-3",
            "href": "/id/batch/sc-3",
            "id": "sc-3",
            "label": "自贸试验区第三批改革试点经验",
            "label_en": "FTZ reform pilot experiences, batch 3",
            "kind": "改革试点经验",
            "number": 3,
            "issued": "2017",
            "declared_items": 5,
            "items": 1,
            "cases": 1,
        }
    ],
    "count": 13,
    **PAGES,
}
DOCUMENTS = {
    "data": [
        {
            "iri": ID + "doc/d1fc55f7e367a",
            "href": "/id/doc/d1fc55f7e367a",
            "id": "d1fc55f7e367a",
            "title": "关于印发我省第三批复制推广自贸试验区制度创新成果典型案例的通知",
            "number": "黑自贸工办函〔2023〕55号",
            "publisher": "中国(黑龙江)自由贸易试验区工作办公室",
            "file": "hlj-ftz-2023-batch3-cases.txt",
            "declared_cases": 28,
            "cases": 28,
        }
    ],
    "count": 1,
    **PAGES,
}
STATS = {
    "classes": {"Case": 28, "Agency": 67, "Evidence": 410},
    "cases_per_provider": {"绥芬河片区": 14},
    "cases_per_origin_batch": {"自贸试验区第六批改革试点经验": 3},
    "cases_per_origin_zone": {"上海自贸试验区": 4},
    "conflicts": [],
}
SEARCH = {
    "data": [
        {
            "iri": ID + "case/d1fc55f7e367a-16",
            "href": "/id/case/d1fc55f7e367a-16",
            "id": "d1fc55f7e367a-16",
            "kind": "case",
            "label": "批次进出、集中申报",
            "matched": "批次进出、集中申报",
        }
    ],
    "count": 1,
}
NETWORK = {
    "elements": {
        "nodes": [
            {
                "data": {
                    "id": ID + "agency/2da89fc959ff",
                    "label": "绥芬河海关",
                    "kind": "agency",
                    "iri": ID + "agency/2da89fc959ff",
                    "sector": "customs",
                    "sector_label": "海关",
                    "sector_label_en": "Customs",
                    "city": "绥芬河市",
                    "province": "黑龙江省",
                    "parent": "哈尔滨海关",
                    "cases": 2,
                    "providers": ["绥芬河片区"],
                }
            }
        ],
        "edges": [
            {
                "data": {
                    "id": ID + "agency/2da89fc959ff|" + ID + "agency/ec01204691cc",
                    "source": ID + "agency/2da89fc959ff",
                    "target": ID + "agency/ec01204691cc",
                    "weight": 1,
                    "cases": ["d1fc55f7e367a-16"],
                }
            }
        ],
    },
    "data": {"kind": "agencies", "filter": "no filter"},
    "directed": False,
    "multigraph": False,
}
