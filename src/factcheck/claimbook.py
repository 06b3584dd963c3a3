"""The claim book, ``claims.yaml``: what a user tells factcheck about their story.

Three optional sections::

    topics:            # named questions that steer and name groups
      - id: people-sentenced
        question: How many people were sentenced?
        kind: count            # count | quantity | ratio | date | person | alias | sentence
        cues: [sentenced, jailed, imprisoned]
    names:             # known spellings of one person, or people who must stay apart
      - same: [Anna Kowalska, Anna Kowalski]
      - different: [Arjun Mehta, Karan Mehta]
    references:        # values from a source you trust, checked against every outlet
      - topic: people-sentenced
        value: 9
        source: Court statement, 7 November 2019

Every error names the file, the line and column, what is wrong and how to fix it.
The YAML is read safely: tags that would build Python objects are refused.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import ClaimBookError
from .models import ClaimKind

DEFAULT_NAME = "claims.yaml"
SECTIONS = ("topics", "names", "references")
TOPIC_KEYS = ("id", "question", "kind", "cues", "dimension")
REFERENCE_KEYS = ("topic", "value", "source")
MAX_BYTES = 1_000_000
"""Largest claim book read; a real one is a few kilobytes."""


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


Position = tuple[int, int]
"""Line and column in the claim book, both counted from 1."""


@dataclass
class _Where:
    """Where a mapping, its keys, its values and the items of its list values are."""

    start: Position
    keys: dict[Any, Position] = field(default_factory=dict)
    values: dict[Any, Position] = field(default_factory=dict)
    items: dict[Any, list[Position]] = field(default_factory=dict)


class _MarksKey:
    """The key under which a mapping keeps its ``_Where``: no YAML text can spell it."""

    def __repr__(self) -> str:
        return "<marks>"


_MARKS = _MarksKey()
_SCALARS = (str, int, float, date)


def _pos(mark: yaml.Mark) -> Position:
    return mark.line + 1, mark.column + 1


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers where every mapping, key and value is."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    seen: set[str] = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
                )
            seen.add(key_node.value)
    mapping = loader.construct_mapping(node, deep=True)
    where = _Where(_pos(node.start_mark))
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        where.keys.setdefault(key, _pos(key_node.start_mark))
        where.values.setdefault(key, _pos(value_node.start_mark))
        if isinstance(value_node, yaml.SequenceNode):
            where.items.setdefault(key, [_pos(item.start_mark) for item in value_node.value])
    mapping[_MARKS] = where
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_claim_book(path: str | Path) -> ClaimBook:
    """Read and validate a claim book; raise :class:`ClaimBookError` when it is malformed."""
    path = Path(path)
    name = str(path)
    fix = "save it as UTF-8 text or pass --no-claims"
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ClaimBookError(
            name, "claim book not found", "check the path or pass --no-claims"
        ) from None
    except IsADirectoryError:
        raise ClaimBookError(name, "is a folder, not a claim book", "name the YAML file") from None
    except OSError as exc:
        raise ClaimBookError(name, f"cannot be read ({exc.strerror or exc})", fix) from None
    if len(data) > MAX_BYTES:
        raise ClaimBookError(name, f"claim book is over {MAX_BYTES:,} bytes", "shorten it")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
        raise ClaimBookError(name, f"not UTF-8 (bad byte at offset {at})", fix) from None
    return parse_claim_book(text, path=name)


def _fail(path: str, at: Position, problem: str, fix: str) -> ClaimBookError:
    return ClaimBookError(path, f"line {at[0]}, column {at[1]}: {problem}", fix)


def _yaml_error(path: str, text: str, exc: yaml.YAMLError) -> ClaimBookError:
    """A syntax error with its line and column, in words a user can act on."""
    fix = "fix the YAML syntax"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return _fail(path, (line, column), f"character {exc.character!r} is not allowed", fix)
    problem = getattr(exc, "problem", None) or "not valid YAML"
    if "'\\t'" in problem:
        problem, fix = "a tab character where YAML expects spaces", "indent with spaces"
    if mark is None:
        return ClaimBookError(path, problem, fix)
    return _fail(path, _pos(mark), problem, fix)


def parse_claim_book(text: str, *, path: str = DEFAULT_NAME) -> ClaimBook:
    """Validate claim-book YAML text; every error names the line and column.

    >>> parse_claim_book("topics:\\n  - id: toll\\n    cues: [killed, dead]\\n").topics[0].cues
    ('killed', 'dead')
    >>> parse_claim_book("topics:\\n  - id: toll\\n    kind: colour\\n")
    Traceback (most recent call last):
    ...
    factcheck.errors.ClaimBookError: claims.yaml: line 3, column 11: unknown kind 'colour'; ...
    """
    loader = _LineLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        raise _yaml_error(path, text, exc) from None
    except RecursionError:
        raise ClaimBookError(path, "nested too deeply", "fix the YAML structure") from None
    finally:
        loader.dispose()
    if data is None:
        return ClaimBook(path=path)
    if not isinstance(data, dict):
        raise _fail(
            path,
            _pos(root.start_mark),
            "the claim book must be a mapping with topics, names and references",
            "see the claims.yaml in the README",
        )
    where = data[_MARKS]
    unknown = [k for k in _keys(data) if k not in SECTIONS]
    if unknown:
        raise _fail(
            path,
            where.keys[unknown[0]],
            f"unknown section {_short(unknown[0])}",
            f"use only {', '.join(SECTIONS)}",
        )
    entries = _entries(path, data, "topics")
    topics = tuple(_topic(path, t) for t in entries)
    ids: set[str] = set()
    for entry, topic in zip(entries, topics, strict=True):
        if topic.id in ids:
            raise _fail(
                path,
                entry[_MARKS].values["id"],
                f"topic id {topic.id!r} is used twice",
                "give each topic its own id",
            )
        ids.add(topic.id)
    names = tuple(_name_rule(path, n) for n in _entries(path, data, "names"))
    references = tuple(_reference(path, r, ids) for r in _entries(path, data, "references"))
    return ClaimBook(path=path, topics=topics, names=names, references=references)


def _keys(mapping: dict) -> list:
    return [k for k in mapping if k is not _MARKS]


def _short(value: Any) -> str:
    """``repr`` of a value from the file, cut short and without its marks."""
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k is not _MARKS}
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _entries(path: str, data: dict, key: str) -> list[dict]:
    value = data.get(key)
    if value is None:
        return []
    where = data[_MARKS]
    if not isinstance(value, list):
        raise _fail(
            path,
            where.values[key],
            f"{key!r} must be a list",
            f"write each entry of {key} on its own '- ' line",
        )
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise _fail(
                path,
                where.items[key][index],
                f"{key}: entry {_short(item)} must be a mapping",
                "see the claims.yaml in the README",
            )
    return value


def _unknown_key(path: str, entry: dict, allowed: tuple[str, ...], what: str) -> None:
    unknown = [k for k in _keys(entry) if k not in allowed]
    if unknown:
        raise _fail(
            path,
            entry[_MARKS].keys[unknown[0]],
            f"unknown {what} key {_short(unknown[0])}",
            f"use only {', '.join(allowed)}",
        )


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _topic(path: str, entry: dict) -> Topic:
    where = entry[_MARKS]
    _unknown_key(path, entry, TOPIC_KEYS, "topic")
    topic_id = entry.get("id")
    if topic_id is None:
        raise _fail(path, where.start, "topic has no id", "add 'id: some-name'")
    if not _text(topic_id):
        raise _fail(path, where.values["id"], "topic id must be text", "write 'id: some-name'")
    kind = entry.get("kind")
    if kind is not None:
        try:
            kind = ClaimKind(kind)
        except ValueError:
            raise _fail(
                path,
                where.values["kind"],
                f"unknown kind {_short(kind)}",
                f"use one of {', '.join(k.value for k in ClaimKind)}",
            ) from None
    cues = entry.get("cues") or []
    if not isinstance(cues, list) or not all(_text(c) for c in cues):
        raise _fail(
            path,
            where.values["cues"],
            f"cues of topic {topic_id!r} must be a list of words",
            "write cues: [word, other word]",
        )
    question = entry.get("question")
    if question is not None and not isinstance(question, str):
        raise _fail(path, where.values["question"], "question must be text", "quote the question")
    dimension = entry.get("dimension")
    if dimension is not None and not _text(dimension):
        raise _fail(
            path, where.values["dimension"], "dimension must be a word", "write dimension: mass"
        )
    return Topic(
        id=topic_id,
        question=question,
        kind=kind,
        cues=tuple(c.strip().lower() for c in cues),
        dimension=dimension,
    )


def _name_rule(path: str, entry: dict) -> NameRule:
    where = entry[_MARKS]
    keys = _keys(entry)
    if keys not in (["same"], ["different"]):
        raise _fail(
            path,
            where.start,
            "a names entry has exactly one key, same or different",
            "write '- same: [Name, Variant]'",
        )
    names = entry[keys[0]]
    if not isinstance(names, list) or len(names) < 2 or not all(_text(n) for n in names):
        raise _fail(
            path,
            where.values[keys[0]],
            f"{keys[0]} needs a list of at least two names",
            "write '- same: [Name, Variant]'",
        )
    return NameRule(same=keys[0] == "same", names=tuple(names))


def _reference(path: str, entry: dict, topics: set[str]) -> ReferenceValue:
    where = entry[_MARKS]
    _unknown_key(path, entry, REFERENCE_KEYS, "reference")
    if "topic" not in entry:
        raise _fail(path, where.start, "reference has no topic", "add 'topic: <topic id>'")
    topic = entry["topic"]
    if topic not in topics:
        raise _fail(
            path,
            where.values["topic"],
            f"reference names unknown topic {_short(topic)}",
            "define the topic under topics first",
        )
    value = entry.get("value")
    if value is None:
        raise _fail(path, where.start, "reference has no value", "add 'value: ...'")
    if isinstance(value, bool) or not isinstance(value, _SCALARS):
        raise _fail(
            path,
            where.values["value"],
            "reference value must be a number, date or text",
            "write value: 12, value: 2021-03-04 or value: '12.5 kg'",
        )
    source = entry.get("source")
    if source is not None and not isinstance(source, _SCALARS):
        raise _fail(path, where.values["source"], "source must be text", "quote the source")
    return ReferenceValue(topic=topic, value=value, source=str(source) if source else None)


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
