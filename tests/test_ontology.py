"""The vocabulary, the SHACL shapes and the SKOS lists: they parse, they are complete, and the shapes bite.

The shapes are checked on a small hand-written graph (tests/data/shapes_valid.ttl) and on copies of it that each
break one rule; a broken copy must fail on the shape that owns the rule, not somewhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SH, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, XSD

from ftzgraph.ontology.namespace import FTZ, ID, OA, SHAPES_PATH, VOCAB_PATH

ROOT = Path(__file__).resolve().parent.parent
TTL_FILES = sorted([*(ROOT / "ontology").glob("*.ttl"), *(ROOT / "data" / "vocab").glob("*.ttl")])
VALID_FIXTURE = Path(__file__).parent / "data" / "shapes_valid.ttl"
README = ROOT / "ontology" / "README.md"
FTZSH = Namespace("https://w3id.org/ftzgraph/shapes#")

# The ftz: classes and properties RDF_SPEC.md (the contract between extraction, queries and API) names.
SPEC_CLASSES = [
    "SourceDocument",
    "Case",
    "City",
    "Area",
    "Zone",
    "OtherUnit",
    "Batch",
    "Reform",
    "NationalReform",
    "OriginClaim",
    "Agency",
    "Company",
    "PolicyDocument",
    "Outcome",
    "Evidence",
    "Conflict",
]
SPEC_PROPERTIES = [
    "sha256",
    "fileName",
    "series",
    "seriesNumber",
    "declaredCaseCount",
    "caseNumber",
    "providedBy",
    "reform",
    "agency",
    "outcome",
    "mentionsDate",
    "mentionsCompany",
    "evidence",
    "hasConflict",
    "warning",
    "shortName",
    "province",
    "establishmentRound",
    "verified",
    "inZone",
    "batchKind",
    "batchNumber",
    "declaredItemCount",
    "itemsComplete",
    "adoptedBy",
    "inBatch",
    "pilotedIn",
    "policyDomain",
    "scope",
    "originKind",
    "claimedBatch",
    "claimedZone",
    "sector",
    "locatedIn",
    "measure",
    "value",
    "unit",
    "valueBefore",
    "valueAfter",
    "line",
    "page",
    "paragraph",
    "supports",
    "supportsObject",
    "about",
    "documentClaim",
    "documentBatch",
    "referenceBatch",
    "learnedFrom",
    "copiesNationalItem",
    "borrowsZoneCase",
    "learnsFromZone",
    "followsMinistry",
    "selfInitiated",
    "learnedRelation",
    "confidence",
    "sourceKind",
    "claimSource",
    "authoritySource",
]
SPEC_CONCEPTS = {
    FTZ.BatchKindScheme: ["PilotExperience", "BestPractice", "OtherBatchKind"],
    FTZ.OriginKindScheme: [
        "NationalBatchOrigin",
        "ZoneOrigin",
        "MinistryOrigin",
        "SelfCopiedOrigin",
        "GenericFtzOrigin",
        "TitleMatchOrigin",
    ],
    FTZ.SourceKindScheme: ["NationalNoticeSource", "MinistryListSource", "ProvincialDocumentSource", "NewsSource"],
}
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return Graph().parse(VOCAB_PATH)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH)


def ftz_subjects(graph: Graph) -> set[URIRef]:
    """Every ftz: IRI declared (given a type) in ``graph``."""
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(FTZ))}


def languages(graph: Graph, subject: URIRef, *predicates: URIRef) -> set[str]:
    return {o.language for p in predicates for o in graph.objects(subject, p) if isinstance(o, Literal) and o.language}


# --- every Turtle file parses and round-trips -------------------------------------------------------------------


def test_ttl_files_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in TTL_FILES}
    assert {"ontology/ftz.ttl", "ontology/shapes.ttl", "data/vocab/domains.ttl"} <= names


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_ttl_round_trips(path: Path, fmt: str) -> None:
    graph = Graph().parse(path)
    assert len(graph) > 0
    again = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
    assert isomorphic(graph, again)


# --- the vocabulary is complete and documented ------------------------------------------------------------------


def test_ontology_header(vocab: Graph) -> None:
    onto = URIRef("https://w3id.org/ftzgraph/ontology")
    assert (onto, RDF.type, OWL.Ontology) in vocab
    for predicate in (DCTERMS.title, DCTERMS.description, DCTERMS.created, DCTERMS.license, OWL.versionInfo):
        assert vocab.value(onto, predicate) is not None, predicate


def test_spec_terms_declared(vocab: Graph) -> None:
    missing_classes = [c for c in SPEC_CLASSES if (FTZ[c], RDF.type, OWL.Class) not in vocab]
    missing_props = [p for p in SPEC_PROPERTIES if not set(vocab.objects(FTZ[p], RDF.type)) & PROPERTY_TYPES]
    assert missing_classes == [] and missing_props == []


@pytest.mark.parametrize("scheme", list(SPEC_CONCEPTS), ids=lambda s: s.fragment)
def test_vocabulary_schemes(vocab: Graph, scheme: URIRef) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in vocab
    members = {c for c in vocab.subjects(SKOS.inScheme, scheme)}
    assert members == {FTZ[name] for name in SPEC_CONCEPTS[scheme]}
    assert all((c, RDF.type, SKOS.Concept) in vocab and vocab.value(c, SKOS.notation) for c in members)


def test_named_individuals_link_without_cycles(vocab: Graph) -> None:
    """pySHACL deep-clones owl:NamedIndividual nodes from the ont_graph by following links; a cycle hangs it."""
    individuals = set(vocab.subjects(RDF.type, OWL.NamedIndividual))
    links = {i: {o for o in vocab.objects(i, None) if o in individuals and o != i} for i in individuals}
    done: set[URIRef] = set()

    def visit(node: URIRef, path: tuple[URIRef, ...]) -> None:
        assert node not in path, f"cycle through {[n.fragment for n in (*path, node)]}"
        if node not in done:
            for target in links[node]:
                visit(target, (*path, node))
            done.add(node)

    assert individuals
    for individual in individuals:
        visit(individual, ())


def test_every_term_has_labels_and_definition(vocab: Graph) -> None:
    """@zh and @en labels (rdfs:label, or skos:prefLabel for concepts) and an @en definition on every ftz: term."""
    problems = []
    for term in sorted(ftz_subjects(vocab)):
        if languages(vocab, term, RDFS.label, SKOS.prefLabel) < {"zh", "en"}:
            problems.append(f"{term.fragment}: label languages {languages(vocab, term, RDFS.label, SKOS.prefLabel)}")
        if "en" not in languages(vocab, term, SKOS.definition, RDFS.comment):
            problems.append(f"{term.fragment}: no @en definition")
    assert problems == []


def test_standard_mappings(vocab: Graph) -> None:
    """The reuse the issue asks for: PROV-O, W3C ORG, ELI and Web Annotation superclasses and superproperties."""
    org = Namespace("http://www.w3.org/ns/org#")
    eli = Namespace("http://data.europa.eu/eli/ontology#")
    expected = [
        (FTZ.providedBy, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (FTZ.OriginClaim, RDFS.subClassOf, PROV.Derivation),
        (FTZ.Case, RDFS.subClassOf, PROV.Entity),
        (FTZ.Agency, RDFS.subClassOf, org.Organization),
        (FTZ.PolicyDocument, RDFS.subClassOf, eli.LegalResource),
        (FTZ.Evidence, RDFS.subClassOf, OA.TextQuoteSelector),
        (FTZ.inZone, RDFS.subPropertyOf, DCTERMS.isPartOf),
        (FTZ.sector, RDFS.subPropertyOf, org.classification),
    ]
    assert [t for t in expected if t not in vocab] == []


def test_every_ftz_iri_used_is_declared(vocab: Graph, shapes: Graph) -> None:
    """No typo'd or undeclared ftz: term in the vocabulary, the shapes, the SKOS lists or the fixture."""
    declared = ftz_subjects(vocab)
    graphs = [Graph().parse(p) for p in TTL_FILES] + [Graph().parse(VALID_FIXTURE)]
    used = {
        node
        for graph in graphs
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and node.startswith(str(FTZ))
    }
    assert sorted(used - declared) == []


def test_shape_references_declared(vocab: Graph, shapes: Graph) -> None:
    referenced = {o for p in (SH.path, SH["class"], SH.targetClass) for o in shapes.objects(None, p)}
    ftz_refs = {r for r in referenced if isinstance(r, URIRef) and r.startswith(str(FTZ))}
    assert ftz_refs, "the shapes should constrain ftz: terms"
    assert sorted(ftz_refs - ftz_subjects(vocab)) == []
    targets = set(shapes.objects(None, SH.targetClass))
    assert {FTZ[c] for c in SPEC_CLASSES} - targets == {FTZ.OtherUnit}


def test_readme_lists_every_term(vocab: Graph) -> None:
    text = README.read_text(encoding="utf-8")
    assert [t.fragment for t in sorted(ftz_subjects(vocab)) if f"ftz:{t.fragment}`" not in text] == []


def test_policy_domains_scheme() -> None:
    graph = Graph().parse(ROOT / "data" / "vocab" / "domains.ttl")
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) == 1
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    labels = {str(graph.value(c, SKOS.prefLabel)) for c in concepts if graph.value(c, SKOS.prefLabel)}
    zh_labels = {str(o) for c in concepts for o in graph.objects(c, SKOS.prefLabel) if o.language == "zh"}
    assert {"投资管理", "贸易便利化", "金融开放创新", "事中事后监管", "人力资源"} <= zh_labels, labels
    for concept in concepts:
        assert concept.startswith(str(ID) + "domain/")
        assert (concept, SKOS.inScheme, next(iter(schemes))) in graph
        assert languages(graph, concept, SKOS.prefLabel) >= {"zh", "en"}
        assert "en" in languages(graph, concept, SKOS.definition)


# --- the shapes accept a well-formed graph and reject broken ones -----------------------------------------------


def validate(data: Graph, shapes: Graph, vocab: Graph, inference: str) -> tuple[bool, Graph]:
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=vocab, inference=inference)
    return bool(conforms), report


def failing_node_shapes(report: Graph, shapes: Graph) -> set[URIRef]:
    """The targeted node shapes that own each result's source shape (a property shape or the node shape)."""
    owners = set()
    for result in report.objects(None, SH.result):  # top-level results, not their sh:detail
        source = report.value(result, SH.sourceShape)
        owner = shapes.value(None, SH.property, source) or source
        owners.add(owner)
    return owners


def drop(subject: URIRef, predicate: URIRef) -> Callable[[Graph], None]:
    def edit(graph: Graph) -> None:
        graph.remove((subject, predicate, None))

    return edit


def put(subject: URIRef, predicate: URIRef, value: URIRef | Literal) -> Callable[[Graph], None]:
    def edit(graph: Graph) -> None:
        graph.set((subject, predicate, value))

    return edit


CASE = ID["case/demo-1"]
AGENCY = ID["agency/a1"]
EVIDENCE = ID["evidence/demo-30-52-0"]
AREA = ID["zone/demo/east"]
ORIGIN = ID["case/demo-1/origin/0"]
BATCH = ID["batch/sc-6"]
NATIONAL = ID["reform/r1"]

BROKEN = {
    "case without title": (drop(CASE, DCTERMS.title), FTZSH.CaseShape),
    "case title not Chinese": (put(CASE, DCTERMS.title, Literal("Return centre", lang="en")), FTZSH.CaseShape),
    "case number a string": (put(CASE, FTZ.caseNumber, Literal("1")), FTZSH.CaseShape),
    "case without provider": (drop(CASE, FTZ.providedBy), FTZSH.CaseShape),
    "provider not a place or unit": (put(CASE, FTZ.providedBy, AGENCY), FTZSH.CaseShape),
    "agency without sector": (drop(AGENCY, FTZ.sector), FTZSH.AgencyShape),
    "agency sector not a concept": (put(AGENCY, FTZ.sector, ID["sector/nowhere"]), FTZSH.AgencyShape),
    "evidence with start > end": (put(EVIDENCE, OA.start, Literal(50)), FTZSH.EvidenceShape),
    "evidence without source": (drop(EVIDENCE, DCTERMS.source), FTZSH.EvidenceShape),
    "area without zone": (drop(AREA, FTZ.inZone), FTZSH.AreaShape),
    "origin claim without evidence": (drop(ORIGIN, FTZ.evidence), FTZSH.OriginClaimShape),
    "origin kind from another scheme": (put(ORIGIN, FTZ.originKind, FTZ.PilotExperience), FTZSH.OriginClaimShape),
    "origin claim without relation": (drop(ORIGIN, FTZ.learnedRelation), FTZSH.OriginClaimShape),
    "origin relation not learned-from": (put(ORIGIN, FTZ.learnedRelation, FTZ.inBatch), FTZSH.OriginClaimShape),
    "confidence above 1": (put(ORIGIN, FTZ.confidence, Literal("1.5", datatype=XSD.decimal)), FTZSH.OriginClaimShape),
    "batch without kind": (drop(BATCH, FTZ.batchKind), FTZSH.BatchShape),
    "batch number a decimal": (put(BATCH, FTZ.batchNumber, Literal("6.0", datatype=XSD.decimal)), FTZSH.BatchShape),
    "national reform in no batch": (drop(NATIONAL, FTZ.inBatch), FTZSH.NationalReformShape),
}

# RDFS inference types every value of a property with the property's rdfs:range, so sh:class on a ranged property
# (ftz:sector rdfs:range skos:Concept) can no longer fail. This is why validation should use inference="none".
RDFS_MASKED = {("agency sector not a concept", "rdfs")}


def test_rdfs_inference_masks_range_checks(shapes: Graph, vocab: Graph) -> None:
    data = Graph().parse(VALID_FIXTURE)
    put(AGENCY, FTZ.sector, ID["sector/nowhere"])(data)
    assert validate(data, shapes, vocab, "none")[0] is False
    assert validate(data, shapes, vocab, "rdfs")[0] is True


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_valid_fixture_conforms(shapes: Graph, vocab: Graph, inference: str) -> None:
    conforms, report = validate(Graph().parse(VALID_FIXTURE), shapes, vocab, inference)
    assert conforms, report.serialize(format="turtle")


def test_valid_fixture_conforms_with_vocab_in_data(shapes: Graph, vocab: Graph) -> None:
    """The store's union graph holds the vocabulary as data (graph:ontology); that must validate the same way."""
    conforms, _report, text = pyshacl.validate(Graph().parse(VALID_FIXTURE) + vocab, shacl_graph=shapes)
    assert conforms, text


@pytest.mark.parametrize(
    ("name", "inference"),
    [(name, inference) for name in BROKEN for inference in ("none", "rdfs") if (name, inference) not in RDFS_MASKED],
)
def test_broken_fixture_fails_on_its_shape(shapes: Graph, vocab: Graph, name: str, inference: str) -> None:
    edit, expected_shape = BROKEN[name]
    data = Graph().parse(VALID_FIXTURE)
    before = len(data)
    edit(data)
    assert len(data) <= before + 1  # the edit touched the fixture, it did not rebuild it
    conforms, report = validate(data, shapes, vocab, inference)
    assert not conforms
    assert failing_node_shapes(report, shapes) == {expected_shape}
