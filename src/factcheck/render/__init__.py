"""Pure renderers: a :class:`~factcheck.models.Report` or an
:class:`~factcheck.models.ArticleCheck` in, a string or a rich renderable out
(terminal tables, Markdown, JSON and a self-contained HTML page)."""

from factcheck.render.html import check_to_html, to_html
from factcheck.render.json import (
    CHECK_SCHEMA,
    REPORT_SCHEMA,
    STORIES_SCHEMA,
    check_to_json,
    json_chunks,
    stories_to_json,
    to_json,
)
from factcheck.render.markdown import check_to_markdown, escape_md, stories_to_markdown, to_markdown
from factcheck.render.table import check_to_table, stories_to_table, to_table
from factcheck.render.values import clean_terminal, value_label, value_to_json

__all__ = [
    "CHECK_SCHEMA",
    "REPORT_SCHEMA",
    "STORIES_SCHEMA",
    "check_to_html",
    "check_to_json",
    "check_to_markdown",
    "check_to_table",
    "clean_terminal",
    "escape_md",
    "json_chunks",
    "stories_to_json",
    "stories_to_markdown",
    "stories_to_table",
    "to_html",
    "to_json",
    "to_markdown",
    "to_table",
    "value_label",
    "value_to_json",
]
