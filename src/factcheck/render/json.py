"""JSON renderers: the report contract read by the scorer, and the per-article check.

Output is byte-identical for the same input: keys appear in the fixed order
written below (not alphabetically), groups and claims keep the order of the
records, ``ensure_ascii=False``, indent 2, and a trailing newline.

Report keys, in order::

    schema, stories[id, title, articles, first, last],
    articles[id, path, outlet, title, author, published, url, story, (kind, source, text)],
    summary[articles, stories, groups, conflicts, agreements, single, skipped[path, reason]],
    groups[id, story, kind, status, relation, severity, about, topic, question, explanation,
           reference, majority, outliers, positions[value, label, articles, claims]]

    claim: id, article, kind, text, start, end, sentence, value,
           about[noun, action, qualifiers, role, compared], in_title, restates

An article read from a web page, a feed or a link also has ``kind`` (``html``,
``feed``, ``link``), ``source`` (the page, ``feed.jsonl:LINE``, the link) and ``text``:
the extracted text its claims' ``start:end`` index. A ``.txt``/``.md`` article has
none of the three: its claims index the file at ``path``.

A ``value`` is a plain number for an exact count, an object with ``amount``
for any other amount, the ISO string for a date, an object with ``type`` for
a court sentence, and the string itself for names.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import orjson

from factcheck.models import (
    Article,
    ArticleCheck,
    Claim,
    ClaimCheck,
    Group,
    Measure,
    Position,
    Report,
    Status,
    Story,
    Verdict,
)
from factcheck.render.values import value_to_json

REPORT_SCHEMA = "factcheck.report/1"
CHECK_SCHEMA = "factcheck.claim/1"
STORIES_SCHEMA = "factcheck.stories/1"


def _dumps(obj: Any) -> str:
    """Indented JSON text. orjson writes it some 25 times faster than the standard library
    (which indents in pure Python); a value orjson refuses (an integer beyond 64 bits) falls
    back to ``json``. No NaN reaches either: ``render.values.number`` writes it as null."""
    try:
        return orjson.dumps(obj, option=orjson.OPT_INDENT_2).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False)


def _dump(obj: Any) -> str:
    return _dumps(obj) + "\n"


def article_to_json(article: Article) -> dict[str, Any]:
    """An article's metadata; and, when its offsets do not index the file at ``path`` (a
    web page, a feed item, a link), what it was read from and the text they index."""
    data: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "story": article.story,
    }
    if not article.text_is_file:
        data["kind"] = article.kind.value
        data["source"] = article.source or article.path
        data["text"] = article.text
    return data


def story_to_json(story: Story) -> dict[str, Any]:
    """A story: its id, title, articles and the dates they were published between."""
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "first": story.first,
        "last": story.last,
    }


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """A claim with its exact provenance and normalized value."""
    subject = claim.subject
    return {
        "id": claim.id,
        "article": claim.article,
        "kind": claim.kind.value,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "sentence": claim.sentence,
        "value": value_to_json(claim.value),
        "about": {
            "noun": subject.noun,
            "action": subject.action,
            "qualifiers": list(subject.qualifiers),
            "role": subject.role,
            "compared": subject.compared,
        },
        "measure": _measure_to_json(subject.measure),
        "in_title": claim.in_title,
        "restates": claim.restates,
    }


def _measure_to_json(measure: Measure | None) -> dict[str, Any] | None:
    """What a figure measures, field by field (see :class:`factcheck.models.Measure`)."""
    if measure is None:
        return None
    return {
        "thing": measure.thing,
        "event": measure.event,
        "narrow": list(measure.narrow),
        "holder": measure.holder,
        "scope": list(measure.scope),
        "time": list(measure.time),
        "change": measure.change,
        "part": measure.part,
        "mode": measure.mode,
        "cause": list(measure.cause),
    }


def _position_to_json(position: Position) -> dict[str, Any]:
    first = position.claims[0].value if position.claims else None
    return {
        "value": value_to_json(first) if first is not None else None,
        "label": position.label,
        "articles": list(position.articles),
        "independent": position.independent,
        "claims": [claim_to_json(c) for c in position.claims],
    }


def group_to_json(group: Group) -> dict[str, Any]:
    """A group with its positions and their claims."""
    return {
        "id": group.id,
        "story": group.story,
        "kind": group.kind.value,
        "status": group.status.value,
        "relation": group.relation.value,
        "severity": group.severity.value if group.severity else None,
        "about": group.about,
        "topic": group.topic,
        "question": group.question,
        "explanation": group.explanation,
        "reference": group.reference,
        "majority": group.majority,
        "outliers": list(group.outliers),
        "positions": [_position_to_json(p) for p in group.positions],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, in the documented key order."""
    return {**_head(report), "groups": [group_to_json(g) for g in report.groups]}


def _head(report: Report) -> dict[str, Any]:
    """All of :func:`report_to_dict` before its groups."""
    return {
        "schema": REPORT_SCHEMA,
        "stories": [story_to_json(s) for s in report.stories],
        "articles": [article_to_json(a) for a in report.articles],
        "summary": {
            "articles": len(report.articles),
            "stories": len(report.stories),
            "groups": len(report.groups),
            "conflicts": len(report.by_status(Status.CONFLICT)),
            "agreements": len(report.by_status(Status.AGREEMENT)),
            "single": len(report.by_status(Status.SINGLE)),
            "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        },
    }


def to_json(report: Report) -> str:
    """The report as stable JSON text (``factcheck.report/1``), ending in a newline."""
    return "".join(json_chunks(report))


def json_chunks(report: Report) -> Iterator[str]:
    """:func:`to_json`'s text a group at a time, so that a report on thousands of articles
    is written without its whole text (or all its groups as JSON data) in memory."""
    head = _head(report)
    if not report.groups:
        yield _dump({**head, "groups": []})
        return
    text = _dump({**head, "groups": [0]})
    cut = text.rindex("[")  # the list holding the placeholder closes the object
    yield text[: cut + 1] + "\n"
    for k, group in enumerate(report.groups):
        item = _dumps(group_to_json(group))
        yield ("    " if k == 0 else ",\n    ") + item.replace("\n", "\n    ")
    yield "\n  ]\n}\n"


def stories_to_json(report: Report) -> str:
    """The stories of a report (``factcheck stories``) as stable JSON, ending in a newline."""
    return _dump(
        {
            "schema": STORIES_SCHEMA,
            "stories": [story_to_json(s) for s in report.stories],
            "articles": [article_to_json(a) for a in report.articles],
            "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        }
    )


def _other_to_json(claim: Claim) -> dict[str, Any]:
    return {
        "article": claim.article,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "value": value_to_json(claim.value),
    }


def _claim_check_to_json(check: ClaimCheck) -> dict[str, Any]:
    return {
        "claim": claim_to_json(check.claim),
        "verdict": check.verdict.value,
        "group": check.group_id,
        "supporting": [_other_to_json(c) for c in check.supporting],
        "contradicting": [_other_to_json(c) for c in check.contradicting],
    }


def check_to_dict(check: ArticleCheck) -> dict[str, Any]:
    """One article's check as plain JSON-ready data, in a fixed key order."""
    verdicts = [c.verdict for c in check.checks]
    return {
        "schema": CHECK_SCHEMA,
        "article": article_to_json(check.article),
        "against": [a.id for a in check.against],
        "summary": {
            "claims": len(check.checks),
            "corroborated": verdicts.count(Verdict.CORROBORATED),
            "contradicted": verdicts.count(Verdict.CONTRADICTED),
            "only_here": verdicts.count(Verdict.ONLY_HERE),
        },
        "claims": [_claim_check_to_json(c) for c in check.checks],
    }


def check_to_json(check: ArticleCheck) -> str:
    """An article's check as stable JSON text (``factcheck.claim/1``), ending in a newline."""
    return _dump(check_to_dict(check))
