"""A SPARQL lexer just deep enough to read a request's shape without running it.

The engine (pyoxigraph) parses but does not expose its parse tree, and it would happily fetch any URL named
by ``SERVICE`` or ``LOAD``. So before a request reaches the engine we split it into tokens the way the SPARQL
grammar does (strings, IRIs, comments, variables, prefixed names and keywords are told apart), which lets us
find the *keyword* ``SERVICE`` while ignoring ``"SERVICE"``, ``<http://x/SERVICE>``, ``?service`` or
``service:x``. The same tokens give the query form (for content negotiation before evaluation) and the places
where protocol ``using-graph-uri`` parameters become ``USING`` clauses. Like Oxigraph, no ``\\u`` escapes are
decoded outside strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)
               |'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)
               |"(?:[^"\\\n\r]|\\.)*"?
               |'(?:[^'\\\n\r]|\\.)*'?)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7]+)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)
    | (?P<pname>(?:[^\W\d][\w\-.]*)?:(?:[\w\-:%]|\\.|\.(?=[\w\-:%]))*)
    | (?P<word>[^\W\d][\w\-]*)
    | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind (a group name of ``_TOKEN``), text, offset and ``{}`` nesting depth."""

    kind: str
    text: str
    start: int
    depth: int

    @property
    def keyword(self) -> str | None:
        """The upper-cased keyword when the token is a bare word (not a variable, string, IRI or prefixed name)."""
        return self.text.upper() if self.kind == "word" else None


def tokenize(text: str) -> list[Token]:
    """Split SPARQL text into tokens, dropping white space and comments; never fails (odd text becomes punct)."""
    tokens: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        if kind in ("ws", "comment"):
            continue
        value = match.group()
        if value == "}":
            depth = max(depth - 1, 0)
        tokens.append(Token(kind, value, match.start(), depth))
        if value == "{":
            depth += 1
    return tokens


def keywords(text: str) -> list[str]:
    """The bare words of ``text`` upper-cased, in order: what ``tokenize`` calls keywords, without building
    tokens (a third of the cost; the endpoint reads every query's keywords once)."""
    return [match.group().upper() for match in _TOKEN.finditer(text) if match.lastgroup == "word"]


def find_keywords(text: str, wanted: set[str], words: list[str] | None = None) -> list[str]:
    """The keywords from ``wanted`` that occur as keywords in ``text`` (or in its already read ``words``), in
    order of first appearance."""
    return [word for word in dict.fromkeys(keywords(text) if words is None else words) if word in wanted]


def query_form(text: str, words: list[str] | None = None) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query-form keyword, or None when there is none."""
    return next((word for word in (keywords(text) if words is None else words) if word in _QUERY_FORMS), None)


def add_using_clauses(update: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """Give every DELETE/INSERT ... WHERE operation the protocol's dataset as ``USING`` clauses.

    SPARQL 1.1 Protocol 2.2.3: ``using-graph-uri``/``using-named-graph-uri`` act as USING / USING NAMED on
    each operation. pyoxigraph's update API has no parameter for them, so they are written into the text just
    before each top-level ``WHERE`` of a Modify operation (``DELETE WHERE`` has no dataset clause).
    The caller refuses requests whose text already has USING or WITH (see ``has_dataset_clause``).
    """
    clause = " ".join([f"USING <{g}>" for g in default_graphs] + [f"USING NAMED <{g}>" for g in named_graphs])
    if not clause:
        return update
    tokens = tokenize(update)
    cuts = [
        token.start
        for index, token in enumerate(tokens)
        if token.keyword == "WHERE" and token.depth == 0 and not (index and tokens[index - 1].keyword == "DELETE")
    ]
    pieces: list[str] = []
    last = 0
    for cut in cuts:
        pieces.extend([update[last:cut], clause, " "])
        last = cut
    pieces.append(update[last:])
    return "".join(pieces)


def has_dataset_clause(update: str) -> bool:
    """Whether the update text names its own dataset with a top-level USING or WITH clause."""
    return any(token.keyword in ("USING", "WITH") and token.depth == 0 for token in tokenize(update))


def skip_silent_loads(update: str) -> str:
    """Replace each ``LOAD SILENT <iri> [INTO GRAPH <g>]`` by a no-op: refusing to fetch is a failed load,
    and SILENT asks for a failed operation to be ignored (SPARQL 1.1 Update 3.1.4). A LOAD without SILENT
    stays, to be refused with a clear message.
    """
    tokens = tokenize(update)
    spans: list[tuple[int, int]] = []
    index = 0
    while index + 2 < len(tokens):
        first, second, source = tokens[index], tokens[index + 1], tokens[index + 2]
        if first.keyword == "LOAD" and second.keyword == "SILENT" and source.kind in ("iri", "pname"):
            last = index + 2
            into = tokens[index + 3 : index + 6]
            if (
                [t.keyword for t in into[:2]] == ["INTO", "GRAPH"]
                and len(into) == 3
                and into[2].kind in ("iri", "pname")
            ):
                last = index + 5
            spans.append((first.start, tokens[last].start + len(tokens[last].text)))
            index = last
        index += 1
    for start, end in reversed(spans):
        update = update[:start] + "INSERT DATA {}" + update[end:]
    return update
