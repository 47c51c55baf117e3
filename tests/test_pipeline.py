"""Provider kinds and the adopting side's own zones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.extract.provider import provider_kind
from ftzgraph.graph.model import Document, Place
from ftzgraph.graph.sources.read import read_document
from ftzgraph.graph.text import title_key


@pytest.mark.parametrize(
    ("name", "kind", "place"),
    [
        ("大庆市", "city", None),
        ("大兴安岭地区", "city", None),
        ("绥芬河片区", "ftz_area", Place("heilongjiang", "绥芬河片区")),
        ("中国（广西）自由贸易试验区崇左片区", "ftz_area", Place("guangxi", "崇左片区")),
        ("省商务厅", "other", None),
    ],
)
def test_provider_kind(name: str, kind: str, place: Place | None) -> None:
    assert provider_kind(name, load_gazetteer()) == (kind, place)


def test_extraction_of_the_bundled_document(bundled_path) -> None:  # type: ignore[no-untyped-def]
    extraction = extract_document(read_document(bundled_path))
    assert len(extraction.cases) == 28
    assert extraction.warnings == []
    case = next(c for c in extraction.cases if c.number == 16)
    assert case.national_item is None  # the reference lists its item only from this document: not an authority
    assert next(c for c in extraction.cases if c.number == 2).national_item == "以信用为核心的跨部门协同监管平台"
    assert {"title", "provider", "origin_batches", "agencies"} <= set(case.evidence)
    for fact in case.evidence.values():
        assert extraction.document.text[fact.start : fact.end] == fact.quote


TONGBAO = """某市商务局
关于自贸试验区改革试点经验复制推广工作推进情况的通报

各县市区商务主管部门：
　　现将有关情况通报如下：
　　一、典型做法
　　（一）甲县推行陶瓷出口“集拼转关”。甲县商务局借鉴某自贸试验区做法，在产业园设立集拼仓，企业物流成本降低约18%，今年出口货值12.5亿元。
　　（二）乙区推行装备“研发+检测”共享平台。该平台为乙区首创，区科技局整合园区检测资源，检测周期缩短40%，已服务企业210家。
　　（三）市行政审批服务局推行“证照联办”。复制推广国务院第六批自贸试验区改革试点经验，市行政审批服务局将24项许可联合办理，办理时限由15个工作日压缩至3个工作日。
　　二、下一步工作
　　各地要加快推进未落地事项。

某市商务局
2024年9月10日
"""


def test_a_progress_notice_whose_one_case_copies_a_batch_tells_its_cases_and_lists_no_batch() -> None:
    """“证照联办” in the third paragraph's heading reads as a notice's item; the text tells three cases."""
    document = Document(id="t", path=Path("t.txt"), text=TONGBAO, sha256="t")
    extraction = extract_document(document)
    assert extraction.batch is None or not extraction.batch.items
    assert [case.title for case in extraction.cases] == [
        "甲县推行陶瓷出口“集拼转关”",
        "乙区推行装备“研发+检测”共享平台",
        "市行政审批服务局推行“证照联办”",
    ]


def test_a_report_stating_its_count_keeps_its_cases_over_a_later_batch_mention() -> None:
    """A study-tour report (round 34, written blind) states 4项典型做法 over four headings, each naming a practice a
    national batch also lists, and later recommends 借鉴“…”: the text tells cases; it lists no batch."""
    folder = Path(__file__).parent / "data" / "blind" / "round34"
    gold = yaml.safe_load((folder / "weifang-kaocha-collection.gold.yaml").read_text(encoding="utf-8"))
    extraction = extract_document(read_document(folder / "weifang-kaocha-collection.txt"), load_gazetteer())
    assert [title_key(c.title) for c in extraction.cases] == [title_key(c["title"]) for c in gold["cases"]]


_RECORDS_SCRIPT = """
import sys
import os
import subprocess
import sys
from pathlib import Path
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.sources.read import read_document
for path in sys.argv[1:]:
    print(path)
    for case in extract_document(read_document(Path(path)), load_gazetteer()).cases:
        print(repr(case))
"""

_TIED_MEETING = """会议名称：案例交流会

发言人1　00:00:40
那个请甲海关介绍第一个案例“保税维修监管创新”

发言人3　00:00:55
嗯我们甲海关推行保税维修监管创新今年维修飞机发动机120台同比增长30%

发言人2　00:03:00
好第二个是乙区的“企业开办一日办结”请乙区

发言人4　00:03:15
那个乙区这边企业开办一日办结营业执照和公章一次领取今年新设企业8600户办理时间压缩到1天

发言人1　00:05:40
第三个案例请丙局介绍“工程审批告知承诺”

发言人5　00:05:55
嗯丙局推行工程审批告知承诺企业承诺后先行开工审批时间缩短60%惠及项目210个

发言人2　00:08:00
第四个案例请丁区介绍“跨境数据流动白名单”

发言人6　00:08:15
丁区建立跨境数据流动白名单制度数据出境评估时间缩短至15个工作日已有23家企业入选
"""


def test_extraction_records_are_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Ties once went by a set's order, which changes with PYTHONHASHSEED: the same documents extracted in two
    processes with different seeds (which split this meeting's tied chairs differently before) give equal records."""
    meeting = tmp_path / "meeting.txt"
    meeting.write_text(_TIED_MEETING, encoding="utf-8")
    unseen = Path(__file__).parent / "data" / "unseen"
    paths = [str(meeting), *(str(p) for p in sorted(unseen.glob("*-collection.txt"))[:3])]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _RECORDS_SCRIPT, *paths], env=env, capture_output=True, text=True, check=True
        )
        outputs.append(run.stdout)
    assert "保税维修监管创新" in outputs[0]
    assert outputs[0] == outputs[1]
