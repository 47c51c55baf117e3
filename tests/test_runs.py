"""Build runs and their diff: build the bundled document, edit a copy (change a case's provider, delete a case,
add an agency), build again; ``ftzgraph runs`` shows both builds and ``ftzgraph diff`` exactly those changes."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ftzgraph.api.cli import cli
from ftzgraph.graph import iris
from ftzgraph.graph.read import read_document
from ftzgraph.graph.records import case_records
from ftzgraph.graph.run_diff import Change, compose
from ftzgraph.graph.split import provider_line, split_cases
from ftzgraph.graph.store import OxigraphStore

ADDED_AGENCY = "哈尔滨市市场监督管理局"
SKOS_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def records(store_path: str) -> dict[int, dict[str, Any]]:
    store = OxigraphStore(store_path, read_only=True)
    try:
        return {r["number"]: r for r in case_records(store)}
    finally:
        store.close()


@dataclass
class Edited:
    store: str
    source: Path
    digests: list[str]
    provider_case: int
    old_provider: str
    new_provider: str
    deleted_case: int
    deleted_title: str
    deleted_only_agencies: list[str]
    kept_agencies: list[str]
    agency_case: int


def edit(source: Path, before: dict[int, dict[str, Any]]) -> tuple[int, str, int, int]:
    """Change one case's provider, delete another case, add an agency to a third; cases chosen from the first
    build: the provider change goes to an area case whose agencies are all written out in full (so none of them
    is completed from the provider), the deleted case names an agency no other case names."""
    document = read_document(source)
    cases = {c.number: c for c in split_cases(document).cases}

    def written_in_full(n: int) -> bool:
        text = re.sub(r"\s+", "", cases[n].text)
        return all(agency in text for agency in before[n]["agencies"])

    named: dict[str, int] = {}
    for record in before.values():
        for agency in record["agencies"]:
            named[agency] = named.get(agency, 0) + 1
    provider_case = next(n for n in sorted(before) if before[n]["provider_kind"] == "ftz_area" and written_in_full(n))
    new_provider = next(
        r["provider"]
        for r in before.values()
        if r["provider_kind"] == "ftz_area" and r["provider"] != before[provider_case]["provider"]
    )
    deleted_case = next(
        n
        for n in sorted(before, reverse=True)
        if n != provider_case and any(named[a] == 1 for a in before[n]["agencies"])
    )
    agency_case = next(
        n
        for n in sorted(before)
        if n not in (provider_case, deleted_case) and ADDED_AGENCY not in before[n]["agencies"]
    )
    found = provider_line(cases[provider_case])
    assert found is not None
    _, start, end = found
    edits = [
        (cases[provider_case].start + start, cases[provider_case].start + end, new_provider),
        (cases[agency_case].end, cases[agency_case].end, f"\n{ADDED_AGENCY}负责组织实施。\n"),
        (cases[deleted_case].start, cases[deleted_case].end, ""),
    ]
    text = document.text
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    source.write_text(text, encoding="utf-8")
    return provider_case, new_provider, deleted_case, agency_case


@pytest.fixture(scope="module")
def edited(bundled_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Edited:
    folder = tmp_path_factory.mktemp("runs")
    source, store = folder / "collection.txt", str(folder / "store")
    shutil.copyfile(bundled_path, source)
    digests = [hashlib.sha256(source.read_bytes()).hexdigest()]
    run("build", str(source), "--store", store, "--quiet")
    before = records(store)
    provider_case, new_provider, deleted_case, agency_case = edit(source, before)
    digests.append(hashlib.sha256(source.read_bytes()).hexdigest())
    output = run("build", str(source), "--store", store, "--quiet")
    assert "recorded as run" in output
    others = {a for n, r in before.items() if n != deleted_case for a in r["agencies"]} | {ADDED_AGENCY}
    mine = before[deleted_case]["agencies"]
    return Edited(
        store,
        source,
        digests,
        provider_case,
        before[provider_case]["provider"],
        new_provider,
        deleted_case,
        before[deleted_case]["title"],
        [a for a in mine if a not in others],
        [a for a in mine if a in others],
        agency_case,
    )


def test_runs_shows_both_builds_with_what_they_read(edited: Edited) -> None:
    runs = json.loads(run("runs", "--store", edited.store, "--format", "json"))
    assert len(runs) == 2
    graph = str(
        iris.document_graph(
            json.loads(run("cases", "--store", edited.store, "--format", "json"))[0]["id"].rsplit("-", 1)[0]
        )
    )
    for recorded, digest, action in zip(runs, edited.digests, ["added", "replaced"], strict=True):
        assert recorded["version"] == metadata.version("ftzgraph")
        assert re.fullmatch("[0-9a-f]{64}", recorded["rules_hash"])
        assert recorded["documents"] == [{"file": "collection.txt", "sha256": digest, "action": action, "graph": graph}]
        assert recorded["started"] <= recorded["ended"]
    first, second = ({g["graph"]: g for g in r["graphs"]} for r in runs)
    assert first[graph]["removed"] == 0 and first[graph]["added"] > 1000
    assert second[graph]["added"] > 0 and second[graph]["removed"] > 0
    assert second[str(iris.ENTITIES_GRAPH)]["removed"] > 0  # the deleted case's own agency
    assert runs[0]["rules_hash"] == runs[1]["rules_hash"]
    table = run("runs", "--store", edited.store)
    assert "2 run(s)" in table


def test_diff_lists_exactly_the_three_changes_by_case_and_field(edited: Edited) -> None:
    result = json.loads(run("diff", "--store", edited.store, "--format", "json"))
    [document] = result["documents"]
    changes = [(c["case"], c["field"], c["kind"], c.get("old"), c.get("new")) for c in document["changes"]]
    expected = [
        (edited.provider_case, "provider", "changed", edited.old_provider, edited.new_provider),
        (edited.deleted_case, "case", "removed", edited.deleted_title, None),
        (edited.agency_case, "agencies", "added", None, ADDED_AGENCY),
    ]
    assert sorted(changes, key=str) == sorted(expected, key=str)
    text = run("diff", "--store", edited.store)
    assert f"case {edited.agency_case}: agency {ADDED_AGENCY} added" in text
    assert f"case {edited.provider_case}: provider {edited.old_provider} → {edited.new_provider}" in text
    assert f"case {edited.deleted_case}: removed" in text
    runs = json.loads(run("runs", "--store", edited.store, "--format", "json"))
    assert json.loads(run("diff", runs[0]["id"], runs[1]["id"], "--store", edited.store, "--format", "json")) == result


def test_entities_graph_forgets_the_deleted_cases_own_agency(edited: Edited) -> None:
    assert edited.deleted_only_agencies, "the deleted case was chosen for an agency only it names"
    store = OxigraphStore(edited.store, read_only=True)
    try:
        labels = {
            row["l"]
            for row in store.select(
                f"SELECT ?l WHERE {{ GRAPH <{iris.ENTITIES_GRAPH}> {{ ?a <{SKOS_PREF_LABEL}> ?l }} }}"
            )
        }
    finally:
        store.close()
    assert not set(edited.deleted_only_agencies) & labels
    assert set(edited.kept_agencies) <= labels and ADDED_AGENCY in labels
    result = json.loads(run("diff", "--store", edited.store, "--format", "json"))
    removed = {c["old"] for c in result["entities"] if c["field"] == "entities"}
    assert set(edited.deleted_only_agencies) <= removed
    assert not removed & set(edited.kept_agencies)


def test_keep_runs_bounds_the_history_and_an_unchanged_document_is_skipped(edited: Edited, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    shutil.copytree(edited.store, store)
    run("build", str(edited.source), "--store", store, "--quiet")  # unchanged: skipped
    runs = json.loads(run("runs", "--store", store, "--format", "json"))
    assert len(runs) == 3 and runs[-1]["documents"][0]["action"] == "skipped"
    assert "nothing changed" in run("diff", "--store", store)
    run("build", str(edited.source), "--store", store, "--quiet", "--force", "--keep-runs", "2")
    runs_after = json.loads(run("runs", "--store", store, "--format", "json"))
    assert [r["id"] for r in runs_after[:1]] == [runs[-1]["id"]] and len(runs_after) == 2
    assert runs_after[-1]["documents"][0]["action"] == "replaced"


def test_diff_of_an_unknown_run_is_a_clear_error(edited: Edited) -> None:
    result = CliRunner().invoke(cli, ["diff", "nosuchrun", "--store", edited.store])
    assert result.exit_code == 1
    assert "no run 'nosuchrun'" in result.output and "ftzgraph runs" in result.output
    runs = json.loads(run("runs", "--store", edited.store, "--format", "json"))
    result = CliRunner().invoke(cli, ["diff", runs[1]["id"], runs[0]["id"], "--store", edited.store])
    assert result.exit_code == 1 and "give the older run first" in result.output


def test_the_runs_graph_conforms_to_the_shapes(edited: Edited) -> None:
    output = CliRunner().invoke(cli, ["validate", "--store", edited.store])
    assert output.exit_code == 0, output.output


def test_compose_cancels_and_chains() -> None:
    doc = "https://w3id.org/ftzgraph/id/doc/x"
    first = [
        Change(doc, 1, "agencies", "added", None, "甲局", "case 1: agency 甲局 added"),
        Change(doc, 2, "provider", "changed", "A", "B", "case 2: provider A → B"),
    ]
    second = [
        Change(doc, 1, "agencies", "removed", "甲局", None, "case 1: agency 甲局 removed"),
        Change(doc, 2, "provider", "changed", "B", "C", "case 2: provider B → C"),
    ]
    [change] = compose([first, second])
    assert (change.old, change.new, change.text) == ("A", "C", "case 2: provider A → C")
    back = [Change(doc, 2, "provider", "changed", "C", "A", "case 2: provider C → A")]
    assert compose([first[1:], second[1:], back]) == []
