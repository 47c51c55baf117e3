"""``/ontology``: the vocabulary page, or ``ontology/ftz.ttl`` as RDF, by content negotiation.

Vocabulary terms (``https://w3id.org/ftzgraph/ontology#Case``) dereference here: the fragment names the term's
anchor on the page.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from ftzgraph.api.pages import render
from ftzgraph.api.routes.resources import RDF_RESPONSES, _format
from ftzgraph.graph.views.vocabulary import vocabulary_rdf, vocabulary_terms

router = APIRouter(tags=["linked data"])


@router.get("/ontology", responses=RDF_RESPONSES, summary="The vocabulary")
def read_ontology(request: Request) -> Response:
    """Every class and property with labels, definitions and the standard term it maps to; or the Turtle."""
    media_type = _format(request)
    if media_type == "text/html":
        return render(request, "ontology.html", vocabulary=vocabulary_terms())
    return Response(vocabulary_rdf(media_type), media_type=media_type, headers={"Vary": "Accept"})
