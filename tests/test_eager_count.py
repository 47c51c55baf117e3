"""Counting below the join (graph/sparql/eager_count.py): the rewrite gives the rows the query as written gives,
on the embedded store, and every query outside its class runs as written."""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.sparql._execute import Job, execute
from ftzgraph.graph.sparql.eager_count import rewrite_count
from ftzgraph.graph.sparql.service import Limits, SparqlService
from ftzgraph.graph.store.oxigraph import OxigraphStore

EX = "http://example.org/"
PREFIXES = f"PREFIX ex: <{EX}>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
PER_ZONE = (
    PREFIXES + "SELECT ?zone ?label (COUNT(?case) AS ?cases)\nWHERE {\n  ?case ex:replicates ?item .\n"
    "  ?item ex:area ?area .\n  ?area ex:partOf ?zone .\n  ?zone ex:label ?label .\n}\n"
    "GROUP BY ?zone ?label\nORDER BY DESC(?cases)\n"
)


def _rows(store: ox.Store, query: str) -> tuple[list[str], Counter[tuple[str | None, ...]]]:
    """The head and the multiset of rows, each term in N-Triples form (so a datatype counts)."""
    results = store.query(query)
    assert isinstance(results, ox.QuerySolutions)
    head = [v.value for v in results.variables]
    return head, Counter(tuple(None if t is None else str(t) for t in row) for row in results)


def _same_answers(store: ox.Store, query: str) -> str:
    """Rewrite ``query``, check the rewrite answers as the query does, and give the rewrite."""
    rewritten = rewrite_count(query)
    assert rewritten is not None, query
    assert _rows(store, rewritten) == _rows(store, query), rewritten
    return rewritten


def _zones(cases: int) -> ox.Store:
    """Zones with areas, national items from the areas, and cases replicating items (some items none)."""
    store = ox.Store()
    node = lambda name: ox.NamedNode(EX + name)  # noqa: E731
    quads = []
    for zone in range(3):
        quads.append(ox.Quad(node(f"z{zone}"), node("label"), ox.Literal(f"zone {zone}", language="zh")))
        for area in range(2):
            quads.append(ox.Quad(node(f"a{zone}{area}"), node("partOf"), node(f"z{zone}")))
            for item in range(3):
                quads.append(ox.Quad(node(f"i{zone}{area}{item}"), node("area"), node(f"a{zone}{area}")))
    quads += [
        ox.Quad(node(f"c{case}"), node("replicates"), node(f"i{case % 3}{case % 2}{case % 4 % 3}"))
        for case in range(cases)
    ]
    store.extend(quads)
    return store


def test_the_per_zone_count_is_counted_below_the_join_with_the_same_rows() -> None:
    store = _zones(40)
    rewritten = _same_answers(store, PER_ZONE)
    assert "SUM(?eager_count) AS ?cases" in rewritten
    assert "{ SELECT ?item (COUNT(*) AS ?eager_count) WHERE { ?case ex:replicates ?item . } GROUP BY ?item }" in (
        rewritten
    )
    values = [row[2].value for row in store.query(rewritten)]  # type: ignore[union-attr,index]
    assert values == sorted(values, reverse=True) and sum(map(int, values)) == 40


def test_the_text_around_the_count_and_the_patterns_is_kept_as_written() -> None:
    query = (
        "# per zone\nBASE <http://example.org/>\n" + PREFIXES + "select distinct ?zone (count( $case ) as ?n)\n"
        "FROM <http://example.org/g> FROM NAMED <http://example.org/h>\n"
        "where { ?case ex:replicates ?item . ?item ex:area ?a . ?a ex:partOf ?zone }\n"
        "group by ?zone order by asc(?n) ?zone limit 10 offset 1 # tail\n"
    )
    rewritten = rewrite_count(query)
    assert rewritten is not None
    head, tail = query.split("count(", 1)[0], query.split("where {", 1)[0].split("as ?n)", 1)[1]
    assert rewritten.startswith(head + "SUM(?eager_count) as ?n)" + tail + "where {")
    assert rewritten.endswith("}\ngroup by ?zone order by asc(?n) ?zone limit 10 offset 1 # tail\n")


def test_a_store_without_matches_gives_no_group_and_an_implicit_group_of_zero() -> None:
    store = ox.Store()
    grouped = PREFIXES + "SELECT ?item (COUNT(?case) AS ?n) WHERE { ?case ex:replicates ?item . ?item ex:area ?a }"
    _same_answers(store, grouped + " GROUP BY ?item")
    implicit = _same_answers(store, grouped.replace("?item (COUNT", "(COUNT"))
    assert [str(row[0]) for row in store.query(implicit)] == [  # type: ignore[union-attr,index]
        '"0"^^<http://www.w3.org/2001/XMLSchema#integer>'
    ]


def test_an_item_no_case_replicates_is_no_group_of_zero() -> None:
    store = _zones(1)  # one case: every other item, area and zone has no case
    rewritten = _same_answers(store, PER_ZONE)
    assert len(list(store.query(rewritten))) == 1  # type: ignore[arg-type]


XSD = "http://www.w3.org/2001/XMLSchema#"
LITERALS_WRITTEN = ['"x"@en', '"x"^^xsd:string', "-2", "+1", "1.5", "true", '"""long "one\\""""', "'x'"]
COUNT_CASES = "(COUNT(?case) AS ?n)"
IN_CLASS = {
    "duplicate rows (a group key not projected)": f"SELECT {COUNT_CASES} WHERE {{PATTERNS}} GROUP BY ?zone",
    "COUNT(*)": "SELECT ?zone (COUNT(*) AS ?n) WHERE {PATTERNS} GROUP BY ?zone",
    "implicit grouping": f"SELECT {COUNT_CASES} WHERE {{PATTERNS}}",
    "several join variables": f"SELECT ?zone {COUNT_CASES} WHERE {{ ?case ?p ?item . ?case2 ?p ?item . "
    "?item ex:area ?a . ?a ex:partOf ?zone } GROUP BY ?zone",
    "abbreviated patterns": f"SELECT ?zone {COUNT_CASES} WHERE {{ ?item ex:area ?a ; ex:area ?a2 ; . "
    "?case ex:replicates ?item . ?a ex:partOf ?zone , ?zone2 } GROUP BY ?zone",
    **{
        f"the literal {literal} in the counted pattern": "SELECT ?item (COUNT(?p) AS ?n) WHERE { ?case ex:replicates "
        f"?item . ?item ?p {literal} }} GROUP BY ?item"
        for literal in LITERALS_WRITTEN
    },
    "the counted pattern last": f"SELECT ?zone {COUNT_CASES} WHERE {{ ?item ex:area ?a . ?a ex:partOf ?zone . "
    "?case ex:replicates ?item } GROUP BY ?zone ORDER BY ?zone",
    "SELECT DISTINCT, LIMIT and OFFSET": f"SELECT DISTINCT {COUNT_CASES} WHERE {{PATTERNS}} GROUP BY ?zone "
    "ORDER BY ?n LIMIT 2 OFFSET 1",
}


@pytest.mark.parametrize("shape", IN_CLASS)
def test_shapes_in_the_class_are_rewritten_with_the_same_rows(shape: str) -> None:
    store = _zones(25)
    item, area = ox.NamedNode(EX + "i000"), ox.NamedNode(EX + "area")
    literals = [
        ox.Literal("x", language="en"),
        ox.Literal("x"),
        ox.Literal("-2", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("1", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("1.5", datatype=ox.NamedNode(XSD + "decimal")),
        ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal('long "one"'),
    ]
    store.extend(ox.Quad(item, area, literal) for literal in literals)
    patterns = " ?case ex:replicates ?item . ?item ex:area ?a . ?a ex:partOf ?zone "
    text = PREFIXES + IN_CLASS[shape].replace("PATTERNS", patterns)
    rewritten = _same_answers(store, text)
    assert list(store.query(rewritten))  # type: ignore[arg-type]  # rows to compare: the patterns match


def _grouped(body: str, *, select: str = "?zone (COUNT(?case) AS ?n)", tail: str = "GROUP BY ?zone") -> str:
    """A count per zone over ``?case ex:replicates ?item`` and ``body``."""
    return f"SELECT {select} WHERE {{ ?case ex:replicates ?item . {body} }} {tail}"


AREA = "?item ex:area ?zone"
NOT_REWRITTEN = {
    "a FILTER": _grouped(f"{AREA} FILTER(?zone != ex:x)"),
    "an OPTIONAL": _grouped(f"OPTIONAL {{ {AREA} }}"),
    "a UNION": _grouped(f"{{ {AREA} }} UNION {{ ?item ex:x ?zone }}"),
    "a MINUS": _grouped(f"{AREA} MINUS {{ ?item ex:x ?zone }}"),
    "a GRAPH": _grouped(f"GRAPH ?g {{ {AREA} }}"),
    "a BIND": _grouped(f"{AREA} BIND(1 AS ?one)"),
    "an inline VALUES": _grouped(f"VALUES ?zone {{ ex:z0 }} {AREA}"),
    "a trailing VALUES": _grouped(AREA, tail="GROUP BY ?zone VALUES ?zone { ex:z0 }"),
    "a sub-query": _grouped(f"{{ SELECT ?item ?zone WHERE {{ {AREA} }} }}"),
    "a nested group": _grouped(f"{{ {AREA} }}"),
    "a sequence path": _grouped("?item ex:area/ex:partOf ?zone"),
    "an alternative path": _grouped("?item ex:area|ex:x ?zone"),
    "an inverse path": _grouped("?zone ^ex:area ?item"),
    "a repeated path": _grouped("?item ex:area+ ?zone"),
    "a negated path": _grouped("?item !ex:x ?zone"),
    "a labelled blank node": _grouped("?item ex:area _:zone . _:zone ex:partOf ?zone"),
    "an anonymous blank node": _grouped("?item ex:area [ ex:partOf ?zone ]"),
    "a collection": _grouped("?item ex:area (?zone)"),
    "COUNT(DISTINCT)": _grouped(AREA, select="?zone (COUNT(DISTINCT ?case) AS ?n)"),
    "another aggregate": _grouped(AREA, select="?zone (SUM(?case) AS ?n)"),
    "two aggregates": _grouped(AREA, select="?zone (COUNT(?case) AS ?n) (COUNT(?item) AS ?m)"),
    "a count inside an expression": _grouped(AREA, select="?zone (COUNT(?case) + 1 AS ?n)"),
    "a HAVING": _grouped(AREA, tail="GROUP BY ?zone HAVING (COUNT(?case) > 1)"),
    "the counted variable in two patterns": _grouped(f"?case ex:area ?zone . {AREA}"),
    "the counted variable twice in its pattern": "SELECT ?zone (COUNT(?case) AS ?n) WHERE { ?case ex:replicates ?case "
    ". ?case ex:area ?zone } GROUP BY ?zone",
    "the counted variable a group key": _grouped(AREA, select="?case (COUNT(?case) AS ?n)", tail="GROUP BY ?case"),
    "the counted variable in no pattern": _grouped(AREA, select="?zone (COUNT(?other) AS ?n)"),
    "another variable only in the counted pattern": "SELECT ?zone (COUNT(?case) AS ?n) WHERE { ?case ?p ?item . "
    f"{AREA} }} GROUP BY ?zone",
    "the counted pattern joined by nothing": "SELECT ?zone (COUNT(?case) AS ?n) WHERE { ?case ex:replicates ex:i000 "
    f". {AREA} }} GROUP BY ?zone",
    "one pattern": "SELECT ?item (COUNT(?case) AS ?n) WHERE { ?case ex:replicates ?item } GROUP BY ?item",
    "a group key by expression": _grouped(AREA, tail="GROUP BY (STR(?zone))"),
    "a group key in no pattern": _grouped("?item ex:area ?a"),
    "a projected variable that is no group key": _grouped(AREA, select="?item (COUNT(?case) AS ?n)"),
    "an ORDER BY of an expression": _grouped(AREA, tail="GROUP BY ?zone ORDER BY DESC(COUNT(?case))"),
    "an ORDER BY of the counted variable": _grouped(AREA, tail="GROUP BY ?zone ORDER BY ?case"),
    "REDUCED": _grouped(AREA, select="REDUCED ?zone (COUNT(?case) AS ?n)"),
    "SELECT *": f"SELECT * WHERE {{ ?case ex:replicates ?item . {AREA} }}",
    "an alias that is a pattern variable": _grouped(AREA, select="?zone (COUNT(?case) AS ?item)"),
    "an undeclared prefix": _grouped("?item other:area ?zone"),
    "an unclosed string": _grouped('?item ex:area "zone'),
    "a literal as predicate": _grouped('?item "p" ?zone'),
    "A for rdf:type": _grouped("?item A ?zone"),
    "a LIMIT that is no integer": _grouped(AREA, tail="GROUP BY ?zone LIMIT 1.5"),
    "an ORDER BY before the GROUP BY": _grouped(AREA, tail="ORDER BY ?zone GROUP BY ?zone"),
    "two dots between patterns": _grouped(f". {AREA}"),
    "an unclosed group": _grouped(AREA).replace(" }", ""),
    "an ASK": f"ASK {{ ?case ex:replicates ?item . {AREA} . FILTER(COUNT(?case)) }}",
    "a CONSTRUCT": f"CONSTRUCT {{ ?zone ex:count ?n }} WHERE {{ {{ {_grouped(AREA)} }} }}",
    "a SERVICE": _grouped(f"SERVICE <http://example.org/s> {{ {AREA} }}"),
    "a constant object outside the counted pattern (one zone)": _grouped("?item ex:area ex:z0 . ?item ex:x ?zone"),
    "a constant subject outside the counted pattern": _grouped("ex:z0 ex:x ?item . ?item ex:area ?zone"),
    "a literal outside the counted pattern": _grouped('?item ex:area ?zone . ?zone ex:label "zone 0"@zh'),
    "a query that counts nothing": f"SELECT ?zone WHERE {{ ?case ex:replicates ?item . {AREA} }}",
}


@pytest.mark.parametrize("shape", NOT_REWRITTEN)
def test_shapes_outside_the_class_run_as_written(shape: str) -> None:
    query = PREFIXES + NOT_REWRITTEN[shape]
    assert rewrite_count(query) is None
    service = SparqlService(OxigraphStore(), Limits())
    try:
        assert service.text_to_run(query) is None  # the engine is given the request's own text
    finally:
        service.close()


# Random graphs over a few nodes, predicates and literals, and random queries of the class.
NODES = [f"<{EX}n{i}>" for i in range(3)]
PREDICATES = NODES[:2]  # nodes too, so that a variable may join a predicate with a subject
LITERALS = ['"x"@en', "1", '"1"^^<http://www.w3.org/2001/XMLSchema#decimal>', "true"]
JOINED = ["a", "b", "c"]  # the variables of the patterns besides the counted one, ?v

graphs = st.sets(
    st.tuples(st.sampled_from(NODES), st.sampled_from(PREDICATES), st.sampled_from(NODES + LITERALS)),
    min_size=8,
    max_size=30,
)


def _patterns(names: list[str], *, constants: bool = True) -> st.SearchStrategy[tuple[str, str, str]]:
    """Triple patterns over ``names``, mostly variables (patterns of constants rarely match); without
    ``constants``, only predicates may be constants."""
    variables = st.sampled_from(names).map(lambda v: "?" + v)
    if not constants:
        return st.tuples(variables, st.sampled_from(PREDICATES) | variables, variables)
    return st.tuples(
        variables | variables | st.sampled_from(NODES),
        st.sampled_from(PREDICATES) | variables,
        variables | variables | variables | st.sampled_from(NODES + LITERALS),
    )


@st.composite
def eligible_queries(draw: st.DrawFn) -> str:
    """A query of the class: ``?v`` in one pattern whose other variables all occur in the other patterns, which
    have constants only as predicates."""
    first = draw(st.sampled_from(JOINED))
    joins = draw(st.lists(st.sampled_from(JOINED), min_size=1, max_size=2, unique=True))
    counted = draw(
        st.sampled_from(
            [
                ("?v", draw(st.sampled_from(PREDICATES)), "?" + joins[0]),
                ("?" + joins[0], draw(st.sampled_from(PREDICATES)), "?v"),
                ("?v", "?" + joins[0], "?" + joins[-1]),
                ("?v", "?" + joins[0], draw(st.sampled_from(NODES + LITERALS))),
                (draw(st.sampled_from(NODES)), "?" + joins[0], "?v"),
            ]
        )
    )
    others = draw(st.lists(_patterns(JOINED, constants=False), min_size=1, max_size=3))
    used = {term[1:] for pattern in others for term in pattern if term.startswith("?")}
    others += [(f"?{name}", draw(st.sampled_from(PREDICATES)), f"?{first}") for name in joins if name not in used]
    where = [*others]
    where.insert(draw(st.integers(0, len(where))), counted)
    variables = sorted({t[1:] for p in others for t in p if t.startswith("?")})
    keys = draw(st.lists(st.sampled_from(variables), unique=True, max_size=3))
    projected = draw(st.lists(st.sampled_from(keys), unique=True)) if keys else []
    count = draw(st.sampled_from(["?v", "*"]))
    distinct = draw(st.sampled_from(["", "DISTINCT "]))
    order = draw(st.lists(st.sampled_from([*(f"?{k}" for k in keys), "DESC(?n)", "?n"]), max_size=2, unique=True))
    text = f"SELECT {distinct}{' '.join('?' + k for k in projected)} (COUNT({count}) AS ?n) WHERE {{ "
    text += " . ".join(" ".join(p) for p in where) + " }"
    text += f" GROUP BY {' '.join('?' + k for k in keys)}" if keys else ""
    return text + (f" ORDER BY {' '.join(order)}" if order else "")


def _store_of(triples: set[tuple[str, str, str]]) -> ox.Store:
    store = ox.Store()
    if triples:  # as Turtle: its numbers and booleans are written as in SPARQL
        store.load("\n".join(" ".join(t) + " ." for t in triples), format=ox.RdfFormat.TURTLE)
    return store


@settings(max_examples=300, deadline=None)
@given(graphs, eligible_queries())
def test_random_queries_of_the_class_give_the_rows_of_the_query_as_written(
    triples: set[tuple[str, str, str]], query: str
) -> None:
    _same_answers(_store_of(triples), query)


@settings(max_examples=300, deadline=None)
@given(
    graphs,
    st.lists(_patterns([*JOINED, "v"]), min_size=1, max_size=4),
    st.lists(st.sampled_from([*JOINED, "v"]), max_size=2, unique=True),
    st.sampled_from(["?v", "?a", "?b", "*"]),
)
def test_any_rewrite_of_random_grouped_counts_gives_the_same_rows(
    triples: set[tuple[str, str, str]], where: list[tuple[str, str, str]], keys: list[str], count: str
) -> None:
    """Queries from a wider space than the class: whatever the recogniser rewrites keeps its rows."""
    group = f" GROUP BY {' '.join('?' + k for k in keys)}" if keys else ""
    query = f"SELECT {' '.join('?' + k for k in keys)} (COUNT({count}) AS ?n) WHERE {{ "
    query += " . ".join(" ".join(p) for p in where) + " }" + group
    store = _store_of(triples)
    rewritten = rewrite_count(query)
    try:
        expected = _rows(store, query)
    except SyntaxError:  # a key found in no pattern, projected (not every drawn text is a query)
        assert rewritten is None
        return
    if rewritten is not None:
        assert _rows(store, rewritten) == expected, rewritten


def _solutions(service: SparqlService, query: str) -> Counter[str]:
    result = asyncio.run(service.query(query, "application/sparql-results+json", None))
    return Counter(json.dumps(row, sort_keys=True) for row in json.loads(result.body)["results"]["bindings"])


def test_the_service_counts_below_the_join_unless_turned_off() -> None:
    store = OxigraphStore()
    store.raw.extend(_zones(30))
    on, off = SparqlService(store, Limits()), SparqlService(store, Limits(), eager_count=False)
    try:
        assert on.text_to_run(PER_ZONE) == rewrite_count(PER_ZONE) is not None
        assert off.text_to_run(PER_ZONE) is None
        assert _solutions(on, PER_ZONE) == _solutions(off, PER_ZONE)
    finally:
        on.close()
        off.close()


def test_a_rewrite_the_engine_refuses_runs_the_query_as_written() -> None:
    store = _zones(10)
    job = Job(PER_ZONE, "text/csv", None, 100, deadline=time.monotonic() + 10)
    broken = Job(PER_ZONE, "text/csv", None, 100, deadline=time.monotonic() + 10, rewritten="SELECT ?x WHERE {")
    assert execute(store, broken).body == execute(store, job).body
    assert execute(store, broken).kind == "ok"


@pytest.mark.parametrize("setting", ["true", "false"])
def test_the_endpoint_counts_below_the_join_as_ftzgraph_eager_count_says(
    setting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FTZGRAPH_EAGER_COUNT", setting)
    store = OxigraphStore()
    store.raw.extend(_zones(30))
    app = create_app(store, Settings())
    assert (app.state.sparql.text_to_run(PER_ZONE) is not None) == (setting == "true")
    with TestClient(app) as client:
        response = client.get("/sparql", params={"query": PER_ZONE}, headers={"Accept": "text/tab-separated-values"})
    assert response.status_code == 200
    answered = ox.parse_query_results(response.content, ox.QueryResultsFormat.TSV)
    assert Counter(tuple(str(t) for t in row) for row in answered) == _rows(store.raw, PER_ZONE)[1]


def test_a_triple_in_several_graphs_counts_as_in_the_query_as_written_over_their_union() -> None:
    store = ox.Store()
    for graph in ("g1", "g2"):
        store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(EX + graph)) for q in _zones(12))
    store.add(ox.Quad(ox.NamedNode(EX + "c99"), ox.NamedNode(EX + "replicates"), ox.NamedNode(EX + "i000")))
    rewritten = rewrite_count(PER_ZONE)
    assert rewritten is not None

    def rows(query: str) -> Counter[tuple[str, ...]]:
        results = store.query(query, use_default_graph_as_union=True)
        return Counter(tuple(str(t) for t in row) for row in results)  # type: ignore[union-attr]

    assert rows(rewritten) == rows(PER_ZONE) and rows(PER_ZONE)
