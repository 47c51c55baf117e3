"""The runs a store has recorded, and what changed between two of them: the read side of ``build/runs.py``.

Why a module of its own: recording a run (``runs``) compares graphs with ``run_diff``; listing runs and
composing their changes reads both, so it sits above them and neither imports it back.
"""

from __future__ import annotations

from typing import Any

from ftzgraph.graph import iris
from ftzgraph.graph.build.run_diff import RunError, compose, read_changes
from ftzgraph.graph.build.runs import RUNS
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.ontology.namespace import SPARQL_PREFIXES


def list_runs(store: Store) -> list[dict[str, Any]]:
    """Every recorded run, oldest first: id, IRI, times, version, rules hash, the files read, the triples added
    and removed per graph, and the number of field changes."""
    rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?run ?started ?ended ?version ?rules WHERE {{ GRAPH <{RUNS}> {{
  ?run a ftz:BuildRun ; prov:startedAtTime ?started ; ftz:softwareVersion ?version ; ftz:rulesHash ?rules .
  OPTIONAL {{ ?run prov:endedAtTime ?ended }} }} }} ORDER BY ?started""",
        union_default_graph=False,
    )
    runs = {
        row["run"]: {
            "id": row["run"].rsplit("/", 1)[-1],
            "run": row["run"],
            "started": row["started"],
            "ended": row.get("ended"),
            "version": row["version"],
            "rules_hash": row["rules"],
            "documents": [],
            "graphs": [],
            "changes": 0,
        }
        for row in rows
    }
    for row in store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?run ?read ?file ?sha ?action ?graph WHERE {{ GRAPH <{RUNS}> {{ ?run ftz:documentRead ?read .
  ?read ftz:readFileName ?file ; ftz:action ?action . OPTIONAL {{ ?read ftz:readSha256 ?sha }}
  OPTIONAL {{ ?read ftz:namedGraph ?graph }} }} }}""",
        union_default_graph=False,
    ):
        if row["run"] in runs:
            runs[row["run"]]["documents"].append(
                {
                    "k": int(row["read"].rsplit("/", 1)[-1]),
                    "file": row["file"],
                    "sha256": row.get("sha"),
                    "action": row["action"],
                    "graph": row.get("graph"),
                    "document": str(iris.document_of_graph(row["graph"])) if row.get("graph") else None,
                }
            )
    for row in store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?run ?graph ?added ?removed WHERE {{ GRAPH <{RUNS}> {{ ?run ftz:graphChange ?c .
  ?c ftz:namedGraph ?graph ; ftz:triplesAdded ?added ; ftz:triplesRemoved ?removed }} }} ORDER BY ?graph""",
        union_default_graph=False,
    ):
        if row["run"] in runs:
            runs[row["run"]]["graphs"].append(
                {"graph": row["graph"], "added": int(row["added"]), "removed": int(row["removed"])}
            )
    for row in store.select(
        SPARQL_PREFIXES
        + f"""SELECT ?run (COUNT(?c) AS ?n) WHERE {{ GRAPH <{RUNS}> {{ ?run ftz:fieldChange ?c }} }} GROUP BY ?run""",
        union_default_graph=False,
    ):
        if row["run"] in runs:
            runs[row["run"]]["changes"] = int(row["n"])
    for run in runs.values():
        run["documents"].sort(key=lambda d: d.pop("k"))
    return list(runs.values())


def _resolve(runs: list[dict[str, Any]], ref: str) -> int:
    matches = [i for i, run in enumerate(runs) if run["id"] == ref or run["run"] == ref]
    matches = matches or [i for i, run in enumerate(runs) if run["id"].startswith(ref)]
    if len(matches) != 1:
        known = ", ".join(run["id"] for run in runs) or "none"
        what = "no run" if not matches else "more than one run matches"
        raise RunError(f"{what} '{ref}' (recorded runs: {known}). Hint: `ftzgraph runs` lists them")
    return matches[0]


def diff_runs(store: Store, run_a: str | None = None, run_b: str | None = None) -> dict[str, Any]:
    """What changed from run A to run B (default: the last two runs), grouped by document.

    The changes are those the runs after A up to B recorded, composed; documents those runs added for the
    first time are listed as added. With one run recorded, A is "before any run".
    """
    runs = list_runs(store)
    if not runs:
        raise RunError("no runs recorded in this store. Hint: `ftzgraph build` records one")
    b = _resolve(runs, run_b) if run_b else len(runs) - 1
    a = _resolve(runs, run_a) if run_a else b - 1
    if a >= b:
        raise RunError(f"run '{runs[a]['id']}' is not before run '{runs[b]['id']}': give the older run first")
    between = runs[a + 1 : b + 1]
    changes = compose([read_changes(store, run["run"]) for run in between])
    added_documents = []
    for run in between:
        for read in run["documents"]:
            if read["action"] == "added" and read.get("graph"):
                added_documents.append(str(iris.document_of_graph(read["graph"])))
    titles = {
        row["doc"]: row["title"]
        for row in store.select(
            SPARQL_PREFIXES
            + "SELECT ?doc (SAMPLE(?t) AS ?title) WHERE { ?doc a ftz:SourceDocument ; dcterms:title ?t } GROUP BY ?doc"
        )
    }
    documents: dict[str, dict[str, Any]] = {}
    for doc in added_documents:
        documents.setdefault(doc, {"document": doc, "title": titles.get(doc), "added": True, "changes": []})
    for change in changes:
        if change.document:
            entry = documents.setdefault(
                change.document,
                {"document": change.document, "title": titles.get(change.document), "added": False, "changes": []},
            )
            item = change.as_dict()
            if change.case is not None and not (change.field == "case" and change.kind == "removed"):
                item["case_iri"] = str(iris.case(change.document.rsplit("/", 1)[-1], change.case))
            entry["changes"].append(item)
    for entry in documents.values():
        entry["changes"].sort(key=lambda c: (c.get("case") or 0,))
    return {
        "from": runs[a]["id"] if a >= 0 else None,
        "to": runs[b]["id"],
        "documents": list(documents.values()),
        "entities": [c.as_dict() for c in changes if not c.document],
    }
