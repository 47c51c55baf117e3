"""Benchmark: derive and analyse each network on a synthetic graph of ~100k cases with the bundled graph's shape.

Quads are generated directly (deterministic by --seed) into an in-memory Oxigraph store, in the graphs a build
uses: zones with areas and provinces, sector concepts and batches in the reference graph; cities and agencies
(local ones under a city government, national ones without a city) once in the shared entities graph; in each
document's graph the document and its cases with a provider, agencies and origin claims (claimed zone or batch).
Prints one row per network: nodes, edges, seconds to derive (SPARQL + networkx build) and to analyse, the best
of --repeat runs, and the load average (another process on the machine inflates the figures).
Target: the agency network and its statistics under 10 s at 100k cases.

    .venv/bin/python scripts/bench_network.py [--cases 100000] [--seed 7] [--repeat 3] [--kinds agencies]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Iterator

import pyoxigraph as ox

from ftzgraph.graph.network.analysis import analyse_network
from ftzgraph.graph.network.derive import KINDS, collapse_to_provinces, derive_network
from ftzgraph.graph.store.oxigraph import OxigraphStore

FTZ = "https://w3id.org/ftzgraph/ontology#"
ID = "https://w3id.org/ftzgraph/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
SECTORS = [
    "customs",
    "tax",
    "market-regulation",
    "justice",
    "central-bank-fx",
    "land-property",
    "civil-affairs",
    "commerce",
]
SECTORS += [
    "development-reform",
    "courts-arbitration",
    "finance-bureau",
    "service-centre",
    "bank",
    "party-government",
    "other",
]
PROVINCES = (
    "黑龙江 广东 上海 广西 湖北 河北 陕西 浙江 江苏 山东 四川 重庆 河南 湖南 辽宁 福建 天津 北京 安徽 云南 海南 新疆"
)


def n(local: str) -> ox.NamedNode:
    return ox.NamedNode(ID + local)


def t(ns: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(ns + local)


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def generate(cases: int, seed: int) -> Iterator[ox.Quad]:
    rng = random.Random(seed)
    ref = ox.NamedNode("https://w3id.org/ftzgraph/graph/reference")
    entities = ox.NamedNode("https://w3id.org/ftzgraph/graph/entities")
    zones, areas, cities = [], [], []
    for slug in SECTORS:
        yield ox.Quad(n(f"sector/{slug}"), RDF_TYPE, t(SKOS, "Concept"), ref)
        yield ox.Quad(n(f"sector/{slug}"), t(SKOS, "prefLabel"), zh(f"领域{slug}"), ref)
        yield ox.Quad(n(f"sector/{slug}"), t(SKOS, "prefLabel"), ox.Literal(slug, language="en"), ref)
    for z, name in enumerate(PROVINCES.split()):
        zone = n(f"zone/z{z}")
        zones.append(zone)
        yield ox.Quad(zone, RDF_TYPE, t(FTZ, "Zone"), ref)
        yield ox.Quad(zone, t(SKOS, "prefLabel"), zh(f"中国（{name}）自由贸易试验区"), ref)
        yield ox.Quad(zone, t(FTZ, "shortName"), zh(f"{name}自贸试验区"), ref)
        yield ox.Quad(zone, t(FTZ, "province"), zh(f"{name}省"), ref)
        for a in range(3):
            area = n(f"zone/z{z}/a{a}")
            areas.append((area, z))
            yield ox.Quad(area, RDF_TYPE, t(FTZ, "Area"), ref)
            yield ox.Quad(area, t(SKOS, "prefLabel"), zh(f"第{a}片区"), ref)
            yield ox.Quad(area, t(FTZ, "shortName"), zh(f"{name}自贸试验区第{a}片区"), ref)
            yield ox.Quad(area, t(FTZ, "inZone"), zone, ref)
    batches = [n(f"batch/sc-{b}") for b in range(1, 11)]
    for b, batch in enumerate(batches, start=1):
        yield ox.Quad(batch, RDF_TYPE, t(FTZ, "Batch"), ref)
        yield ox.Quad(batch, t(SKOS, "prefLabel"), zh(f"自贸试验区第{b}批改革试点经验"), ref)
        yield ox.Quad(batch, t(DCT, "issued"), ox.Literal(str(2014 + b)), ref)
    national = [n(f"agency/national{i}") for i in range(40)]
    for i, agency in enumerate(national):
        yield ox.Quad(agency, RDF_TYPE, t(FTZ, "Agency"), entities)
        yield ox.Quad(agency, t(SKOS, "prefLabel"), zh(f"国家部门{i}"), entities)
        yield ox.Quad(agency, RDFS_LABEL, zh(f"国家部门{i}"), entities)
        yield ox.Quad(agency, t(FTZ, "sector"), n(f"sector/{SECTORS[i % len(SECTORS)]}"), entities)
    local: dict[int, list[ox.NamedNode]] = {}
    for c in range(300):
        city = n(f"place/c{c}")
        cities.append(city)
        yield ox.Quad(city, RDF_TYPE, t(FTZ, "City"), entities)
        yield ox.Quad(city, t(SKOS, "prefLabel"), zh(f"城市{c}市"), entities)
        yield ox.Quad(city, RDFS_LABEL, zh(f"城市{c}市"), entities)
        government = n(f"agency/c{c}-gov")
        local[c] = [government]
        for k in range(12):
            agency = government if k == 0 else n(f"agency/c{c}-{k}")
            if k:
                local[c].append(agency)
                yield ox.Quad(agency, t(ORG, "subOrganizationOf"), government, entities)
            yield ox.Quad(agency, RDF_TYPE, t(FTZ, "Agency"), entities)
            yield ox.Quad(agency, t(SKOS, "prefLabel"), zh(f"城市{c}市部门{k}"), entities)
            yield ox.Quad(agency, RDFS_LABEL, zh(f"城市{c}市部门{k}"), entities)
            yield ox.Quad(agency, t(FTZ, "sector"), n(f"sector/{rng.choice(SECTORS)}"), entities)
            yield ox.Quad(agency, t(FTZ, "locatedIn"), city, entities)
    for i in range(cases):
        d = i % 100
        doc, graph = n(f"doc/d{d}"), ox.NamedNode(f"https://w3id.org/ftzgraph/graph/doc/d{d}")
        if i < 100:
            yield ox.Quad(doc, RDF_TYPE, t(FTZ, "SourceDocument"), graph)
            province = PROVINCES.split()[d % 22]
            yield ox.Quad(doc, t(DCT, "publisher"), zh(f"中国({province})自由贸易试验区工作办公室"), graph)
            yield ox.Quad(doc, t(DCT, "identifier"), ox.Literal(f"自贸办函〔{2015 + d % 9}〕{d}号"), graph)
        case = n(f"case/d{d}-{i}")
        city_index = rng.randrange(300)
        provider = cities[city_index] if rng.random() < 0.5 else rng.choice(areas)[0]
        reform = n(f"case/d{d}-{i}/reform")
        yield ox.Quad(case, RDF_TYPE, t(FTZ, "Case"), graph)
        yield ox.Quad(case, t(DCT, "identifier"), ox.Literal(f"d{d}-{i}"), graph)
        yield ox.Quad(case, t(DCT, "title"), zh(f"改革案例{i}"), graph)
        yield ox.Quad(case, t(DCT, "isPartOf"), doc, graph)
        yield ox.Quad(case, t(FTZ, "providedBy"), provider, graph)
        yield ox.Quad(case, t(FTZ, "reform"), reform, graph)
        members = rng.sample(local[city_index], rng.randint(1, 5))
        if rng.random() < 0.1:
            members.append(rng.choice(national))
        for agency in members:
            yield ox.Quad(case, t(FTZ, "agency"), agency, graph)
        for k in range(rng.randint(0, 2)):
            claim = n(f"case/d{d}-{i}/origin/{k}")
            yield ox.Quad(reform, t(PROV, "qualifiedDerivation"), claim, graph)
            yield ox.Quad(claim, t(PROV, "entity"), n(f"reform/r{rng.randrange(2000)}"), graph)
            if rng.random() < 0.5:
                yield ox.Quad(claim, t(FTZ, "claimedZone"), rng.choice(zones + [a for a, _ in areas]), graph)
            else:
                yield ox.Quad(claim, t(FTZ, "claimedBatch"), rng.choice(batches), graph)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=1, help="Runs per network; the best is reported.")
    parser.add_argument("--kinds", nargs="+", default=[*KINDS, "diffusion-provinces"], help="Networks to time.")
    args = parser.parse_args()
    store = OxigraphStore()
    started = time.perf_counter()
    store.raw.bulk_extend(generate(args.cases, args.seed))
    print(f"generated {len(store.raw):,} quads for {args.cases:,} cases in {time.perf_counter() - started:.1f}s")
    print(f"{'network':<22}{'nodes':>9}{'edges':>10}{'derive s':>10}{'analyse s':>11}{'total s':>9}  load  notes")
    for kind in args.kinds:
        best: tuple[float, float] | None = None
        for _ in range(args.repeat):
            started = time.perf_counter()
            graph = derive_network(store, kind.split("-")[0])
            if kind == "diffusion-provinces":
                graph = collapse_to_provinces(graph)
            derived = time.perf_counter()
            analysis = analyse_network(graph)
            done = time.perf_counter()
            if best is None or done - started < sum(best):
                best = (derived - started, done - derived)
        assert best is not None
        notes = "; ".join(note for note in analysis.notes if "betweenness" in note)
        print(
            f"{kind:<22}{graph.number_of_nodes():>9,}{graph.number_of_edges():>10,}{best[0]:>10.2f}"
            f"{best[1]:>11.2f}{sum(best):>9.2f}  {os.getloadavg()[0]:>4.1f}  {notes}"
        )


if __name__ == "__main__":
    main()
