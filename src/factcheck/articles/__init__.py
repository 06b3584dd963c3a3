"""Read articles into ``Article`` records: the only package that reads files or the network.

One reader per input kind:

* :mod:`.text`: ``.txt`` and ``.md`` files (and any file named that is no other
  kind): the header styles; ``Article.text`` is the decoded file, so offsets index
  the file itself.
* :mod:`.html`: saved web pages (``.html``, ``.htm``), through trafilatura.
* :mod:`.feed`: ``.jsonl`` feeds (one article a line) and ``.json`` arrays.
* :mod:`.links`: http(s) links, fetched within limits and kept in a cache.

:mod:`.files` holds what every file reader shares (limits, decoding, errors) and
:mod:`.load` turns what the user named into articles (folders, ids, skipped inputs).
For a page, a feed item or a link, ``Article.text`` is text factcheck extracted
(``Article.text_is_file`` is False): offsets index it, and the JSON report carries it.
"""

from __future__ import annotations

from .files import DEFAULT_MAX_BYTES, MAX_CHARS, SNIFF_BYTES
from .links import FETCH_TIMEOUT, FetchOptions, is_link, read_link_list
from .load import ARTICLE_SUFFIXES, Loaded, load_articles, read_article
from .text import iso_date, parse_article

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "FETCH_TIMEOUT",
    "MAX_CHARS",
    "SNIFF_BYTES",
    "FetchOptions",
    "Loaded",
    "is_link",
    "iso_date",
    "load_articles",
    "parse_article",
    "read_article",
    "read_link_list",
]
