"""A content-hash cache of extracted claims (and profiles), one file per article, and of
whole reports.

Keyed by factcheck's version and a digest of its extraction code, the spaCy
pipeline (name and installed version) and the article's id and text, so a
changed file, model, release or checkout is parsed again. A warm run never
imports spaCy. Entries are written atomically (temporary file, then rename), so
concurrent runs are safe; a corrupted entry is ignored and rebuilt. Reports
(:class:`ReportCache`) are keyed by all of their inputs and all of factcheck's code.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import metadata
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Article, Claim, Profile, Report, Skipped

if TYPE_CHECKING:
    from spacy.language import Language

CACHE_ENV = "FACTCHECK_CACHE_DIR"
"""Overrides the cache folder (default: the user cache folder, XDG_CACHE_HOME honoured)."""

MAGIC = b"factcheck-claims/1\n"


def cache_dir() -> Path:
    """Where cached claims live."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "factcheck"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck"))


EXTRACTION_MODULES = (
    "articles", "extract", "lexicon", "models", "nlp", "quantities", "spelling", "wordforms",
)
"""Modules and packages whose code decides the claims: a change to any of them is a new
cache."""


def _digest_of(names: tuple[str, ...]) -> str:
    """A digest of the code of these modules (``name.py``) and packages (every ``.py``
    file under ``name/``), by relative path and content."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in names:
        files = sorted((here / name).rglob("*.py")) if (here / name).is_dir() else []
        files = files or [here / f"{name}.py"]
        for path in files:
            digest.update(path.relative_to(here).as_posix().encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"missing")
    return digest.hexdigest()[:16]


@cache
def _version() -> str:
    """factcheck's version plus a digest of the extraction code itself, so that an
    edited or patched install never serves claims an older extractor made."""
    try:
        release = metadata.version("factcheck")
    except metadata.PackageNotFoundError:
        release = "0"
    return f"{release}+{_digest_of(EXTRACTION_MODULES)}"


@cache
def code_key() -> str:
    """A digest of the extraction code, so entries from other code (a changed
    checkout, another record layout) are never read back as claims."""
    return _digest_of(EXTRACTION_MODULES)


@cache
def model_key(name: str | None) -> str:
    """The pipeline a run will use, as name and installed version, without loading it."""
    from .nlp import DEFAULT_MODELS, model_name

    wanted = model_name(name)
    for candidate in (wanted,) if wanted else DEFAULT_MODELS:
        dist = candidate.replace("_", "-")
        try:
            return f"{candidate}=={metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            path = Path(candidate)
            if path.exists():
                stamp = max((p.stat().st_mtime_ns for p in path.rglob("*")), default=0)
                return f"{path.resolve()}@{stamp}"
    return f"{wanted or 'auto'}==?"


@dataclass
class ClaimCache:
    """Claims per article on disk."""

    root: Path
    model: str

    @classmethod
    def open(cls, model: str | None) -> ClaimCache:
        """The cache for the pipeline ``model`` names (None: the default)."""
        return cls(root=cache_dir(), model=model_key(model))

    def bind(self, nlp: Language) -> None:
        """Record the loaded pipeline's own version in the key (it may differ from the package)."""
        self.model = f"{self.model}|{nlp.meta.get('name')}-{nlp.meta.get('version')}"

    def _path(self, article: Article) -> Path:
        digest = hashlib.sha256(
            "\0".join(
                (
                    _version(),
                    code_key(),
                    self.model.split("|")[0],
                    article.id,
                    article.published or "",
                    article.text,
                )
            ).encode("utf-8", "surrogatepass")
        ).hexdigest()
        return self.root / digest[:2] / f"{digest}.pickle"

    def get(self, article: Article) -> tuple[list[Claim], Profile] | None:
        """Cached claims and profile of this exact article, or None."""
        entry = read_entry(self._path(article))
        if not (isinstance(entry, tuple) and len(entry) == 2):
            return None
        claims, profile = entry
        if not isinstance(claims, list) or not all(isinstance(c, Claim) for c in claims):
            return None
        return (claims, profile) if isinstance(profile, Profile) else None

    def put(self, article: Article, entry: tuple[list[Claim], Profile]) -> bool:
        """Store claims and profile; a cache that cannot be written is silently skipped.
        True when the entry was written."""
        return write_entry(self._path(article), entry)

    def digest(self, article: Article) -> bytes | None:
        """The digest of this article's entry when it is intact (not unpickled), or None."""
        body = _verified(self._path(article), MAGIC)
        return bytes(body[:32]) if body is not None else None


REPORTS_KEPT = 8
"""Reports kept in the cache (the most recently written); older ones are removed."""


@dataclass
class ReportCache:
    """Whole reports on disk. A report is keyed by all that decides it: the articles, the
    skipped files, the claim book, all of factcheck's code, and the digest of each
    article's claim entry, so it is served only while those entries are intact, and a
    second run on the same input does not even unpickle the claims."""

    root: Path
    claims: ClaimCache

    @classmethod
    def open(cls, model: str | None) -> ReportCache:
        """The report cache for the pipeline ``model`` names (None: the default)."""
        return cls(root=cache_dir() / "reports", claims=ClaimCache.open(model))

    def key(
        self, articles: Sequence[Article], skipped: Sequence[Skipped], book: object,
        *, split: bool = True,
    ) -> str | None:
        """The key of the report on these inputs (``split``: into stories, or compared as
        one), or None while a claim entry is missing."""
        digest = hashlib.sha256()
        for part in (REPORT_MAGIC.decode(), _version(), code_key(), _package_digest(),
                     _library_versions(), self.claims.model.split("|")[0]):
            digest.update(part.encode() + b"\0")
        for article in articles:
            entry = self.claims.digest(article)
            if entry is None:
                return None
            digest.update(entry)
        for item in (*articles, tuple(skipped), book, split):  # not one string of them all
            digest.update(repr(item).encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> Report | None:
        """The cached report, or None."""
        parts = read_parts(self.root / f"{key}.report", magic=REPORT_MAGIC)
        if not parts or not isinstance(parts[0], Report):
            return None
        if not all(isinstance(part, tuple) for part in parts[1:]):
            return None
        return replace(parts[0], groups=tuple(g for part in parts[1:] for g in part))

    def put(self, key: str, report: Report) -> None:
        """Store a report and drop the oldest beyond :data:`REPORTS_KEPT`."""
        groups = report.groups
        parts = chain(
            [replace(report, groups=())],
            (groups[i : i + REPORT_PART] for i in range(0, len(groups), REPORT_PART)),
        )
        write_parts(self.root / f"{key}.report", parts, magic=REPORT_MAGIC)
        try:
            kept = sorted(self.root.glob("*.report"), key=lambda p: p.stat().st_mtime_ns)
            for old in kept[:-REPORTS_KEPT]:
                old.unlink(missing_ok=True)
        except OSError:
            return


REPORT_MAGIC = b"factcheck-report/2\n"
REPORT_PART = 500
"""Groups pickled together: a report is written and read a part at a time, so that the
pickler's memory of what it has written stays small on a report of thousands of articles."""


@cache
def _package_digest() -> str:
    """A digest of all of factcheck's code: a report depends on the comparator too."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted(here.rglob("*.py")):
        try:
            digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    return digest.hexdigest()[:16]


@cache
def _library_versions() -> str:
    """Versions of the libraries whose results a report holds (fuzzy scores, units)."""
    found = []
    for name in ("rapidfuzz", "numpy", "pint"):
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}==?")
    return ",".join(found)


def read_entry(path: Path, *, magic: bytes = MAGIC) -> object | None:
    """The object stored at ``path`` (by :func:`write_entry` with the same ``magic``), or
    None when it is missing, torn or corrupted."""
    body = _verified(path, magic)
    if body is None:
        return None
    try:
        return pickle.loads(body[32:])
    except Exception:
        return None


def _verified(path: Path, magic: bytes) -> memoryview | None:
    """An entry's digest and payload after ``magic``, when the digest holds (no copy of a
    large entry), else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(magic):
        return None
    body = memoryview(data)[len(magic) :]
    if hashlib.sha256(body[32:]).digest() != body[:32]:
        return None  # torn or corrupted: build it again
    return body


def write_entry(path: Path, value: object, *, magic: bytes = MAGIC) -> bool:
    """Store atomically (temporary file, then rename); a cache that cannot be written
    is silently skipped. True when the entry was written."""
    return _write(path, magic, lambda out: pickle.dump(value, out, pickle.HIGHEST_PROTOCOL))


def write_parts(path: Path, parts: Iterable[object], *, magic: bytes) -> bool:
    """Store objects one after the other, each pickled alone (its bytes in memory, not the
    whole entry's), atomically as :func:`write_entry` does."""

    def body(out: _Hashing) -> None:
        for part in parts:
            data = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
            out.write(len(data).to_bytes(8, "little"))
            out.write(data)

    return _write(path, magic, body)


def _write(path: Path, magic: bytes, body: Callable[[_Hashing], None]) -> bool:
    """``magic``, the digest of the body, the body: written through a temporary file that
    replaces ``path`` once whole; the body goes straight to disk, hashed on the way."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(magic + bytes(32))  # the digest goes here once it is known
                digest = hashlib.sha256()
                body(_Hashing(handle, digest))
                handle.seek(len(magic))
                handle.write(digest.digest())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def read_parts(path: Path, *, magic: bytes) -> list[object] | None:
    """The objects :func:`write_parts` stored, or None when the entry is missing, torn or
    corrupted."""
    body = _verified(path, magic)
    if body is None:
        return None
    parts, at = [], 32
    try:
        while at < len(body):
            size = int.from_bytes(body[at : at + 8], "little")
            parts.append(pickle.loads(body[at + 8 : at + 8 + size]))
            at += 8 + size
    except Exception:
        return None
    return parts


class _Hashing:
    """A file that hashes what is written to it: a large entry is pickled straight to
    disk, never held whole in memory."""

    def __init__(self, handle, digest) -> None:
        self.handle, self.digest = handle, digest

    def write(self, data) -> int:
        self.digest.update(data)
        return self.handle.write(data)
