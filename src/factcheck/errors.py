"""Domain errors. The CLI turns each into one ``Error:`` line and exit status 2."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: a problem the user can fix, with a message saying how."""

    def __init__(self, path: str | None, problem: str, fix: str | None = None) -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """``<path>: <what is wrong>; <what to do>``."""
        head = f"{self.path}: {self.problem}" if self.path else self.problem
        return f"{head}; {self.fix}" if self.fix else head


class InputError(FactcheckError):
    """An article path that cannot be read as an article."""


class ClaimBookError(FactcheckError):
    """A malformed ``claims.yaml``."""


class ModelError(FactcheckError):
    """The spaCy pipeline is missing or cannot be loaded."""


class OutputError(FactcheckError):
    """An output path that cannot or must not be written."""
