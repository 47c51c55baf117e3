"""A synthetic graph of N cases generated directly as quads (deterministic by seed), for the HTTP and query benchmarks.

Why not build synthetic documents: the build's output carries about 220 triples per case (an evidence node for
every fact, outcomes, dates, policy documents), so 100k built cases would be about 22 M triples, far beyond the
2-3 M the benchmarks ask for and beyond what rdflib can hold on this machine; building them would also take
hours. This generator keeps the build's vocabulary and IRI shapes for everything the benchmarked queries and
``/cases/{id}/lineage`` read (the real reference and ontology graphs; per document graph: the source document,
cases with provider, agencies, local reform, origin claims with kind, entity, claimed batch or zone and one
evidence node each; in the entities graph, once each: cities, origin reforms, and agencies with sector, city and
parent, customs under 海关总署), and leaves out
outcomes, dates, cited documents and the per-fact evidence of titles, providers and agencies: about 33 triples
per case. (scripts/bench_network.py has its own thinner generator, without evidence, origin kinds or labels of
origin reforms, which the lineage queries need; it is left as it is.)
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

FTZ = "https://w3id.org/ftzgraph/ontology#"
ID = "https://w3id.org/ftzgraph/id/"
GRAPH = "https://w3id.org/ftzgraph/graph/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"
ENTITIES = ox.NamedNode(GRAPH + "entities")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
CITIES = 300
CASES_PER_DOCUMENT = (3, 12)
_DEPARTMENTS = (
    ("市场监督管理局", "market-regulation"),
    ("税务局", "tax"),
    ("司法局", "justice"),
    ("民政局", "civil-affairs"),
    ("商务局", "commerce"),
    ("发展和改革委员会", "development-reform"),
    ("自然资源局", "land-property"),
    ("政务服务中心", "service-centre"),
    ("人民法院", "courts-arbitration"),
    ("财政局", "finance-bureau"),
)
_WORDS = (
    ("跨境", "不动产", "企业", "涉税", "知识产权", "口岸", "信用", "政务", "海关", "外汇"),
    ("登记", "注销", "监管", "融资", "审批", "申报", "结算", "服务", "查验", "许可"),
    ("一窗受理", "全程网办", "集成改革", "便利化", "新模式", "一站式服务", "信息共享", "联动机制"),
)
_KINDS = ("NationalBatchOrigin", "ZoneOrigin", "GenericFtzOrigin", "SelfCopiedOrigin")


def _id(local: str) -> ox.NamedNode:
    return ox.NamedNode(ID + local)


def _term(ns: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(ns + local)


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _reference() -> tuple[list[ox.Quad], list[ox.NamedNode], list[ox.NamedNode], list[ox.NamedNode]]:
    """The real reference and ontology graphs, and the zones/areas, batches and national reforms in them."""
    from ftzgraph.graph.extract.gazetteer import load_gazetteer
    from ftzgraph.graph.rdf.nt_terms import from_rdflib, ntriples
    from ftzgraph.graph.rdf.reference import reference_triples
    from ftzgraph.graph.rdf.validate import vocabulary

    def parsed(data: bytes) -> list[ox.Triple]:
        return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))  # type: ignore[arg-type]

    reference = parsed(ntriples(reference_triples(load_gazetteer())))
    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(GRAPH + "reference")) for t in reference]
    ontology = ox.NamedNode(GRAPH + "ontology")
    quads += [ox.Quad(t.subject, t.predicate, t.object, ontology) for t in parsed(ntriples(from_rdflib(vocabulary())))]
    places = sorted({t.subject for t in reference if t.predicate == _term(FTZ, "shortName")}, key=str)
    batches = sorted({t.subject for t in reference if t.object == _term(FTZ, "Batch")}, key=str)
    items = sorted({t.subject for t in reference if t.object == _term(FTZ, "NationalReform")}, key=str)
    return quads, places, batches, items


def _agencies(city: int) -> list[tuple[ox.NamedNode, list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]]]]:
    """The city's government, its departments (under the government) and its customs office (under 海关总署)."""
    name = f"城市{city}市"
    place = _id(f"place/c{city}")
    government = _id(f"agency/{_hash(name + '人民政府')}")
    head = [(_term(SKOS, "prefLabel"), _zh(name + "人民政府")), (_term(FTZ, "sector"), _id("sector/party-government"))]
    rows = [(government, head)]
    parts = [(f"{name}{dept}", sector, government) for dept, sector in _DEPARTMENTS]
    parts.append((f"城市{city}海关", "customs", _id(f"agency/{_hash('海关总署')}")))
    for label, sector, parent in parts:
        props = [
            (_term(SKOS, "prefLabel"), _zh(label)),
            (_term(FTZ, "sector"), _id(f"sector/{sector}")),
            (_term(FTZ, "locatedIn"), place),
            (_term(ORG, "subOrganizationOf"), parent),
        ]
        rows.append((_id(f"agency/{_hash(label)}"), props))
    return rows


def synthetic_graph_quads(cases: int, seed: int = 0) -> Iterator[ox.Quad]:
    """About ``cases`` cases (exactly that many) in documents of 3-12 cases, plus the reference and ontology graphs."""
    rng = random.Random(seed)
    reference, places, batches, items = _reference()
    yield from reference
    customs = _id(f"agency/{_hash('海关总署')}")
    described: set[ox.NamedNode] = set()  # shared entities are described once, in the entities graph
    written: set[ox.NamedNode] = set()
    done, d = 0, 0
    while done < cases:
        count = min(rng.randint(*CASES_PER_DOCUMENT), cases - done)
        doc_id = f"s{seed}d{d:06d}"
        g = ox.NamedNode(f"{GRAPH}doc/{doc_id}")
        doc = _id(f"doc/{doc_id}")
        title = f"关于印发第{d % 9 + 1}批复制推广典型案例（合成{seed}-{d}）的通知"
        for p, o in (
            (RDF_TYPE, _term(FTZ, "SourceDocument")),
            (_term(DCT, "title"), _zh(title)),
            (RDFS_LABEL, _zh(title)),
            (_term(DCT, "identifier"), ox.Literal(f"黑自贸工办函〔{2019 + d % 7}〕{d + 1}号")),
            (_term(DCT, "publisher"), _zh("中国(黑龙江)自由贸易试验区工作办公室")),
            (_term(FTZ, "fileName"), ox.Literal(f"synthetic-{seed}-{d:06d}.txt")),
            (_term(FTZ, "sha256"), ox.Literal(hashlib.sha256(doc_id.encode()).hexdigest())),
            (_term(DCT, "format"), ox.Literal("text/plain")),
            (_term(FTZ, "declaredCaseCount"), _int(count)),
        ):
            yield ox.Quad(doc, p, o, g)
        cities = [rng.randrange(CITIES) for _ in range(rng.randint(1, 3))]
        for n in range(1, count + 1):
            yield from _case(rng, g, doc, doc_id, n, rng.choice(cities), places, batches, items, described)
        if customs in described and customs not in written:
            written.add(customs)
            yield ox.Quad(customs, RDF_TYPE, _term(FTZ, "Agency"), ENTITIES)
            yield ox.Quad(customs, _term(SKOS, "prefLabel"), _zh("海关总署"), ENTITIES)
            yield ox.Quad(customs, _term(FTZ, "sector"), _id("sector/customs"), ENTITIES)
        done += count
        d += 1


def _case(
    rng: random.Random,
    g: ox.NamedNode,
    doc: ox.NamedNode,
    doc_id: str,
    n: int,
    city: int,
    places: list[ox.NamedNode],
    batches: list[ox.NamedNode],
    items: list[ox.NamedNode],
    described: set[ox.NamedNode],
) -> Iterator[ox.Quad]:
    case = _id(f"case/{doc_id}-{n}")
    reform = _id(f"case/{doc_id}-{n}/reform")
    title = "".join(rng.choice(words) for words in _WORDS)
    place = _id(f"place/c{city}")
    provider = place if rng.random() < 0.55 else rng.choice(places)
    for p, o in (
        (RDF_TYPE, _term(FTZ, "Case")),
        (_term(DCT, "title"), _zh(title)),
        (RDFS_LABEL, _zh(title)),
        (_term(DCT, "identifier"), ox.Literal(f"{doc_id}-{n}")),
        (_term(FTZ, "caseNumber"), _int(n)),
        (_term(DCT, "isPartOf"), doc),
        (_term(FTZ, "providedBy"), provider),
        (_term(FTZ, "reform"), reform),
    ):
        yield ox.Quad(case, p, o, g)
    if place not in described:
        described.add(place)
        yield ox.Quad(place, RDF_TYPE, _term(FTZ, "City"), ENTITIES)
        yield ox.Quad(place, _term(SKOS, "prefLabel"), _zh(f"城市{city}市"), ENTITIES)
        yield ox.Quad(place, RDFS_LABEL, _zh(f"城市{city}市"), ENTITIES)
    agencies = _agencies(city)
    chosen = rng.sample(agencies[1:-1], rng.randint(1, 3)) + ([agencies[-1]] if rng.random() < 0.15 else [])
    for agency, props in chosen:
        yield ox.Quad(case, _term(FTZ, "agency"), agency, g)
        parent = props[-1][1]
        for node, node_props in ((agency, props), agencies[0]):
            if node in described or (node is agencies[0][0] and parent != node):
                continue
            described.add(node)
            yield ox.Quad(node, RDF_TYPE, _term(FTZ, "Agency"), ENTITIES)
            for p, o in node_props:
                yield ox.Quad(node, p, o, ENTITIES)
        described.add(parent)  # 海关总署 is described once, after the document that first names it
    yield ox.Quad(reform, RDF_TYPE, _term(FTZ, "Reform"), g)
    yield ox.Quad(reform, RDFS_LABEL, _zh(title), g)
    yield ox.Quad(reform, _term(FTZ, "adoptedBy"), provider, g)
    claims = rng.choices((0, 1, 2), weights=(4, 5, 1))[0]
    for k in range(1, claims + 1):
        claim = _id(f"case/{doc_id}-{n}/origin/{k}")
        kind = rng.choice(_KINDS)
        if kind == "NationalBatchOrigin" and items and rng.random() < 0.5:
            entity = rng.choice(items)
        else:
            name = "".join(rng.choice(words) for words in _WORDS)
            entity = _id(f"reform/{_hash(name)}")
            if entity not in described:
                described.add(entity)
                yield ox.Quad(entity, RDF_TYPE, _term(FTZ, "Reform"), ENTITIES)
                yield ox.Quad(entity, RDFS_LABEL, _zh(name), ENTITIES)
        start = 40 + 300 * n + 60 * k
        evidence = _id(f"evidence/{doc_id}-{start}-{start + 30}-{_hash(str(claim))[:6]}")
        yield ox.Quad(reform, _term(PROV, "qualifiedDerivation"), claim, g)
        yield ox.Quad(reform, _term(PROV, "wasDerivedFrom"), entity, g)
        yield ox.Quad(claim, RDF_TYPE, _term(FTZ, "OriginClaim"), g)
        yield ox.Quad(claim, _term(PROV, "entity"), entity, g)
        yield ox.Quad(claim, _term(FTZ, "originKind"), _term(FTZ, kind), g)
        if kind == "ZoneOrigin":
            yield ox.Quad(claim, _term(FTZ, "claimedZone"), rng.choice(places), g)
        elif kind == "NationalBatchOrigin":
            yield ox.Quad(claim, _term(FTZ, "claimedBatch"), rng.choice(batches), g)
        yield ox.Quad(claim, _term(FTZ, "evidence"), evidence, g)
        yield ox.Quad(case, _term(FTZ, "evidence"), evidence, g)
        for p, o in (
            (RDF_TYPE, _term(FTZ, "Evidence")),
            (_term(OA, "exact"), ox.Literal(f"复制推广自贸试验区改革试点经验“{title}”")),
            (_term(OA, "start"), _int(start)),
            (_term(OA, "end"), _int(start + 30)),
            (_term(FTZ, "line"), _int(10 + 12 * n + k)),
            (_term(DCT, "source"), doc),
            (_term(FTZ, "supports"), _term(PROV, "qualifiedDerivation")),
        ):
            yield ox.Quad(evidence, p, o, g)


def write_synthetic_nquads(path: Path, cases: int, seed: int = 0) -> int:
    """Write the synthetic graph as N-Quads (written to a temporary name, then renamed); returns the quad count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    counted = 0

    def counting() -> Iterator[ox.Quad]:
        nonlocal counted
        for quad in synthetic_graph_quads(cases, seed):
            counted += 1
            yield quad

    ox.serialize(counting(), str(partial), format=ox.RdfFormat.N_QUADS)
    partial.rename(path)
    return counted
