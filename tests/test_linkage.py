"""The clustering engine: exact below the caps, bounded work for an article with very many
figures of one kind (a report with a thousand casualty figures)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.judge import compare, linkage
from factcheck.models import Amount, Article, Claim, ClaimKind, Measure, Span, Status, Subject

SENTENCE = "Officials said {n} people were hurt."


def _article(article_id: str, figures: list[int]) -> tuple[Article, list[Claim]]:
    """An article of one sentence per figure, with the claims the extractor would make."""
    text, claims = "", []
    for n in figures:
        sentence = SENTENCE.format(n=n)
        start = len(text) + sentence.index(str(n))
        claims.append(
            Claim(
                id=f"{article_id}:{start}-{start + len(str(n))}:count",
                article=article_id,
                kind=ClaimKind.COUNT,
                text=str(n),
                start=start,
                end=start + len(str(n)),
                sentence=sentence,
                sentence_start=len(text),
                value=Amount(float(n)),
                subject=Subject(
                    measure=Measure(thing="people", event="injured"),
                    context="hurt official people say",
                    terms=("hurt", "official", "say"),
                ),
            )
        )
        text += sentence + " "
    article = Article(id=article_id, path=f"{article_id}.txt", text=text, body=Span(0, len(text)))
    return article, claims


def _groups_of(figures: int) -> tuple[list, str]:
    rng = random.Random(figures)
    long, long_claims = _article("long", [rng.randint(100_000, 999_999) for _ in range(figures)])
    other, other_claims = _article("other", [123_456])
    report = compare([long, other], long_claims + other_claims)
    return list(report.groups), other_claims[0].id


def test_below_the_cap_an_article_is_linked_whole() -> None:
    """An article with as many figures as the cap allows is clustered exactly: one group."""
    groups, _ = _groups_of(40)
    numeric = [g for g in groups if g.kind is ClaimKind.COUNT]
    assert len(numeric) == 1 and len(numeric[0].claims) == 41


def test_a_long_article_is_capped() -> None:
    """Past the cap, each group holds a bounded share of the long article, every claim is in
    exactly one group, and the other article's figure still meets it."""
    figures = linkage.LONG_ARTICLE + 100
    groups, other = _groups_of(figures)
    ids = [c.id for g in groups for c in g.claims]
    assert len(ids) == len(set(ids)) == figures + 1
    assert max(sum(c.article == "long" for c in g.claims) for g in groups) <= linkage.LONG_SHARE
    (met,) = [g for g in groups if other in {c.id for c in g.claims}]
    assert met.status is Status.CONFLICT and "long" in met.articles


def test_many_figures_through_the_command_line(tmp_path: Path) -> None:
    """A file with hundreds of like figures goes through the whole run, provenance exact."""
    rng = random.Random(7)
    body = " ".join(SENTENCE.format(n=rng.randint(100_000, 999_999)) for _ in range(400))
    (tmp_path / "long.txt").write_text("Injured count\n\n" + body + "\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Report\n\n" + SENTENCE.format(n=123456) + "\n",
                                        encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(
        main, ["compare", str(tmp_path), "--format", "json", "-q", "--no-claims"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    texts = {a["id"]: (tmp_path / Path(a["path"]).name).read_text() for a in report["articles"]}
    claims = [c for g in report["groups"] for p in g["positions"] for c in p["claims"]]
    assert len(claims) > 380  # the parser reads a few figures otherwise
    assert all(texts[c["article"]][c["start"] : c["end"]] == c["text"] for c in claims)
