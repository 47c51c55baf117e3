"""Count below the join: a grouped ``COUNT`` over a join of triple patterns, rewritten so that one pattern is
counted per join key first and the join then sums those counts (eager aggregation, Yan and Larson, VLDB 1995).

Why: Oxigraph evaluates ``SELECT ?zone (COUNT(?case) AS ?n) WHERE { ?case :replicates ?item . ?item :area ?a .
?a :partOf ?zone } GROUP BY ?zone`` by building every (case, item, area, zone) row before grouping; counting the
cases per item first joins one row per item instead of one per case. The rewritten query is
``SELECT ?zone (SUM(?n0) AS ?n) WHERE { { SELECT ?item (COUNT(*) AS ?n0) WHERE { ?case :replicates ?item . }
GROUP BY ?item } ?item :area ?a . ?a :partOf ?zone . } GROUP BY ?zone``: per group the sum over the joined rows
of the number of cases each stands for is the number of rows the original join gave, and a sum of
``xsd:integer`` counts is an ``xsd:integer`` (0 over no rows, as ``COUNT`` gives under implicit grouping).

The recogniser reads the lexer's tokens (``_text.tokenize``), not a SPARQL parser's tree: rdflib's parser costs
more per query than the rewritten query takes to run. It accepts only a strictly defined class of queries
(``rewrite_count``) and answers None for anything else, which then runs as written: any token it does not
expect where it is means no rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass

from ftzgraph.graph.sparql._text import Token, tokenize

_FRESH = "eager_count"
"""Name of the variable carrying the inner counts (a number is added when the query uses the name)."""


class _Outside(Exception):
    """The query is not of the class ``rewrite_count`` rewrites (raised at the first token that shows it)."""


@dataclass(frozen=True)
class _Term:
    """One RDF term or variable of a triple pattern: its text as written, and its variable name if it is one."""

    text: str
    var: str | None = None


@dataclass(frozen=True)
class _Query:
    """What the rewrite needs of a recognised query: spans of the original text and the parts read."""

    count_span: tuple[int, int]
    """Where ``COUNT(...)`` of the projection is written (start, end)."""
    counted: str | None
    """The variable counted, None for ``COUNT(*)``."""
    alias: str
    projected: list[str]
    body_span: tuple[int, int]
    """Between the WHERE clause's braces."""
    triples: list[tuple[_Term, _Term, _Term]]
    keys: list[str]
    ordered_by: list[str]
    names: set[str]
    """Every variable name the query writes."""


class _Cursor:
    """Tokens read in order; ``take`` and friends raise ``_Outside`` on anything unexpected."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text, self.tokens, self.index = text, tokens, 0

    def peek(self, ahead: int = 0) -> Token | None:
        at = self.index + ahead
        return self.tokens[at] if at < len(self.tokens) else None

    def keyword(self) -> str | None:
        token = self.peek()
        return token.keyword if token is not None else None

    def punct(self, value: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token is not None and token.kind == "punct" and token.text == value

    def take(self, kind: str | None = None, text: str | None = None) -> Token:
        token = self.peek()
        if token is None or (kind is not None and token.kind != kind) or (text is not None and token.text != text):
            raise _Outside
        self.index += 1
        return token

    def take_keyword(self, word: str) -> Token:
        if self.keyword() != word:
            raise _Outside
        return self.take()


def _end(token: Token) -> int:
    return token.start + len(token.text)


def _name(token: Token) -> str:
    return token.text[1:]  # ?x and $x are one variable


def _closed_string(text: str) -> bool:
    """Whether a string token ends with its closing quote (the lexer also matches an unclosed string)."""
    quote = text[:3] if text[:3] in ('"""', "'''") else text[0]
    return len(text) >= 2 * len(quote) and text.endswith(quote)


def _prefix(token: Token, prefixes: set[str]) -> None:
    """A prefixed name must use a declared prefix; ``_:`` (a blank node) is outside the class."""
    prefix = token.text.split(":", 1)[0]
    if prefix == "_" or prefix not in prefixes:
        raise _Outside


def _iri(cursor: _Cursor, prefixes: set[str]) -> Token:
    token = cursor.take()
    if token.kind == "pname":
        _prefix(token, prefixes)
    elif token.kind != "iri":
        raise _Outside
    return token


def _term(cursor: _Cursor, prefixes: set[str], *, predicate: bool) -> _Term:
    """A variable, IRI, prefixed name, ``a`` (as predicate), or (not as predicate) a literal: a string with its
    language or datatype, a number with an optional sign, true or false."""
    first = cursor.take()
    last = first
    if first.kind == "var":
        return _Term(first.text, _name(first))
    if first.kind == "iri":
        return _Term(first.text)
    if first.kind == "pname":
        _prefix(first, prefixes)
        return _Term(first.text)
    if predicate:
        if first.kind == "word" and first.text == "a":
            return _Term("a")
        raise _Outside
    if first.kind == "string":
        if not _closed_string(first.text):
            raise _Outside
        following = cursor.peek()
        if following is not None and following.kind == "lang":
            last = cursor.take()
        elif cursor.punct("^") and cursor.punct("^", 1):
            caret = cursor.take()
            if cursor.take().start != caret.start + 1:
                raise _Outside
            last = _iri(cursor, prefixes)
    elif first.kind == "punct" and first.text in "+-":
        last = cursor.take("number")
        if last.start != first.start + 1:
            raise _Outside
    elif first.kind != "number" and not (first.kind == "word" and first.text.lower() in ("true", "false")):
        raise _Outside
    return _Term(cursor.text[first.start : _end(last)])


def _triples(cursor: _Cursor, prefixes: set[str]) -> list[tuple[_Term, _Term, _Term]]:
    """Triple patterns up to the closing brace, with ``;`` and ``,`` lists spelled out."""
    triples: list[tuple[_Term, _Term, _Term]] = []
    while not cursor.punct("}"):
        subject = _term(cursor, prefixes, predicate=False)
        while True:
            verb = _term(cursor, prefixes, predicate=True)
            triples.append((subject, verb, _term(cursor, prefixes, predicate=False)))
            while cursor.punct(","):
                cursor.take()
                triples.append((subject, verb, _term(cursor, prefixes, predicate=False)))
            if not cursor.punct(";"):
                break
            while cursor.punct(";"):
                cursor.take()
            if cursor.punct(".") or cursor.punct("}"):
                break
        if cursor.punct("."):
            cursor.take()
        elif not cursor.punct("}"):
            raise _Outside
    return triples


def _projection(cursor: _Cursor) -> tuple[list[str], tuple[int, int], str | None, str]:
    """Plain variables and exactly one ``(COUNT(?v) AS ?n)`` or ``(COUNT(*) AS ?n)``."""
    projected: list[str] = []
    counts: list[tuple[tuple[int, int], str | None, str]] = []
    while not (cursor.keyword() in ("WHERE", "FROM") or cursor.punct("{")):
        if cursor.peek() is not None and cursor.peek().kind == "var":  # type: ignore[union-attr]
            projected.append(_name(cursor.take()))
            continue
        cursor.take("punct", "(")
        start = cursor.take_keyword("COUNT").start
        cursor.take("punct", "(")
        counted = None if cursor.punct("*") else _name(cursor.take("var"))
        if counted is None:
            cursor.take()
        end = _end(cursor.take("punct", ")"))
        cursor.take_keyword("AS")
        alias = _name(cursor.take("var"))
        cursor.take("punct", ")")
        counts.append(((start, end), counted, alias))
    if len(counts) != 1:
        raise _Outside
    span, counted, alias = counts[0]
    return projected, span, counted, alias


def _modifiers(cursor: _Cursor) -> tuple[list[str], list[str]]:
    """GROUP BY variables, ORDER BY variables (plain, ASC or DESC), LIMIT and OFFSET, in the grammar's order."""
    keys: list[str] = []
    ordered: list[str] = []
    if cursor.keyword() == "GROUP":
        cursor.take()
        cursor.take_keyword("BY")
        while cursor.peek() is not None and cursor.peek().kind == "var":  # type: ignore[union-attr]
            keys.append(_name(cursor.take()))
        if not keys:
            raise _Outside
    if cursor.keyword() == "ORDER":
        cursor.take()
        cursor.take_keyword("BY")
        while True:
            token = cursor.peek()
            if token is not None and token.kind == "var":
                ordered.append(_name(cursor.take()))
            elif token is not None and token.keyword in ("ASC", "DESC"):
                cursor.take()
                cursor.take("punct", "(")
                ordered.append(_name(cursor.take("var")))
                cursor.take("punct", ")")
            else:
                break
        if not ordered:
            raise _Outside
    seen: set[str] = set()
    while cursor.keyword() in ("LIMIT", "OFFSET") and cursor.keyword() not in seen:
        seen.add(cursor.take().text.upper())
        if not cursor.take("number").text.isdigit():
            raise _Outside
    if cursor.peek() is not None:
        raise _Outside
    return keys, ordered


def _read(text: str) -> _Query:
    tokens = tokenize(text)
    cursor = _Cursor(text, tokens)
    prefixes: set[str] = set()
    while cursor.keyword() in ("PREFIX", "BASE"):
        if cursor.take().text.upper() == "PREFIX":
            declared = cursor.take("pname").text
            if not declared.endswith(":") or declared.count(":") != 1 or declared.startswith("_"):
                raise _Outside
            prefixes.add(declared[:-1])
        cursor.take("iri")
    cursor.take_keyword("SELECT")
    if cursor.keyword() == "DISTINCT":
        cursor.take()
    projected, count_span, counted, alias = _projection(cursor)
    while cursor.keyword() == "FROM":
        cursor.take()
        if cursor.keyword() == "NAMED":
            cursor.take()
        _iri(cursor, prefixes)
    if cursor.keyword() == "WHERE":
        cursor.take()
    body_start = _end(cursor.take("punct", "{"))
    triples = _triples(cursor, prefixes)
    body_end = cursor.take("punct", "}").start
    keys, ordered = _modifiers(cursor)
    names = {_name(token) for token in tokens if token.kind == "var"}
    return _Query(count_span, counted, alias, projected, (body_start, body_end), triples, keys, ordered, names)


def _counted_pattern(query: _Query) -> tuple[int, list[str]] | None:
    """The pattern to count first and its join variables, or None when the query is outside the class.

    The first pattern holding one variable found in no other pattern (the counted one, for ``COUNT(?v)``),
    written once and no group key, whose every other variable occurs in another pattern too, with at least one
    such (a count per join key; a pattern joined by nothing would be counted into one row, 0, even when it
    matches nothing), and the other patterns have constants only as predicates. Under ``COUNT(*)`` any such
    pattern will do: each row of the join is one match of it joined with one row of the rest.
    """
    uses: list[list[str]] = [[t.var for t in triple if t.var is not None] for triple in query.triples]
    narrowing = [triple[0].var is None or triple[2].var is None for triple in query.triples]
    for index, names in enumerate(uses):
        if any(narrows for other, narrows in enumerate(narrowing) if other != index):
            continue  # a constant may make the join narrow (see ``rewrite_count``)
        rest = {name for other, more in enumerate(uses) if other != index for name in more}
        private = [name for name in names if name not in rest]
        if len(private) != 1 or names.count(private[0]) != 1 or private[0] in query.keys:
            continue
        if query.counted is not None and private[0] != query.counted:
            continue
        joins = list(dict.fromkeys(name for name in names if name in rest))
        if joins:
            return index, joins
    return None


def rewrite_count(text: str) -> str | None:
    """``text`` with its COUNT evaluated below the join, or None when the query is outside the class.

    The class: a prologue of PREFIX and BASE; ``SELECT`` (or ``SELECT DISTINCT``) of group keys and exactly one
    ``(COUNT(?v) AS ?n)`` or ``(COUNT(*) AS ?n)`` (no DISTINCT inside); FROM / FROM NAMED clauses; a WHERE of
    two or more triple patterns and nothing else (no FILTER, OPTIONAL, UNION, MINUS, GRAPH, BIND, VALUES,
    sub-query, property path, blank node or collection); ``GROUP BY`` of variables that occur in the patterns
    (or none: one implicit group); ``ORDER BY`` of group keys or the count; LIMIT and OFFSET. ``?v`` occurs in
    exactly one pattern and is no group key, and that pattern's other variables occur in other patterns. The
    other patterns have constants only as predicates: a constant subject or object (one zone, one batch) can
    make the join select a few rows, which the query as written finds from the constant, while the count below
    the join would still read every match of its pattern (slower, not faster; the store keeps no statistics
    that would tell). The rest of the text (prologue, modifiers, dataset, comments) is kept as written.
    """
    if "count" not in text.lower():  # the cheap test first: most queries count nothing
        return None
    try:
        query = _read(text)
    except _Outside:
        return None
    variables = {t.var for triple in query.triples for t in triple if t.var is not None}
    keys = set(query.keys)
    if (
        len(query.triples) < 2
        or len(keys) != len(query.keys)
        or not keys <= variables
        or len(set(query.projected)) != len(query.projected)
        or not set(query.projected) <= keys
        or query.alias in variables | keys | set(query.projected)
        or not set(query.ordered_by) <= keys | {query.alias}
        or (query.counted is not None and query.counted not in variables)
    ):
        return None
    chosen = _counted_pattern(query)
    if chosen is None:
        return None
    index, joins = chosen
    fresh = _FRESH
    while fresh in query.names:
        fresh += "_"
    join_vars = " ".join(f"?{name}" for name in joins)
    patterns = []
    for at, (subject, verb, obj) in enumerate(query.triples):
        triple = f"{subject.text} {verb.text} {obj.text} ."
        if at == index:
            triple = f"{{ SELECT {join_vars} (COUNT(*) AS ?{fresh}) WHERE {{ {triple} }} GROUP BY {join_vars} }}"
        patterns.append(triple)
    (count_start, count_end), (body_start, body_end) = query.count_span, query.body_span
    body = "\n  ".join(patterns)
    return f"{text[:count_start]}SUM(?{fresh}){text[count_end:body_start]}\n  {body}\n{text[body_end:]}"
