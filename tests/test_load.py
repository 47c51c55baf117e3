"""``ftzgraph load``: every supported syntax in, triples kept in their graphs, a bad file named with its line and
the store left exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from ftzgraph.api.cli.main import cli

EX = "http://example.org/"
G = f"{EX}g"
TRIPLES = {
    "data.nt": f'<{EX}s> <{EX}p> "一" .\n<{EX}s> <{EX}q> <{EX}o> .\n',
    "data.ttl": f'@prefix ex: <{EX}> .\nex:s ex:p "一" ;\n  ex:q ex:o .\n',
    "data.rdf": f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="{EX}">
  <rdf:Description rdf:about="{EX}s"><ex:p>一</ex:p><ex:q rdf:resource="{EX}o"/></rdf:Description>
</rdf:RDF>
""",
    "data.jsonld": f'{{"@id": "{EX}s", "{EX}p": "一", "{EX}q": {{"@id": "{EX}o"}}}}',
}
QUADS = {
    "data.nq": f'<{EX}s> <{EX}p> "一" <{G}> .\n<{EX}s> <{EX}q> <{EX}o> <{G}> .\n',
    "data.trig": f'@prefix ex: <{EX}> .\nex:g {{ ex:s ex:p "一" ; ex:q ex:o . }}\n',
    "graphs.jsonld": f'{{"@id": "{G}", "@graph": [{{"@id": "{EX}s", "{EX}p": "一", "{EX}q": {{"@id": "{EX}o"}}}}]}}',
}
EXPECTED = {(f"{EX}s", f"{EX}p", "一"), (f"{EX}s", f"{EX}q", f"{EX}o")}


def _load(store: Path, *args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["load", *map(str, args), "--store", str(store), "--quiet"])
    return result.exit_code, result.output


def _content(store: Path) -> set[tuple[str, str, str, str | None]]:
    reader = ox.Store.read_only(str(store))
    try:
        return {
            (q.subject.value, q.predicate.value, q.object.value, getattr(q.graph_name, "value", None)) for q in reader
        }
    finally:
        del reader


@pytest.mark.parametrize("name", sorted(TRIPLES))
def test_triples_of_each_syntax_go_to_the_graph_given(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(TRIPLES[name], encoding="utf-8")
    code, output = _load(tmp_path / "store", tmp_path / name, "--graph", G)
    assert code == 0, output
    assert "2 quads from 1 file(s)" in output
    assert _content(tmp_path / "store") == {(*t, G) for t in EXPECTED}


@pytest.mark.parametrize("name", sorted(QUADS))
def test_quads_of_each_syntax_keep_their_graph(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(QUADS[name], encoding="utf-8")
    code, output = _load(tmp_path / "store", tmp_path / name)
    assert code == 0, output
    assert _content(tmp_path / "store") == {(*t, G) for t in EXPECTED}


def test_triples_without_graph_go_to_the_default_graph(tmp_path: Path) -> None:
    (tmp_path / "data.nt").write_text(TRIPLES["data.nt"], encoding="utf-8")
    assert _load(tmp_path / "store", tmp_path / "data.nt")[0] == 0
    assert _content(tmp_path / "store") == {(*t, None) for t in EXPECTED}


def test_blank_nodes_of_two_files_stay_apart(tmp_path: Path) -> None:
    for name, value in (("a.nt", "1"), ("b.nt", "2")):
        (tmp_path / name).write_text(f'_:b0 <{EX}p> "{value}" .\n', encoding="utf-8")
    assert _load(tmp_path / "store", tmp_path / "a.nt", tmp_path / "b.nt", "--graph", G)[0] == 0
    assert len({s for s, *_ in _content(tmp_path / "store")}) == 2


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("bad.nt", f'<{EX}s> <{EX}p> "a" .\n<{EX}s> <{EX}p> "b .\n', 2),
        ("bad.ttl", f'@prefix ex: <{EX}> .\nex:s ex:p "a" .\n\nex:s ex:p ex:o ex:x .\n', 4),
        ("bad.nq", f'<{EX}s> <{EX}p> "a" <{G}> .\n<{EX}s> <{EX}p> <not an iri> <{G}> .\n', 2),
        ("bad.trig", f"@prefix ex: <{EX}> .\nex:g {{\n  ex:s ex:p ex:o .\n  ex:s ex:p .\n}}\n", 4),
        (
            "bad.rdf",
            f'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="{EX}">\n'
            f'<rdf:Description rdf:about="{EX}s">\n<ex:p>a</ex:q>\n</rdf:RDF>\n',
            3,
        ),
        ("bad.jsonld", f'{{"@id": "{EX}s",\n "{EX}p": [1, 2,\n }}', 3),
    ],
)
def test_a_bad_file_is_named_with_its_line_and_nothing_is_loaded(
    tmp_path: Path, name: str, text: str, line: int
) -> None:
    store = tmp_path / "store"
    (tmp_path / "before.nt").write_text(f'<{EX}old> <{EX}p> "kept" .\n', encoding="utf-8")
    assert _load(store, tmp_path / "before.nt")[0] == 0
    before = _content(store)
    (tmp_path / "good.nt").write_text(TRIPLES["data.nt"], encoding="utf-8")  # read before the bad one
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, output = _load(store, tmp_path / "good.nt", tmp_path / name, "--graph", G)
    assert code == 1
    assert f"{tmp_path / name}, line {line}:" in " ".join(output.split())
    assert _content(store) == before


def test_unknown_extension_and_missing_file_are_named(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    code, output = _load(tmp_path / "store", tmp_path / "data.csv")
    assert code == 1 and "data.csv" in output and ".ttl" in output
    code, output = _load(tmp_path / "store", tmp_path / "nowhere.ttl")
    assert code == 1 and "nowhere.ttl: no such file" in " ".join(output.split())
