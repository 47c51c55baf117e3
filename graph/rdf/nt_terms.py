"""RDF terms as N-Triples text: how documents' triples are built, shipped between processes and loaded.

Why text and not rdflib terms: creating rdflib ``URIRef``/``Literal`` objects, converting them to Oxigraph terms and
serialising them was most of the per-document work outside extraction (issue #5). A ``Term`` is already what N-Triples
and N-Quads write, so a document's graph travels as bytes and Oxigraph parses it in Rust. ``rdflib_graph`` turns them
back into an rdflib graph for pySHACL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from ftzgraph.ontology.namespace import FTZ, OA

Term = str
"""An RDF term as N-Triples writes it: ``<iri>``, ``"text"``, ``"text"@zh``, ``"5"^^<…#integer>``."""
Triple = tuple[Term, Term, Term]


class Terms:
    """A namespace's terms as N-Triples strings: ``Terms(FTZ).Case == "<…ontology#Case>"``, each built once."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> Term:
        term = iri(getattr(self._namespace, name))
        setattr(self, name, term)  # the next lookup is a plain attribute
        return term


T_RDF, T_RDFS, T_DCTERMS, T_ORG, T_PROV, T_SKOS = map(Terms, (RDF, RDFS, DCTERMS, ORG, PROV, SKOS))
T_FTZ, T_OA = Terms(FTZ), Terms(OA)

_ESCAPES = {i: f"\\u{i:04X}" for i in range(0x20)} | {
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\n"): "\\n",
    ord("\r"): "\\r",
}
_UNESCAPE = re.compile(r"\\(u[0-9A-F]{4}|.)")
_INTEGER = f"^^<{XSD.integer}>"
_XSD_STRING = str(XSD.string)


def iri(value: str) -> Term:
    return f"<{value}>"


def text(value: str, lang: str | None = None) -> Term:
    """A plain (xsd:string) literal, or a language-tagged one."""
    quoted = '"' + value.translate(_ESCAPES) + '"'
    return f"{quoted}@{lang}" if lang else quoted


def zh_text(value: str) -> Term:
    return '"' + value.translate(_ESCAPES) + '"@zh'


def integer(value: int) -> Term:
    """An xsd:integer; anything but an int goes through rdflib so its datatype is rdflib's choice as before."""
    return f'"{value}"{_INTEGER}' if type(value) is int else literal(Literal(value))


def decimal(value: float) -> Term:
    """An xsd:decimal with a plain lexical form (no exponent): what a float means in the text it was read from."""
    return f'"{format(Decimal(str(value)), "f")}"^^<{XSD.decimal}>'


def boolean(value: bool) -> Term:
    return f'"{"true" if value else "false"}"^^<{XSD.boolean}>'


_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def date(value: str) -> Term:
    """``2023`` -> xsd:gYear, ``2023-06`` -> xsd:gYearMonth, ``2023-06-01`` -> xsd:date, else a plain string."""
    datatype = _DATE_TYPES.get(len(value))
    return f"{text(value)}^^<{datatype}>" if datatype else text(value)


def literal(value: Literal) -> Term:
    """An rdflib literal (decimals, dates: rdflib picks the lexical form) as a term string."""
    if value.language:
        return text(str(value), value.language)
    datatype = str(value.datatype or _XSD_STRING)
    return text(str(value)) if datatype == _XSD_STRING else f"{text(str(value))}^^<{datatype}>"


def lexical(term: Term) -> str:
    """What ``str()`` of the rdflib term gave: an IRI without brackets, a literal's lexical form."""
    if term.startswith("<"):
        return term[1:-1]
    body = term[1 : term.rindex('"')]
    return _UNESCAPE.sub(lambda m: chr(int(m[1][1:], 16)) if len(m[1]) == 5 else _UNESCAPED[m[1]], body)


_UNESCAPED = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "'": "'"}


def nquads(triples: Iterable[Triple], graph: str) -> bytes:
    """N-Quads bytes of ``triples`` in ``graph``, one line each, the form documents travel in to the store."""
    name = iri(graph)
    return "".join([f"{s} {p} {o} {name} .\n" for s, p, o in triples]).encode("utf-8")


def ntriples(triples: Iterable[Triple]) -> bytes:
    """N-Triples bytes of ``triples``, one line each."""
    return "".join([f"{s} {p} {o} .\n" for s, p, o in triples]).encode("utf-8")


def from_rdflib(graph: Graph) -> set[Triple]:
    """The triples of an rdflib graph read from a file (a SKOS scheme, the vocabulary), as term strings."""

    def term(node: object) -> Term:
        if isinstance(node, Literal):
            return literal(node)
        return f"_:{node}" if isinstance(node, BNode) else iri(str(node))

    return {(term(s), term(p), term(o)) for s, p, o in graph}


def rdflib_term(term: Term) -> URIRef | Literal | BNode:
    """The rdflib term of a term string (the inverse of ``iri``, ``text``, ``integer`` and ``literal``)."""
    if term.startswith("<"):
        return URIRef(term[1:-1])
    if term.startswith("_:"):
        return BNode(term[2:])
    suffix = term[term.rindex('"') + 1 :]
    if suffix.startswith("@"):
        return Literal(lexical(term), lang=suffix[1:])
    if suffix.startswith("^^"):
        return Literal(lexical(term), datatype=URIRef(suffix[3:-1]))
    return Literal(lexical(term))


def rdflib_graph(triples: Iterable[Triple]) -> Graph:
    """An rdflib graph of term-string triples, each distinct term converted once (rdflib's own N-Triples
    parser takes three times as long)."""
    terms: dict[Term, URIRef | Literal | BNode] = {}

    def convert(term: Term) -> URIRef | Literal | BNode:
        found = terms.get(term)
        if found is None:
            found = terms[term] = rdflib_term(term)
        return found

    graph = Graph()
    graph.addN((convert(s), convert(p), convert(o), graph) for s, p, o in triples)
    return graph
