"""Splitting a mixed set of articles into stories: the devset clusters and the samples mixed
in one folder come back as they were, a folder about one event stays one story, and reports
go story by story."""

from __future__ import annotations

import json
import shutil
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import pipeline, stories
from factcheck.articles import load_articles
from factcheck.cli import main
from factcheck.models import Article, Profile, Span

from .conftest import ARTICLES, DEVSET

CLUSTERS = sorted(p for p in DEVSET.iterdir() if (p / "gold.yaml").is_file())
SAMPLES = "samples"


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One claim cache for the module: the same articles are parsed once."""
    return tmp_path_factory.mktemp("stories-cache")


@pytest.fixture
def cache(shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point factcheck at the module's cache."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(shared_cache))
    return shared_cache


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Every devset cluster and the five samples copied into one folder (never committed),
    with the cluster each file came from."""
    folder = tmp_path_factory.mktemp("mixed")
    truth = {}
    for cluster in CLUSTERS:
        for path in sorted(cluster.glob("*.md")):
            name = f"{cluster.name[:12]}-{path.name}"
            shutil.copy(path, folder / name)
            truth[Path(name).stem] = cluster.name
    for path in sorted(ARTICLES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
        truth[path.stem] = SAMPLES
    return folder, truth


def invoke(*args: str | Path) -> str:
    """factcheck's standard output for a command that must succeed."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def pairwise(found: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of a split against the true clusters."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(truth), 2):
        same, together = truth[a] == truth[b], found[a] == found[b]
        tp += same and together
        fp += together and not same
        fn += same and not together
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


@pytest.mark.devset
def test_compare_gives_the_clusters_back(mixed, cache) -> None:
    """compare's JSON names each article's story: the clusters come back, P and R >= 0.95."""
    folder, truth = mixed
    report = json.loads(invoke("compare", folder, "--format", "json", "--no-claims", "-q"))
    found = {a["id"]: a["story"] for a in report["articles"]}
    precision, recall = pairwise(found, truth)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    assert report["summary"]["stories"] == len({*found.values()}) == len(CLUSTERS) + 1
    story_of = found
    for group in report["groups"]:
        members = {c["article"] for p in group["positions"] for c in p["claims"]}
        assert {story_of[a] for a in members} == {group["story"]}
        assert group["id"].startswith(group["story"] + "-")


@pytest.mark.devset
def test_workers_compare_stories_as_this_process_does(mixed, cache) -> None:
    """Stories compared side by side by worker processes, the largest first, come back in
    their own order with exactly the groups this process gives them."""
    folder, _truth = mixed
    loaded = load_articles(folder)
    reads = pipeline.read_all(loaded.articles)
    found = pipeline._stories(loaded.articles, reads, one_story=False)
    assert len(found) > 2
    here = pipeline._compare_stories(loaded, reads, found, book=None, progress=None)
    with pipeline.Workers(None) as workers:
        workers.pool(2)
        side = pipeline._compare_stories(loaded, reads, found, book=None, progress=None,
                                         workers=workers)  # fmt: skip
    assert side == here
    assert [g.story for g in side.groups] == sorted(
        (g.story for g in side.groups), key=[s.id for s in found].index
    )


@pytest.mark.devset
def test_stories_lists_the_clusters(mixed, cache) -> None:
    """factcheck stories lists the same split, with titles and date ranges."""
    folder, truth = mixed
    listed = json.loads(invoke("stories", folder, "--format", "json", "-q"))
    found = {aid: s["id"] for s in listed["stories"] for aid in s["articles"]}
    precision, recall = pairwise(found, truth)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    samples = next(s for s in listed["stories"] if "reuters" in s["articles"])
    assert set(samples["articles"]) == {p.stem for p in ARTICLES.glob("*.txt")}
    assert samples["first"] == "2018-08-29" and samples["last"] == "2019-11-07"
    assert all(s["title"] for s in listed["stories"])


@pytest.mark.devset
@pytest.mark.parametrize("folder", [*CLUSTERS, ARTICLES], ids=lambda p: p.name)
def test_a_folder_about_one_event_is_one_story(folder: Path, cache) -> None:
    """Each devset cluster, and the samples with the 2018 piece, stay one story."""
    listed = json.loads(invoke("stories", folder, "--format", "json", "-q"))
    assert len(listed["stories"]) == 1, [s["articles"] for s in listed["stories"]]


@pytest.mark.devset
def test_two_unrelated_articles_are_two_stories(tmp_path: Path, cache) -> None:
    """An earthquake report and a ransomware report are compared apart."""
    quake = sorted((DEVSET / "sulawesi-earthquake-tsunami-2018").glob("*.md"))[1]
    ransom = sorted((DEVSET / "kaseya-ransomware-attack-2021").glob("*.md"))[0]
    for path in (quake, ransom):
        shutil.copy(path, tmp_path / path.name)
    report = json.loads(invoke("compare", tmp_path, "--format", "json", "--no-claims", "-q"))
    assert len(report["stories"]) == 2
    one = json.loads(invoke("compare", tmp_path, "--format", "json", "--no-claims", "-q",
                            "--one-story"))  # fmt: skip
    assert len(one["stories"]) == 1 and all(g["story"] == "s1" for g in one["groups"])


@pytest.mark.devset
def test_reports_go_story_by_story(mixed, cache) -> None:
    """Markdown and the terminal table give each story its own section, headed by its title."""
    folder, _ = mixed
    markdown = invoke("compare", folder, "--format", "markdown", "--no-claims", "-q")
    assert markdown.count("\n## Story s") == len(CLUSTERS) + 1
    assert "\n## Stories\n" in markdown and "\n### Conflicts\n" in markdown
    table = invoke("compare", folder, "--no-claims", "-q")
    assert table.count("Story s") == len(CLUSTERS) + 1


@pytest.mark.devset
def test_a_claim_is_checked_against_its_story(mixed, cache) -> None:
    """factcheck claim checks an article against the articles of its own story only."""
    folder, _ = mixed
    check = json.loads(invoke("claim", folder / "reuters.txt", "--format", "json",
                              "--no-claims", "-q"))  # fmt: skip
    assert sorted(check["against"]) == ["aljazeera", "breitbart", "globaltimes", "unattributed"]


def _article(i: int, published: str | None = None) -> Article:
    return Article(id=f"a{i}", path=f"a{i}.txt", text="x", body=Span(0, 1), title=f"T{i}",
                   published=published)  # fmt: skip


def _profile(*names: str, terms: tuple[str, ...] = ()) -> Profile:
    return Profile(entities=tuple((f"name:{n}", 2) for n in names),
                   terms=tuple((t, 1) for t in terms))  # fmt: skip


EVENT_A = ("alpha town", "beta river", "gamma corp", "delta hall", "kim lee")
EVENT_B = ("omega city", "sigma port", "tau bank", "rho bridge", "ana cruz")
WORDS = ("flood", "rescue", "bridge", "water", "mayor")


def test_split_is_deterministic_and_ordered() -> None:
    """Two events interleaved come back as two stories, in the order of their first article,
    the same on every run."""
    arts = [_article(i, f"2020-01-0{i + 1}") for i in range(6)]
    profs = [_profile(*(EVENT_A if i % 2 == 0 else EVENT_B), terms=WORDS) for i in range(6)]
    first = stories.split(arts, profs)
    assert [s.articles for s in first] == [("a0", "a2", "a4"), ("a1", "a3", "a5")]
    assert [s.id for s in first] == ["s1", "s2"] and first[0].first == "2020-01-01"
    assert stories.split(arts, profs) == first


def test_a_thin_article_joins_a_story() -> None:
    """An article with too little to judge by never makes a story of its own."""
    arts = [_article(i) for i in range(4)]
    profs = [_profile(*EVENT_A, terms=WORDS), _profile(*EVENT_A, terms=WORDS),
             _profile(*EVENT_B, terms=WORDS), Profile()]  # fmt: skip
    found = stories.split(arts, profs)
    assert len(found) == 2
    assert sum("a3" in s.articles for s in found) == 1


def test_each_article_keeps_its_nearest_and_large_stories_hold(monkeypatch) -> None:
    """Similarities kept grow with the articles, not their pairs: each keeps its
    NEIGHBOURS most alike. A story of four times that many alike articles still comes back
    whole, and beside another it stays apart from it."""
    monkeypatch.setattr(stories, "NEIGHBOURS", 5)
    n = 20
    arts = [_article(i) for i in range(2 * n)]
    profs = [_profile(*(EVENT_A if i < n else EVENT_B), terms=(*WORDS, f"own{i}"))
             for i in range(2 * n)]  # fmt: skip
    vectors = stories._vectors(profs)
    edges = stories._edges(vectors, [None] * len(profs))
    assert len(edges) <= len(profs) * 5
    assert all(sum(i in pair for pair in edges) >= 5 for i in range(len(profs)))
    found = stories.split(arts, profs)
    assert [len(s.articles) for s in found] == [n, n]
    assert found[0].articles == tuple(f"a{i}" for i in range(n))


def test_articles_with_nothing_to_judge_are_one_story() -> None:
    """Short notes with no entities or terms stay together, as before stories existed."""
    arts = [_article(i) for i in range(3)]
    (only,) = stories.split(arts, [Profile()] * 3)
    assert only.articles == ("a0", "a1", "a2")


def test_a_parse_made_elsewhere_gives_the_same_report() -> None:
    """parse_batch (what a distributed engine maps over batches) and report_from give the
    report build_report gives."""
    from factcheck.articles import load_articles
    from factcheck.pipeline import build_report, parse_batch, report_from

    loaded = load_articles([ARTICLES])
    reads = parse_batch(loaded.articles[:2]) + parse_batch(loaded.articles[2:])
    expected = build_report([], loaded=loaded, use_cache=False)
    assert report_from(loaded.articles, reads) == expected


def test_an_article_alone_joins_the_story_of_its_closest_article() -> None:
    """A side piece (the victims' profiles) like one article of a story, though little like
    the rest, is that story's; a single unlike every article stays alone."""
    from factcheck.stories import STORY_THRESHOLD, _adjacency, _rejoin_singles

    near, far = STORY_THRESHOLD + 0.05, STORY_THRESHOLD - 0.1
    edges = {(0, 1): 0.5, (0, 2): near, (1, 2): 0.04, (3, 4): 0.6, (2, 4): 0.02}
    assert sorted(map(sorted, _rejoin_singles([[0, 1], [2], [3, 4]], _adjacency(edges)))) == [
        [0, 1, 2], [3, 4]]
    edges[(0, 2)] = far
    assert sorted(map(sorted, _rejoin_singles([[0, 1], [2], [3, 4]], _adjacency(edges)))) == [
        [0, 1], [2], [3, 4]]


def _near(pairs: dict[tuple[int, int], float]) -> dict[int, dict[int, float]]:
    near: dict[int, dict[int, float]] = {}
    for (i, j), s in pairs.items():
        near.setdefault(i, {})[j] = s
        near.setdefault(j, {})[i] = s
    return near


@pytest.mark.parametrize(
    ("cross", "shared", "joined"),
    [
        pytest.param(0.125, True, True, id="every-pair-linked-one-place"),
        pytest.param(0.125, False, False, id="nothing-named-in-common"),
        pytest.param(0.09, True, False, id="linked-too-weakly"),
        pytest.param(None, True, False, id="half-the-pairs-unlinked"),
    ],
)
def test_a_small_folders_stories_rejoin_when_linked_throughout(cross, shared,
                                                               joined) -> None:
    """Two reports that name an event in one set of words and four in another are one story
    of a small folder: every pair of theirs is linked and they name one town; two
    unrelated events are not."""
    inside = {(0, 1): 0.4, (2, 3): 0.4, (2, 4): 0.4, (3, 4): 0.4}
    between = {(a, b): cross for a in (0, 1) for b in (2, 3, 4)}
    if cross is None:
        between = {(0, b): 0.125 for b in (2, 3, 4)}
    town = ("name:marrow vale", 2)
    profiles = [Profile(entities=(town if shared or u < 2 else ("name:omega city", 2),
                                  (f"name:own{u}", 1))) for u in range(5)]
    clusters = stories._join_linked([[0, 1], [2, 3, 4]], _near(inside | between), profiles)
    assert (len(clusters) == 1) is joined
