"""Server-rendered pages: the Jinja2 environment, the lineage diagram's layout, and the generic resource page.

Templates live in ``api/templates/``, static files in ``api/static/`` (JavaScript libraries vendored under
``static/vendor/``, see its README). A resource's page is rendered by its route module (``case_page`` in
``routes/cases.py``, ...), which calls one ``graph/`` function and hands the result to a template; the only
logic here is presentation (where the boxes of the lineage diagram go) and the generic page of any resource.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ftzgraph.api.concept_labels import concept_name
from ftzgraph.api.routes.schemas import local_path
from ftzgraph.graph.network.styles import sector_styles
from ftzgraph.graph.store.oxigraph import Store
from ftzgraph.graph.views.describe import describe
from ftzgraph.graph.views.lineage_results import CaseDetail, Lineage
from ftzgraph.graph.views.records import stats
from ftzgraph.graph.views.reforms import list_zones
from ftzgraph.graph.views.resource_filters import CaseFilter
from ftzgraph.graph.views.resources import list_cases, list_documents
from ftzgraph.graph.views.vocabulary import curie
from ftzgraph.ontology.namespace import ID

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
QUERIES = HERE / "queries"


def _base_href(request: Request) -> dict[str, str]:
    """Pages link relatively against ``<base href>``: the app's root, so they work behind a path prefix."""
    return {"base_href": str(request.scope.get("root_path", "")).rstrip("/") + "/"}


def page_href(iri: str) -> str:
    """Where ``iri`` dereferences, relative to the page's ``<base href>`` (other IRIs as they are)."""
    path = local_path(iri)
    return path.lstrip("/") if path.startswith("/") else path


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _PageEnvironment(jinja2.Environment):
    """Jinja's environment, with ``x.name`` on a plain dict (every read-side result is one) looked up as a key
    first. Jinja tries the attribute first, and the ``AttributeError`` it catches for each field a page shows
    was a good part of rendering one. Same answers: a dict has no attribute but those of its type, which
    still come first."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


templates = Jinja2Templates(
    env=_PageEnvironment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(),
        auto_reload=False,  # the templates ship with the package: no stat of each file on every page
    ),
    context_processors=[_base_href],
)
templates.env.filters["href"] = page_href
templates.env.filters["concept"] = concept_name
templates.env.filters["tail"] = lambda iri: str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def warm_up_pages() -> int:
    """Compile every template and read the vocabulary's concept names now; returns how many templates.

    Why: both are done once per process, on its first page otherwise, where they cost a hundred times a
    page's rendering, and every request that came at that moment waited for them: the slowest of a fresh
    worker's pages. ``ftzgraph serve`` calls this as a process starts, before it freezes its start-up heap.
    """
    names = templates.env.list_templates(filter_func=lambda name: name.endswith(".html"))
    for name in names:
        templates.env.get_template(name)
    concept_name("")
    return len(names)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The template ``name`` rendered with ``context``; ``Vary: Accept`` since the same URL also serves RDF."""
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Vary"] = "Accept"
    return response


def example_queries() -> list[dict[str, str]]:
    """The example queries in ``api/queries/*.rq``: name, the first comment line as title, and the text."""
    queries = []
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = next((line for line in text.splitlines() if line.startswith("#")), "# " + path.stem)
        queries.append({"name": path.stem, "title": first.lstrip("# ").strip(), "query": text})
    return queries


COLUMN_WIDTH, BOX_WIDTH, MARGIN = 310, 200, 12
LINE_HEIGHT, CAPTION_HEIGHT, MAX_LINES, LINE_EMS = 17, 18, 3, 13.5
# Edge labels are drawn at EDGE_FONT px (``svg.diagram .edge-label`` in the page's CSS) in the gap between two
# columns; a label line may take the gap less its white halo, so no label runs under a box.
EDGE_FONT, EDGE_LINE_HEIGHT = 11, 13
EDGE_LINE_EMS = (COLUMN_WIDTH - BOX_WIDTH - 10) / EDGE_FONT
# What each box is: case and national item often carry the same title, so every box says its type.
BOX_TYPES = {
    "case": "案例 case",
    "reform": "国家事项 national item",
    "batch": "批次 batch",
    "zone": "首创地 origin",
    "provider": "提供单位 provider",
    "agency": "实施部门 agency",
    "batch authority": "权威批次 batch (authority)",
}


def _ems(char: str) -> float:
    """Width of ``char`` in ems, near enough for wrapping: CJK and full-width forms 1, others about 0.55."""
    return 1.0 if ord(char) >= 0x2E80 else 0.55


def wrap_label(text: str | None, width_ems: float = LINE_EMS, max_lines: int = MAX_LINES) -> list[str]:
    """``text`` in lines of at most ``width_ems``; past ``max_lines`` the last line ends in "…"."""
    lines, line, used = [], "", 0.0
    for char in (text or "").strip():
        if used + _ems(char) > width_ems and line:
            lines.append(line)
            line, used = "", 0.0
        line += char
        used += _ems(char)
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1][:-1] + "…"]
    return lines or [""]


def lineage_diagram(data: Lineage) -> dict[str, Any]:
    """Boxes and arrows of a case's lineage in four columns: provider and agencies, case, origin reforms, and
    the batches and zones the text names. Each box carries its type and its name wrapped (never cut short of
    three lines); one arrow per pair of boxes, its labels wrapped within the gap between columns; an arrow the
    reference data contradicts (a batch conflict) is marked. Coordinates are in SVG user units."""
    columns: list[list[dict[str, Any]]] = [[], [], [], []]
    edges: list[tuple[str, str, str]] = []

    def node(column: int, key: str, label: str | None, kind: str, iri: str | None) -> str:
        if not any(n["key"] == key for n in columns[column]):
            columns[column].append(
                {"key": key, "lines": wrap_label(label), "title": label or "", "kind": kind, "iri": iri}
            )
        return key

    case = data["case"]
    case_key = node(1, case["iri"], case["title"], "case", case["iri"])
    provider = data.get("provider") or {}
    if provider.get("iri"):
        edges.append(
            (case_key, node(0, provider["iri"], provider.get("label"), "provider", provider["iri"]), "提供单位")
        )
    for agency in data.get("agencies", []):
        edges.append((case_key, node(0, agency["iri"], agency["label"], "agency", agency["iri"]), "实施部门"))
    learned = {e["claim"]: e for e in data.get("learned_from", [])}
    conflicted = {c["claim"]: c for c in data.get("conflicts", []) if c.get("claim")}
    marks: dict[tuple[str, str, str], str] = {}  # edge -> the conflict message it carries
    for origin in data.get("origins", []):
        reform = origin["reform"]
        reform_key = node(2, reform["iri"], reform.get("label"), "reform", reform["iri"])
        entry = learned.get(origin["claim"])
        relation = entry["relation_zh"] if entry else "源自"
        if (case_key, reform_key, relation) not in edges:
            edges.append((case_key, reform_key, relation))
        conflict = conflicted.get(origin["claim"])
        if batch := origin["batch"]:
            edge = (reform_key, node(3, batch["iri"], batch["label"], "batch", batch["iri"]), "所称批次")
            edges.append(edge)
            if conflict and conflict.get("kind") == "batch":
                marks[edge] = f"{conflict.get('comment_zh') or ''} / {conflict.get('comment') or ''}"
                if reference := conflict["reference_batch"]:
                    fact = node(3, reference, conflict["reference_label"], "batch authority", reference)
                    edges.append((reform_key, fact, "权威批次"))
        if zone := origin["zone"]:
            label = zone["short"] or zone["label"]
            edge = (reform_key, node(3, zone["iri"], label, "zone", zone["iri"]), "首创地")
            edges.append(edge)
            if conflict and conflict.get("kind") == "zone":
                marks[edge] = f"{conflict.get('comment_zh') or ''} / {conflict.get('comment') or ''}"
    lines = max((len(n["lines"]) for column in columns for n in column), default=1)
    box_height = CAPTION_HEIGHT + lines * LINE_HEIGHT + 8
    row_height = box_height + 22
    rows = max(len(c) for c in columns) or 1
    height = rows * row_height + 2 * MARGIN
    where: dict[str, tuple[float, float]] = {}
    boxes = []
    for index, column in enumerate(columns):
        offset = (height - len(column) * row_height) / 2
        for row, item in enumerate(column):
            x, y = MARGIN + index * COLUMN_WIDTH, offset + row * row_height + (row_height - box_height) / 2
            where[item["key"]] = (x, y)
            boxes.append(
                {
                    **item,
                    "x": x,
                    "y": y,
                    "type": BOX_TYPES.get(item["kind"], item["kind"]),
                    "href": page_href(item["iri"]) if item["iri"] else None,
                }
            )
    # One arrow per pair of boxes: a case may learn one item in two ways (copies it, borrows it from a zone);
    # two arrows there would be drawn on top of each other, so the pair's labels are stacked on one arrow.
    labels_of: dict[tuple[str, str], list[str]] = {}
    for source, target, label in dict.fromkeys(edges):
        labels_of.setdefault((source, target), []).append(label)
    arrows = []
    for (source, target), labels in labels_of.items():
        (sx, sy), (tx, ty) = where[source], where[target]
        if tx < sx:  # an arrow to the left starts at the left side of its source
            x1, x2 = sx, tx + BOX_WIDTH
        else:
            x1, x2 = sx + BOX_WIDTH, tx
        y1, y2 = sy + box_height / 2, ty + box_height / 2
        found = [marks[(source, target, label)] for label in labels if (source, target, label) in marks]
        shown = [f"⚠ {label} 冲突" if (source, target, label) in marks else label for label in labels]
        texts = [line for label in shown for line in wrap_label(label, EDGE_LINE_EMS, max_lines=MAX_LINES)]
        # the label sits in the gap, a third of the way from the case's side, where arrows fan out least
        near, far = (x2, x1) if tx < sx else (x1, x2)
        lx = near + (far - near) * (0.62 if tx < sx else 0.5)
        on_line = y1 + (y2 - y1) * (lx - x1) / (x2 - x1) if x2 != x1 else (y1 + y2) / 2
        # one line just above the arrow; more lines half above it, half below, so the block stays near its arrow
        above = (len(texts) + 1) // 2
        baselines = [
            on_line - 5 - (above - 1 - i) * EDGE_LINE_HEIGHT
            if i < above
            else on_line + 13 + (i - above) * EDGE_LINE_HEIGHT
            for i in range(len(texts))
        ]
        arrows.append(
            {
                "x1": x1,
                "y1": y1,
                "x2": x2,
                "y2": y2,
                "label": " / ".join(shown),
                "lines": [{"text": text, "y": y} for text, y in zip(texts, baselines, strict=True)],
                "title": " / ".join(found) or " / ".join(labels),
                "conflict": bool(found),
                "lx": lx,
                "ly": baselines[0],
            }
        )
    width = MARGIN * 2 + 3 * COLUMN_WIDTH + BOX_WIDTH
    return {
        "width": width,
        "height": height,
        "boxes": boxes,
        "arrows": arrows,
        "box_width": BOX_WIDTH,
        "box_height": box_height,
        "line_height": LINE_HEIGHT,
        "caption_height": CAPTION_HEIGHT,
    }


def lineage_edges(case: CaseDetail) -> list[dict[str, Any]]:
    """The lineage as text: one line per edge, named in Chinese and English; each quote (with its line, start
    and end offsets and evidence IRI) is given with the first edge it supports, later edges refer to it."""
    data = case.get("lineage")
    if not data:
        return []
    by_position: dict[tuple[Any, Any], str] = {(e["start"], e["end"]): e["iri"] for e in case.get("evidence", [])}
    conflicted = {c.get("document_batch"): c for c in data.get("conflicts", []) if c.get("document_batch")}
    numbers: dict[tuple[Any, Any], int] = {}

    def evidence(ev: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if not ev:
            return None
        position = (ev.get("start"), ev.get("end"))
        first = position not in numbers
        numbers.setdefault(position, len(numbers) + 1)
        return {**ev, "iri": by_position.get(position), "number": numbers[position], "first": first}

    edges: list[dict[str, Any]] = []
    provider = data.get("provider") or {}
    if provider.get("iri"):
        edges.append(
            {"relation": "提供单位 provided by", "target": provider, "evidence": evidence(provider.get("evidence"))}
        )
    learned = {e["claim"]: e for e in data.get("learned_from", [])}
    for origin in data.get("origins", []):
        reform = origin["reform"]
        target = {"iri": reform["iri"], "label": reform.get("label")}
        entry = learned.get(origin["claim"])
        kind = concept_name(origin["kind"])
        relation = (
            f"{entry['relation_zh']} {entry['relation_en']} · {kind} (confidence {entry['confidence']:.2f})"
            if entry
            else f"源自 derived from · {kind}"
        )
        edges.append({"relation": relation, "target": target, "evidence": evidence(origin.get("evidence"))})
        if batch := origin["batch"]:
            conflict = conflicted.get(batch["iri"])
            edges.append(
                {
                    "relation": "批次 batch, as the text says",
                    "target": batch,
                    "evidence": evidence(origin.get("evidence")),
                    "conflict": conflict,
                }
            )
        if zone := origin["zone"]:
            target = {"iri": zone["iri"], "label": zone["short"] or zone["label"]}
            edges.append(
                {"relation": "首创地 originated in", "target": target, "evidence": evidence(origin.get("evidence"))}
            )
    for agency in data.get("agencies", []):
        edges.append({"relation": "实施部门 agency", "target": agency, "evidence": evidence(agency.get("evidence"))})
    return edges


def national_items(case: CaseDetail) -> list[dict[str, Any]]:
    """The case's national items with their names (from the origins that name them), for linking by name."""
    data = case["lineage"]
    if data is None:
        return []
    names = {o["reform"]["iri"]: o["reform"].get("label") for o in data["origins"]}
    return [{**item, "label": names.get(item["iri"])} for item in data["national_items"]]


def home_page(request: Request, store: Store) -> HTMLResponse:
    """Counts, search box, latest source documents, and the first cases."""
    counts = stats(store)["classes"]
    cases, total = list_cases(store, CaseFilter(), limit=100)
    return render(
        request, "home.html", counts=counts, documents=list_documents(store)[:10], cases=cases, total_cases=total
    )


def network_page(request: Request, store: Store) -> HTMLResponse:
    """The agency network page with its filter choices (providers and zones that have cases)."""
    providers = sorted(stats(store)["cases_per_provider"])
    zones = [z for z in list_zones(store) if z["cases"] or z["national_items"]]
    return render(request, "network.html", providers=providers, zones=zones, sectors=sector_styles())


def generic_page(request: Request, store: Store, path: str) -> HTMLResponse | None:
    """The page of any other resource at ``/id/{path}``: its statements, grouped; None when the store knows
    nothing about it. Cases, zones, agencies and reforms have pages of their own (their route modules)."""
    iri = str(ID[path])
    triples = describe(store, iri)
    if not triples:
        return None
    kind = path.partition("/")[0]
    cases = list_cases(store, CaseFilter(document=iri), limit=500)[0] if kind == "doc" else []
    return render(request, "resource.html", iri=iri, kind=kind, view=resource_view(iri, triples), cases=cases)


def resource_view(iri: str, triples: list[ox.Triple]) -> dict[str, Any]:
    """Triples grouped for a generic page: the resource's own statements, then each part or evidence node."""
    labels: dict[str, str] = {}
    for t in triples:
        subject, obj = t.subject, t.object
        if not isinstance(subject, ox.NamedNode) or not isinstance(obj, ox.Literal):
            continue
        if t.predicate.value == RDFS_LABEL and (obj.language in ("zh", None) or subject.value not in labels):
            labels.setdefault(subject.value, obj.value)
    subjects: dict[str, list[dict[str, Any]]] = {}
    for t in triples:
        if not isinstance(t.subject, ox.NamedNode) or isinstance(t.object, ox.Triple):
            continue
        is_label_only = t.subject.value != iri and t.predicate.value == RDFS_LABEL
        if is_label_only and not any(x.subject == t.subject and x.predicate.value != RDFS_LABEL for x in triples):
            continue
        obj = t.object
        value = {
            "predicate": curie(t.predicate.value),
            "predicate_iri": t.predicate.value,
            "iri": obj.value if isinstance(obj, ox.NamedNode) else None,
            "text": labels.get(obj.value, curie(obj.value)) if isinstance(obj, ox.NamedNode) else str(obj.value),
            "lang": obj.language if isinstance(obj, ox.Literal) else None,
        }
        subjects.setdefault(t.subject.value, []).append(value)
    for rows in subjects.values():
        rows.sort(key=lambda r: (r["predicate"] != "rdf:type", r["predicate"], r["text"]))
    own = subjects.pop(iri, [])
    return {"label": labels.get(iri), "own": own, "others": sorted(subjects.items())}


RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
