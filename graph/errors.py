"""One base error for the domain; each error builds its message from its arguments and says where."""

from __future__ import annotations

from pathlib import Path


def _rebuild(cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]) -> BaseException:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class FtzGraphError(Exception):
    """Base of every error ftzgraph raises on purpose (bad input, bad configuration, bad query).

    Picklable whatever a subclass's ``__init__`` takes: a build's worker processes send them back to the
    parent, and the default pickling calls ``__init__`` with the message alone, which broke the whole pool.
    """

    def __reduce__(self) -> tuple[object, ...]:
        return _rebuild, (type(self), self.args, dict(self.__dict__))


class DocumentError(FtzGraphError):
    """A source document cannot be read or holds nothing usable. The message names the file."""

    def __init__(self, path: Path | str, reason: str, hint: str | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.hint = hint
        message = f"{path}: {reason}"
        if hint:
            message += f". Hint: {hint}"
        super().__init__(message)


class NoCasesError(DocumentError):
    """A document was read but no case could be recognised in it."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "no cases recognised (no summary table rows and no case headings such as '案例1' or '“…”复制推广典型案例')",
            "is this a collection of 复制推广 cases? The store was left unchanged",
        )


class ValidationError(FtzGraphError):
    """The built graph does not conform to the SHACL shapes; carries pySHACL's text report."""

    def __init__(self, report: str) -> None:
        self.report = report
        super().__init__("the built graph does not conform to ontology/shapes.ttl:\n" + report)


class StoreError(FtzGraphError):
    """The store cannot be opened, read or written."""


class QueryError(FtzGraphError):
    """A SPARQL query or update was rejected (syntax error, forbidden feature)."""
