"""The claim book, ``claims.yaml``: what a user tells factcheck about their story.

Three optional sections::

    topics:            # named questions that steer and name groups
      - id: people-sentenced
        question: How many people were sentenced?
        kind: count            # count | quantity | ratio | date | person | alias | sentence
        cues: [sentenced, jailed, imprisoned]
    names:             # known spellings of one person, or people who must stay apart
      - same: [Yu Haibin, Yu Haibing]
      - different: [Harminder Singh, Bhupinder Singh]
    references:        # values from a source you trust, checked against every outlet
      - topic: people-sentenced
        value: 9
        source: Court statement, 7 November 2019

Every error names the file, the line and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ClaimBookError
from .models import ClaimKind

DEFAULT_NAME = "claims.yaml"
SECTIONS = ("topics", "names", "references")
TOPIC_KEYS = ("id", "question", "kind", "cues", "dimension")


@dataclass(frozen=True)
class Topic:
    """A named question; claims whose sentence has one of its cues belong to it."""

    id: str
    question: str | None
    kind: ClaimKind | None
    cues: tuple[str, ...]
    dimension: str | None = None


@dataclass(frozen=True)
class NameRule:
    """Spellings of one person (``same``) or people to keep apart (``different``)."""

    same: bool
    names: tuple[str, ...]


@dataclass(frozen=True)
class ReferenceValue:
    """A value from a trusted source for a topic."""

    topic: str
    value: Any
    source: str | None


@dataclass(frozen=True)
class ClaimBook:
    """The parsed claim book."""

    path: str
    topics: tuple[Topic, ...] = ()
    names: tuple[NameRule, ...] = ()
    references: tuple[ReferenceValue, ...] = ()

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with that id, or None."""
        return next((t for t in self.topics if t.id == topic_id), None)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_claim_book(path: str | Path) -> ClaimBook:
    """Read and validate a claim book; raise :class:`ClaimBookError` when it is malformed."""
    path = Path(path)
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ClaimBookError(
            name, "claim book not found", "check the path or pass --no-claims"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimBookError(
            name,
            f"cannot be read ({exc.__class__.__name__})",
            "save it as UTF-8 text or pass --no-claims",
        ) from None
    return parse_claim_book(text, path=name)


def parse_claim_book(text: str, *, path: str = DEFAULT_NAME) -> ClaimBook:
    """Validate claim-book YAML text.

    >>> parse_claim_book("topics:\\n  - id: toll\\n    cues: [killed, dead]\\n").topics[0].cues
    ('killed', 'dead')
    """
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ClaimBookError(path, f"{where}{problem}", "fix the YAML syntax") from None
    if data is None:
        return ClaimBook(path=path)
    if not isinstance(data, dict):
        raise ClaimBookError(
            path,
            "line 1: the claim book must be a mapping with topics, names and references",
            "see the claims.yaml in the README",
        )
    unknown = [k for k in data if k not in (*SECTIONS, "__line__")]
    if unknown:
        raise ClaimBookError(
            path,
            f"line {data['__line__']}: unknown section {unknown[0]!r}",
            f"use only {', '.join(SECTIONS)}",
        )
    topics = tuple(_topic(path, t) for t in _list(path, data, "topics"))
    ids = [t.id for t in topics]
    duplicate = next((i for i in ids if ids.count(i) > 1), None)
    if duplicate:
        raise ClaimBookError(
            path, f"topic id {duplicate!r} is used twice", "give each topic its own id"
        )
    names = tuple(_name_rule(path, n) for n in _list(path, data, "names"))
    references = tuple(_reference(path, r, set(ids)) for r in _list(path, data, "references"))
    return ClaimBook(path=path, topics=topics, names=names, references=references)


def _list(path: str, data: dict, key: str) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ClaimBookError(
            path,
            f"line {data['__line__']}: {key!r} must be a list",
            f"write each entry of {key} on its own '- ' line",
        )
    for item in value:
        if not isinstance(item, dict):
            raise ClaimBookError(
                path,
                f"{key}: entry {item!r} must be a mapping",
                "see the claims.yaml in the README",
            )
    return value


def _where(path: str, entry: dict) -> str:
    return f"line {entry.get('__line__', '?')}"


def _topic(path: str, entry: dict) -> Topic:
    line = _where(path, entry)
    unknown = [k for k in entry if k not in (*TOPIC_KEYS, "__line__")]
    if unknown:
        raise ClaimBookError(
            path, f"{line}: unknown topic key {unknown[0]!r}", f"use only {', '.join(TOPIC_KEYS)}"
        )
    topic_id = entry.get("id")
    if not isinstance(topic_id, str) or not topic_id.strip():
        raise ClaimBookError(path, f"{line}: topic has no id", "add 'id: some-name'")
    kind = entry.get("kind")
    if kind is not None:
        try:
            kind = ClaimKind(kind)
        except ValueError:
            raise ClaimBookError(
                path,
                f"{line}: unknown kind {kind!r}",
                f"use one of {', '.join(k.value for k in ClaimKind)}",
            ) from None
    cues = entry.get("cues") or []
    if not isinstance(cues, list) or not all(isinstance(c, str) and c.strip() for c in cues):
        raise ClaimBookError(
            path,
            f"{line}: cues of topic {topic_id!r} must be a list of words",
            "write cues: [word, other word]",
        )
    question = entry.get("question")
    if question is not None and not isinstance(question, str):
        raise ClaimBookError(path, f"{line}: question must be text", "quote the question")
    dimension = entry.get("dimension")
    return Topic(
        id=topic_id,
        question=question,
        kind=kind,
        cues=tuple(c.strip().lower() for c in cues),
        dimension=dimension,
    )


def _name_rule(path: str, entry: dict) -> NameRule:
    line = _where(path, entry)
    keys = [k for k in entry if k != "__line__"]
    if keys not in (["same"], ["different"]):
        raise ClaimBookError(
            path,
            f"{line}: a names entry has exactly one key, same or different",
            "write '- same: [Name, Variant]'",
        )
    names = entry[keys[0]]
    if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) for n in names):
        raise ClaimBookError(
            path,
            f"{line}: {keys[0]} needs a list of at least two names",
            "write '- same: [Name, Variant]'",
        )
    return NameRule(same=keys[0] == "same", names=tuple(names))


def _reference(path: str, entry: dict, topics: set[str]) -> ReferenceValue:
    line = _where(path, entry)
    topic = entry.get("topic")
    if topic not in topics:
        raise ClaimBookError(
            path,
            f"{line}: reference names unknown topic {topic!r}",
            "define the topic under topics first",
        )
    if "value" not in entry:
        raise ClaimBookError(path, f"{line}: reference has no value", "add 'value: ...'")
    source = entry.get("source")
    return ReferenceValue(topic=topic, value=entry["value"], source=str(source) if source else None)


def find_claim_book(
    explicit: str | Path | None, *, disabled: bool = False, cwd: Path | None = None
) -> ClaimBook | None:
    """The claim book a run uses: ``--claims FILE``, else ``./claims.yaml`` when present."""
    if disabled:
        return None
    if explicit is not None:
        return load_claim_book(explicit)
    default = (cwd / DEFAULT_NAME) if cwd is not None else Path(DEFAULT_NAME)
    if default.is_file():
        return load_claim_book(default)
    return None
