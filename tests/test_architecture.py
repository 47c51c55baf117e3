"""ARCHITECTURE.md stays true: every folder and module path it names exists in the tree."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Backquoted paths under the package's folders and scripts, e.g. `graph/sources/read.py` or `api/routes/`.
PATH = re.compile(r"`((?:graph|api|ontology|data|scripts|tests)/[\w./-]*)`")
PLANNED = "## Planned"


def named_paths(text: str) -> list[str]:
    """The paths ARCHITECTURE.md names as existing (the section on planned folders names future ones)."""
    return PATH.findall(text.split(PLANNED)[0])


def test_architecture_names_existing_paths() -> None:
    paths = named_paths((ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8"))
    assert len(paths) > 40
    missing = [p for p in paths if not (ROOT / p).exists() or (p.endswith("/") and not (ROOT / p).is_dir())]
    assert missing == []


def test_the_check_catches_a_missing_path() -> None:
    text = "`graph/sources/read.py` and `graph/no_such_module.py`\n## Planned\n`graph/sources/`"
    paths = named_paths(text)
    assert paths == ["graph/sources/read.py", "graph/no_such_module.py"]
    assert [p for p in paths if not (ROOT / p).exists()] == ["graph/no_such_module.py"]


# The stages of graph/, in the order a document goes through them; a stage imports only earlier ones.
STAGES = ["sources", "extract", "rdf", "store", "sparql", "views", "network", "build"]
SHARED = {"errors", "model", "text", "iris", "data_files", "runtime"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["ftzgraph", *parts])


def graph_imports() -> dict[str, set[str]]:
    """Each graph module -> the graph modules it imports at run time (at the top or inside a function;
    imports only for type checking are left out, they never run)."""
    modules = {_module_name(p): p for p in (ROOT / "graph").rglob("*.py")}
    imports: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(node)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for node in ast.walk(block)
        }
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ftzgraph.graph"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    found.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("ftzgraph.graph"))
        imports[name] = found
    return imports


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else None


def upward_imports(imports: dict[str, set[str]]) -> list[str]:
    """Imports that point up the stages (or from a shared module into any stage)."""
    wrong = []
    for module, targets in imports.items():
        here = _stage(module)
        for target in targets:
            there = _stage(target)
            if there not in STAGES:
                continue
            if here in SHARED or (here in STAGES and STAGES.index(there) > STAGES.index(here)):
                wrong.append(f"{module} imports {target}")
    return sorted(wrong)


def test_graph_imports_point_down_the_stages() -> None:
    assert upward_imports(graph_imports()) == []


def test_the_stage_check_catches_an_upward_import() -> None:
    imports = {
        "ftzgraph.graph.rdf.triples": {"ftzgraph.graph.views.queries", "ftzgraph.graph.extract.layout"},
        "ftzgraph.graph.text": {"ftzgraph.graph.sources.read"},
    }
    assert upward_imports(imports) == [
        "ftzgraph.graph.rdf.triples imports ftzgraph.graph.views.queries",
        "ftzgraph.graph.text imports ftzgraph.graph.sources.read",
    ]


def test_no_import_cycles_between_graph_modules() -> None:
    import networkx as nx

    imports = graph_imports()
    graph = nx.DiGraph((a, b) for a, targets in imports.items() for b in targets if b in imports and a != b)
    assert [cycle for cycle in nx.simple_cycles(graph)] == []


def test_every_graph_folder_and_shared_module_is_named() -> None:
    """A new stage folder or shared module is explained in ARCHITECTURE.md, not only created."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8").split(PLANNED)[0]
    named = set(named_paths(text))
    folders = {f"graph/{p.name}/" for p in (ROOT / "graph").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    shared = {f"graph/{p.name}" for p in (ROOT / "graph").glob("*.py") if p.name != "__init__.py"}
    assert sorted((folders | shared) - named) == []
    assert set(STAGES) | {"runtime"} == {f.split("/")[1] for f in folders}


def test_data_files_are_read_through_one_loader() -> None:
    """Only graph/data_files.py finds files of the ``ftzgraph.data`` package; every other module asks it."""
    readers = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "graph").rglob("*.py")
        if path.name != "data_files.py" and re.search(r"""files\(\s*["']ftzgraph\.data""", path.read_text("utf-8"))
    ]
    assert readers == []


def test_no_sparql_is_written_in_the_http_layer() -> None:
    """Routes ask ``graph/views`` for data; a query text in ``api/`` would be a second read side."""
    writing_queries = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "api").rglob("*.py")
        if re.search(r"WHERE\s*\{", path.read_text("utf-8"))
    ]
    assert writing_queries == []


def test_no_http_in_the_domain() -> None:
    """Accept headers, statuses and web frameworks stay in ``api/``."""
    offending = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "graph").rglob("*.py")
        if re.search(
            r"^\s*(from|import) (fastapi|starlette|uvicorn)|NotAcceptable|\bdef negotiate\b",
            path.read_text("utf-8"),
            re.M,
        )
    ]
    assert offending == []
