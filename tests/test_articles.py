"""Tests for factcheck.articles: decoding, header styles, ids and bad input."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import articles
from factcheck.articles import (
    DEFAULT_MAX_BYTES,
    Loaded,
    load_articles,
    parse_article,
    read_article,
)
from factcheck.errors import InputError
from factcheck.models import Article

SAMPLES = Path(__file__).parents[1] / "data" / "articles"
DEVSET = Path(__file__).parents[2] / "shared" / "devset"
FUNCTION_SCOPED = HealthCheck.function_scoped_fixture
ARTICLE = "# Nine jailed\n\nAuthor: **A. Writer**\n\nThe court jailed nine people.\n"


def spans_ok(article: Article) -> None:
    """Assert the invariants every article keeps, whatever its text."""
    text = article.text
    assert 0 <= article.body.start <= article.body.end <= len(text)
    if article.title_span is None:
        assert article.title is None
    else:
        assert 0 <= article.title_span.start < article.title_span.end <= len(text)
        assert text[article.title_span.start : article.title_span.end] == article.title


def write(folder: Path, name: str, data: str | bytes = ARTICLE) -> Path:
    """Write one file (text as UTF-8, line ends untouched) and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- header styles -------------------------------------------------------------------------

SAMPLE_HEADERS = {
    "reuters": dict(
        title="In joint case with U.S., China jails nine fentanyl smugglers",
        outlet="Reuters",
        author="Huizhong Wu",
        published="2019-11-07T13:29:21+00:00",
        url="https://www.reuters.com/article/us-usa-china-fentanyl-idUSKBN1XH0BI",
        body="XINGTAI, China (Reuters) - A Chinese court",
    ),
    "breitbart": dict(
        title="China Sentences Fentanyl Smuggler to Death",
        outlet="Breitbart",
        author="Ben Kew",
        published="2019-11-07T20:07:52+00:00",
        url="https://www.breitbart.com/national-security/2019/11/07/china-sentences-fentanyl-smuggler-death/",
        body="Xingtai intermediate court",
    ),
    "aljazeera": dict(
        title="China sentences fentanyl smuggler in joint US investigation",
        outlet="Aljazeera",
        author=None,
        published="2019-11-07T08:48:42+00:00",
        url="https://www.aljazeera.com/news/2019/11/china-sentences-fentanyl-smuggler-joint-probe-191107082541805.html",
        body="China on Thursday jailed nine people",
    ),
    "globaltimes": dict(
        title="China-US jointly fight drugs",
        outlet="Global Times",
        author="Zhao Yusha",
        published="2018-08-29T23:58:40",
        url=None,
        body="Lenient rules lead to huge US demand",
    ),
    "unattributed": dict(
        title="China touts fentanyl convictions, tackling key trade talks issue",
        outlet=None,
        author=None,
        published=None,
        url=None,
        body="Police stand guard outside",
    ),
}


@pytest.mark.parametrize("stem", SAMPLE_HEADERS)
def test_sample_header_styles(stem: str) -> None:
    """Markdown, byline and bare headers of the sample articles give the right metadata."""
    expected = SAMPLE_HEADERS[stem]
    article, warning = read_article(SAMPLES / f"{stem}.txt")
    assert warning is None
    assert article.id == stem
    assert article.text == (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    for field in ("title", "outlet", "author", "published", "url"):
        assert getattr(article, field) == expected[field], field
    assert article.text[article.body.start :].startswith(expected["body"])
    assert article.body.end == len(article.text.rstrip())
    spans_ok(article)


def test_devset_markdown_file() -> None:
    """A devset file with two authors and a date-only timestamp reads its whole header."""
    path = DEVSET / "hong-kong-extradition-march-2019" / "05_thetimes.md"
    assert path.exists(), "../shared/devset must stand beside the checkout (CI has it)"
    article, _ = read_article(path)
    assert article.id == "05_thetimes"
    assert article.title == "Huge Hong Kong crowd fights China clampdown"
    assert article.outlet == "The Times"
    assert article.author == "Raphael Blet, Richard Lloyd Parry"
    assert article.published == "2019-06-10"
    assert article.url is not None and article.url.startswith("https://www.thetimes.co.uk/")
    assert article.text[article.body.start :].startswith("Organisers of the protest")
    spans_ok(article)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Author: **Jo Ro**\n# Title here\nOriginal: [Outlet](http://x.org/a)\n\nBody.",
            dict(title="Title here", author="Jo Ro", outlet="Outlet", url="http://x.org/a"),
            id="markdown-any-order",
        ),
        pytest.param(
            "# T\n\nPublished at: ****\n\nAuthor: ****\n\nOriginal: [](http://x.org)\n\nBody.",
            dict(title="T", published=None, author=None, outlet=None, url="http://x.org"),
            id="markdown-empty-fields",
        ),
        pytest.param(
            "# T\n\nAuthor: **[Jo Ro](http://x.org/jo), www.x.org/jo**\n\nBody.",
            dict(author="Jo Ro"),
            id="author-link-and-url-dropped",
        ),
        pytest.param(
            "Headline\n\nBy Jo Ro Source:Daily Paper Published: 2018/8/29 23:58:40\n\nBody.",
            dict(
                title="Headline",
                author="Jo Ro",
                outlet="Daily Paper",
                published="2018-08-29T23:58:40",
            ),
            id="byline",
        ),
        pytest.param(
            "Headline\n\nBy the end of the day, nine people were jailed.\n",
            dict(title="Headline", author=None, outlet=None, published=None),
            id="by-sentence-is-body",
        ),
        pytest.param(
            "Headline\nSource: police said nine were jailed.\n",
            dict(title="Headline", outlet=None),
            id="plain-source-line-is-body",
        ),
        pytest.param(
            "# T\nPublished at: **June 8, 2019**\nBody.",
            dict(published="2019-06-08"),
            id="date-normalised",
        ),
        pytest.param(
            "# T\nPublished at: **June 2019**\nBody.", dict(published="2019-06"), id="month-only"
        ),
        pytest.param(
            "# T\nPublished at: **Thursday**\nBody.", dict(published=None), id="no-year-no-date"
        ),
        pytest.param(
            "# T\nPublished at: **2019-06-08 10:00**\nBody.",
            dict(published="2019-06-08 10:00"),
            id="iso-kept-as-given",
        ),
        pytest.param(
            "# T\nPublished at: **yesterday**\nBody.", dict(published=None), id="unreadable-date"
        ),
        pytest.param(
            "# T\nPublished at: **2018/8/29 23:58:40 EST**\nBody.",
            dict(published="2018-08-29T23:58:40"),
            id="unknown-zone-dropped",
        ),
        pytest.param(
            "# T\nPublished at: **7 Nov 2019 08:48 +0800**\nBody.",
            dict(published="2019-11-07T08:48:00+08:00"),
            id="offset-kept",
        ),
        pytest.param("Only a title\n", dict(title="Only a title"), id="title-only"),
    ],
)
def test_header_variants(text: str, expected: dict[str, str | None]) -> None:
    """Header lines are read in any order; what a file does not state stays None."""
    article = parse_article(text, article_id="a", path="a.md")
    for field, value in expected.items():
        assert getattr(article, field) == value, field
    spans_ok(article)


def test_body_follows_header() -> None:
    """The body span starts at the first line after the header and ends at the last text."""
    article = parse_article(ARTICLE + "\n\n", article_id="a", path="a.md")
    assert article.text[article.body.start : article.body.end] == "The court jailed nine people."


# --- encodings and odd characters ------------------------------------------------------------

ENCODED = "# Café “crisis”\r\n\r\nAuthor: **Zoë Ng**\r\n\r\nNine were jailed.\r\n"


@pytest.mark.parametrize(
    ("data", "encoding", "warned", "title"),
    [
        pytest.param(ENCODED.encode("utf-8"), "utf-8", None, "Café “crisis”", id="utf-8"),
        pytest.param(
            codecs.BOM_UTF8 + ENCODED.encode("utf-8"), "utf-8", None, "Café “crisis”",
            id="utf-8-bom",
        ),
        pytest.param(ENCODED.encode("utf-16"), "utf-16", None, "Café “crisis”", id="utf-16"),
        pytest.param(
            codecs.BOM_UTF16_BE + ENCODED.encode("utf-16-be"), "utf-16", None, "Café “crisis”",
            id="utf-16-be",
        ),
        pytest.param(ENCODED.encode("utf-32"), "utf-32", None, "Café “crisis”", id="utf-32"),
        pytest.param(
            ENCODED.encode("cp1252"), "cp1252", "Windows-1252", "Café “crisis”", id="windows-1252"
        ),
        pytest.param(  # 0x81 is undefined in Windows-1252
            b"# Caf\xe9 \x81\n\nBody.\n", "latin-1", "Latin-1", "Café \x81", id="latin-1"
        ),
        pytest.param(b"# Cr\rAuthor: **X**\rBody.\r", "utf-8", None, "Cr", id="cr-line-ends"),
        pytest.param(
            "\u200b#\xa0Zero\u200bwidth\xa0\u200b\nAuthor:\xa0**X**\n\nBody.".encode(),
            "utf-8", None, "Zero\u200bwidth", id="nbsp-and-zero-width",
        ),
    ],
)  # fmt: skip
def test_encodings(
    tmp_path: Path, data: bytes, encoding: str, warned: str | None, title: str
) -> None:
    """Every supported encoding decodes, keeps the text unchanged and indexes the title."""
    path = write(tmp_path, "art.txt", data)
    article, warning = read_article(path)
    assert article.encoding == encoding
    assert article.text == data.decode(encoding)
    assert article.title == title
    assert article.text[article.title_span.start : article.title_span.end] == article.title
    if "Author" in article.text:
        assert article.author in ("X", "Zoë Ng")
    if warned:
        assert warning == (
            f"{path}: decoded as {warned} (not UTF-8); re-save it as UTF-8 to silence this"
        )
    else:
        assert warning is None
    spans_ok(article)


def test_utf8_bom_offsets_match_read_text(tmp_path: Path) -> None:
    """A UTF-8 mark stays as U+FEFF, so offsets agree with Path.read_text(encoding="utf-8")."""
    path = write(tmp_path, "bom.md", codecs.BOM_UTF8 + ARTICLE.encode())
    article, _ = read_article(path)
    assert article.text[0] == "\ufeff"
    assert article.text == path.read_text(encoding="utf-8")
    assert article.title == "Nine jailed"


def test_crlf_kept(tmp_path: Path) -> None:
    """CRLF line ends stay in the text and out of the title and body spans."""
    article, _ = read_article(write(tmp_path, "a.txt", ARTICLE.replace("\n", "\r\n")))
    assert "\r\n" in article.text
    assert article.title == "Nine jailed"
    assert article.text[article.body.start : article.body.end] == "The court jailed nine people."


# --- folders, ids, paths -------------------------------------------------------------------


def test_folder_reads_articles_sorted(tmp_path: Path) -> None:
    """A folder gives its .txt and .md files by name; hidden, other suffixes and subfolders not."""
    for name in ("b.txt", "a.md", "C.TXT", ".hidden.txt", "notes.csv", "image.png"):
        write(tmp_path, name)
    (tmp_path / "sub.txt").mkdir()
    write(tmp_path / "nested", "deep.txt")
    loaded = load_articles(tmp_path)
    assert isinstance(loaded, Loaded)
    assert [a.id for a in loaded.articles] == ["C", "a", "b"]
    assert loaded.skipped == () and loaded.warnings == ()


def test_named_file_with_any_suffix(tmp_path: Path) -> None:
    """A file named directly is read whatever its suffix."""
    loaded = load_articles(write(tmp_path, "story.html"))
    assert [a.id for a in loaded.articles] == ["story"]


def test_duplicate_stems_get_unique_ids(tmp_path: Path) -> None:
    """Repeated stems get -2, -3 in load order, avoiding stems that already end so."""
    paths = [
        write(tmp_path / "one", "x.md"),
        write(tmp_path / "one", "x.txt"),
        write(tmp_path / "two", "x.txt"),
        write(tmp_path / "two", "x-2.txt"),
    ]
    loaded = load_articles([tmp_path / "one", paths[2], paths[3]])
    assert [a.id for a in loaded.articles] == ["x", "x-2", "x-3", "x-2-2"]


def test_paths_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Article.path is the path given joined with the file name, relative stays relative."""
    write(tmp_path / "articles", "a.txt")
    monkeypatch.chdir(tmp_path)
    loaded = load_articles(["articles", Path("articles/a.txt")])
    assert [a.path for a in loaded.articles] == [os.path.join("articles", "a.txt")]
    assert loaded.warnings == ("articles/a.txt: given more than once; it is read once",)


def test_single_path_forms(tmp_path: Path) -> None:
    """A str, a Path and a list of either are all accepted."""
    path = write(tmp_path, "a.txt")
    for paths in (str(path), path, [path], (str(path),)):
        assert [a.id for a in load_articles(paths).articles] == ["a"]


# --- bad input -----------------------------------------------------------------------------

BAD_FILES = [
    pytest.param(b"", "file is empty", "give a file with article text", id="zero-bytes"),
    pytest.param(b" \r\n\t\xc2\xa0\n", "file is empty", "give a file", id="only-whitespace"),
    pytest.param(codecs.BOM_UTF8, "file is empty", "give a file", id="only-bom"),
    pytest.param(codecs.BOM_UTF16_LE, "file is empty", "give a file", id="only-utf16-bom"),
    pytest.param(b"\x89PNG\r\n\x1a\n\0\0", "file is a PNG image, not text", "plain text", id="png"),
    pytest.param(b"\xff\xd8\xff\xe0JFIF", "file is a JPEG image, not text", "plain", id="jpeg"),
    pytest.param(b"GIF89a\x01\x00", "file is a GIF image, not text", "plain", id="gif"),
    pytest.param(b"%PDF-1.7\n", "file is a PDF document, not text", "plain", id="pdf"),
    pytest.param(b"PK\x03\x04\x14\x00", "file is a ZIP archive", "plain", id="zip"),
    pytest.param(b"text\0more", "file looks binary (it holds NUL bytes)", "UTF-8", id="nul"),
    pytest.param(
        codecs.BOM_UTF16_LE + b"a\0b", "file is marked as UTF-16 but is not valid UTF-16",
        "re-save it as UTF-8", id="bad-utf16",
    ),
    pytest.param(
        codecs.BOM_UTF8 + b"caf\xe9", "file is marked as UTF-8 but is not valid UTF-8",
        "re-save it as UTF-8", id="bad-utf8-with-bom",
    ),
]  # fmt: skip


def assert_shape(error: InputError, path: str | Path, problem: str, fix: str) -> None:
    """Assert the message reads ``<path>: <what is wrong>; <what to do>``."""
    assert error.path == str(path)
    assert error.message == f"{path}: {error.problem}; {error.fix}"
    assert error.problem.startswith(problem), error.problem
    assert fix in (error.fix or ""), error.fix


@pytest.mark.parametrize(("data", "problem", "fix"), BAD_FILES)
def test_bad_file(tmp_path: Path, data: bytes, problem: str, fix: str) -> None:
    """Each unreadable file raises InputError with a path, a problem and a fix."""
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert_shape(caught.value, path, problem, fix)
    with pytest.raises(InputError) as caught:
        load_articles(path)
    assert_shape(caught.value, path, problem, fix)


def test_missing_path(tmp_path: Path) -> None:
    """A path that does not exist says so."""
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError) as caught:
        load_articles(path)
    assert_shape(caught.value, path, "no such file or folder", "check the path")


def test_folder_without_articles(tmp_path: Path) -> None:
    """A folder with no article files (.txt, .md, .html, .htm, .jsonl) is an error naming it."""
    write(tmp_path, "notes.csv")
    write(tmp_path, ".hidden.md")
    with pytest.raises(InputError) as caught:
        load_articles(tmp_path)
    assert_shape(caught.value, tmp_path, "folder has no articles (.txt, .md", "add article")


def test_read_article_on_folder(tmp_path: Path) -> None:
    """read_article refuses a folder with an InputError."""
    with pytest.raises(InputError) as caught:
        read_article(tmp_path)
    assert_shape(caught.value, tmp_path, "is a folder, not a file", "give an article file")


def test_symlinks(tmp_path: Path) -> None:
    """Link loops and broken links are InputErrors, not OSErrors."""
    loop_a, loop_b, broken = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    broken.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError) as caught:
        read_article(loop_a)
    assert_shape(caught.value, loop_a, "symbolic link loop", "fix the link")
    with pytest.raises(InputError) as caught:
        read_article(broken)
    assert_shape(caught.value, broken, "broken symbolic link", "fix the link")
    with pytest.raises(InputError) as caught:
        load_articles(tmp_path)
    assert caught.value.path == str(tmp_path)
    assert "a.txt: symbolic link loop" in caught.value.problem


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreadable file is an InputError (simulated: tests may run as root)."""

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = write(tmp_path, "secret.txt")
    monkeypatch.setattr(articles.files, "open", denied, raising=False)
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert_shape(caught.value, path, "permission denied", "chmod +r")


def test_file_over_limit(tmp_path: Path) -> None:
    """A file over max_bytes names its size and the limit, and how to raise it."""
    path = write(tmp_path, "big.txt", b"a" * 6_200_000)
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert caught.value.message == (
        f"{path}: file is 6.2 MB, over the 5.0 MB limit; pass --max-bytes to raise it"
    )
    assert read_article(path, max_bytes=7_000_000)[0].title == "a" * 6_200_000
    just_over = write(tmp_path, "edge.txt", b"a" * (DEFAULT_MAX_BYTES + 1))
    with pytest.raises(InputError, match="5,000,001 bytes, over the 5,000,000-byte limit"):
        read_article(just_over)


def test_no_paths() -> None:
    """An empty list of paths is an InputError."""
    with pytest.raises(InputError, match="no article paths given"):
        load_articles([])


# --- skipping vs strict --------------------------------------------------------------------


def test_bad_files_are_skipped(tmp_path: Path) -> None:
    """With several files a bad one is skipped with its reason and the rest load."""
    write(tmp_path, "a.txt")
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.md", b"%PDF-1.4")
    missing = tmp_path / "missing.txt"
    loaded = load_articles([tmp_path, missing])
    assert [a.id for a in loaded.articles] == ["a"]
    assert [(s.path, s.reason) for s in loaded.skipped] == [
        (str(tmp_path / "b.txt"), "file is empty; give a file with article text"),
        (str(tmp_path / "c.md"), "file is a PDF document, not text; "
                                 "save the article as plain text (.txt or .md)"),
        (str(missing), "no such file or folder; check the path"),
    ]  # fmt: skip


def test_strict_raises_on_first_bad_file(tmp_path: Path) -> None:
    """strict=True raises the first bad file's error instead of skipping it."""
    write(tmp_path, "a.txt")
    bad = write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.txt", b"\0")
    with pytest.raises(InputError) as caught:
        load_articles(tmp_path, strict=True)
    assert_shape(caught.value, bad, "file is empty", "give a file")


def test_nothing_loads(tmp_path: Path) -> None:
    """When no article loads the error names the path given and every reason."""
    write(tmp_path, "a.txt", b"")
    write(tmp_path, "b.txt", b"\0")
    with pytest.raises(InputError) as caught:
        load_articles(tmp_path)
    error = caught.value
    assert error.path == str(tmp_path)
    assert error.problem == (
        f"no article could be read ({tmp_path / 'a.txt'}: file is empty; "
        f"{tmp_path / 'b.txt'}: file looks binary (it holds NUL bytes))"
    )
    assert error.message.startswith(f"{tmp_path}: no article could be read")


# --- robustness ----------------------------------------------------------------------------


# One file, rewritten for each example: the function-scoped tmp_path is safe to share.
@settings(max_examples=300, deadline=None, suppress_health_check=[FUNCTION_SCOPED])
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"])))
def test_any_text_reads_or_raises_input_error(tmp_path: Path, text: str) -> None:
    """Arbitrary text either loads with valid spans and unchanged text, or is an InputError."""
    path = tmp_path / "any.txt"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        article, warning = read_article(path)
    except InputError:
        return
    assert warning is None
    assert article.text == text
    spans_ok(article)


@settings(max_examples=200, deadline=None, suppress_health_check=[FUNCTION_SCOPED])
@given(data=st.binary(max_size=300))
def test_any_bytes_read_or_raise_input_error(tmp_path: Path, data: bytes) -> None:
    """Arbitrary bytes either load with valid spans or raise InputError."""
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    try:
        article, _ = read_article(path)
    except InputError:
        return
    spans_ok(article)


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(
        st.sampled_from([
            "# Title", "Published at: **2019-06-08**", "Author: ****", "Published at: **x**",
            "Original: [O](http://o.org)", "By A Source:B Published: 2018/8/29", "", " \xa0",
            "\u200b", "Body line.", "#", "# ", "Source: [](x)", "Author: **, **",
        ]),
        max_size=8,
    ),
    ends=st.sampled_from(["\n", "\r\n", "\r"]),
)  # fmt: skip
def test_header_shaped_text_keeps_spans(lines: list[str], ends: str) -> None:
    """Text made of header-like lines in any order always yields valid spans."""
    article = parse_article(ends.join(lines), article_id="a", path="a.md")
    spans_ok(article)
