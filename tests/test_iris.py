"""IRIs are ASCII, stable across processes, distinct for distinct names and derived from content."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from hypothesis import assume, given
from hypothesis import strategies as st

from ftzgraph.graph import iris
from ftzgraph.graph.iris import name_key
from ftzgraph.graph.text import title_key

ASCII_IRI = re.compile(r"^https://w3id\.org/ftzgraph/id/[A-Za-z0-9/_.-]+$")


@given(st.text(min_size=1, max_size=60))
def test_names_always_give_ascii_iris(name: str) -> None:
    for iri in (iris.agency(name), iris.place(name), iris.reform(name), iris.company(name), iris.policy(None, name)):
        assert ASCII_IRI.match(str(iri)), iri


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_names_with_different_keys_give_different_iris(first: str, second: str) -> None:
    assume(name_key(first) != name_key(second))
    assert iris.agency(first) != iris.agency(second)
    assert iris.place(first) != iris.place(second)
    assert iris.company(first) != iris.company(second)


@given(st.text(min_size=1, max_size=30))
def test_kinds_do_not_share_iris(name: str) -> None:
    assert len({iris.agency(name), iris.place(name), iris.reform(name), iris.company(name)}) == 4


@given(st.text(min_size=1, max_size=30), st.sampled_from(["“{}”", "「{}」", " {} ", "‘{}’"]))
def test_quotes_spacing_and_suffix_do_not_change_a_reform_iri(name: str, wrapping: str) -> None:
    assume(title_key(name))
    assert iris.reform(wrapping.format(name)) == iris.reform(name)


# IRIs are a contract: stores and links made by earlier versions name these exact IRIs.
PINNED = {
    "agency": ("哈尔滨海关", "https://w3id.org/ftzgraph/id/agency/ec01204691cc"),
    "place": ("绥芬河片区", "https://w3id.org/ftzgraph/id/place/53279ddfb09e"),
    "reform": ("推行全通版食品药品许可证", "https://w3id.org/ftzgraph/id/reform/5a0cd1865356"),
    "company": ("abc", "https://w3id.org/ftzgraph/id/company/a9993e364706"),
}


def test_known_names_keep_their_iris() -> None:
    for kind, (name, expected) in PINNED.items():
        assert str(getattr(iris, kind)(name)) == expected, kind
    assert str(iris.policy("国函〔2019〕38号", "甲")) == "https://w3id.org/ftzgraph/id/policy/befec69df97b"


def test_iris_are_the_same_in_another_process_with_another_hash_seed() -> None:
    names = [name for name, _ in PINNED.values()] + ["中国（黑龙江）自由贸易试验区", "Customs  Office"]
    script = (
        "import json, sys\n"
        "from ftzgraph.graph import iris\n"
        "names = json.loads(sys.argv[1])\n"
        "print(json.dumps([[str(iris.agency(n)), str(iris.reform(n))] for n in names]))\n"
    )
    here = [[str(iris.agency(n)), str(iris.reform(n))] for n in names]
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script, json.dumps(names)], env=env, capture_output=True, text=True, check=True
        )
        assert json.loads(out.stdout) == here


def test_spacing_width_and_quotes_do_not_change_a_reform_iri() -> None:
    assert iris.reform("推行‘全通版’食品药品许可证") == iris.reform("推行全通版食品药品许可证")
    assert iris.reform("推进信用信息应用 加强社会诚信管理") == iris.reform("推进信用信息应用加强社会诚信管理")
    assert iris.agency("中国(黑龙江)自由贸易试验区") == iris.agency("中国（黑龙江）自由贸易试验区")


def test_policy_documents_are_identified_by_number_first() -> None:
    assert iris.policy("国函〔2019〕38号", "甲") == iris.policy("国函〔2019〕38号", "乙")
    assert iris.policy(None, "《关于甲的通知》") == iris.policy(None, "关于甲的通知")


def test_batches_and_areas_are_readable() -> None:
    assert str(iris.batch("改革试点经验", 6)).endswith("/batch/sc-6")
    assert str(iris.batch("最佳实践案例", None)).endswith("/batch/bp-unnumbered")
    assert str(iris.area("guangdong", "深圳前海蛇口片区", "Shenzhen Qianhai & Shekou Area")).endswith(
        "/zone/guangdong/shenzhen-qianhai-shekou-area"
    )


def test_a_document_graph_leads_back_to_its_document() -> None:
    assert iris.document_of_graph(str(iris.document_graph("d1fc55f7e367a"))) == iris.document("d1fc55f7e367a")
    assert iris.document_of_graph(iris.document_graph("a")) != iris.document_of_graph(iris.document_graph("b"))
