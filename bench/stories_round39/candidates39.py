"""The round's candidate decisions (stop 39), as clusterers differing from the shipped one in
one rule each; ``measure39.py`` names them."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item
from wirewatch_stories.cluster import Clusterer, Story
from wirewatch_stories.pair_cues import Member, same_figures
from wirewatch_stories.scoring import STORY_SAMPLE, Scorer

MIN_COUNTED = 2
FIGURES_FLOOR = 0.05  # members giving counts before the story's figure is taken as known


class _StoryCounts(Scorer):
    """A story whose members give counts none of which is the item's is another event (the
    third flight of 112 against the second's 116 and 119; 460 returned against 110)."""

    __slots__ = ()

    def story_score(self, story: Story) -> tuple[float, int]:
        score, best = super().story_score(story)
        if score and self.counts and self._other_figures(story):
            return 0.0, best
        return score, best

    def _other_figures(self, story: Story) -> bool:
        members = self.clusterer._members
        counted = [m for i in story.members[-STORY_SAMPLE:] if (m := members[i]).counts]
        return len(counted) >= MIN_COUNTED and all(self._counts_differ(m) for m in counted)

    def _counts_differ(self, member: Member) -> bool:
        revises = (self.update or member.update) and self._revises(member)
        return self._count_factor(member, revises) < 1.0


class _Ordinals(Scorer):
    """Two items giving different ordinals ("third batch" against "second batch") keep only
    :data:`ORDINAL_SHARE` of their similarity, whatever their counts."""

    __slots__ = ()
    share = 0.5

    def similarity(self, member: Member) -> float:
        sim = super().similarity(member)
        if self.ordinals and member.ordinals and not self.ordinals & member.ordinals:
            return sim * self.share
        return sim


class _OrdinalsZero(_Ordinals):
    __slots__ = ()
    share = 0.0


class _Figures(Scorer):
    """A report that gives the same head counts as a member of a story it scores with from
    :attr:`floor` on, with no count (and, :attr:`places`, no country or region) conflict with
    any member, follows that story: its score is lifted to the threshold (a late follow-up
    repeating the event's own figures, days on)."""

    __slots__ = ()
    floor = FIGURES_FLOOR
    places = True

    def story_score(self, story: Story) -> tuple[float, int]:
        score, best = super().story_score(story)
        if self.floor <= score < self.clusterer.threshold and self._repeats(story):
            return self.clusterer.threshold, best
        return score, best

    def _repeats(self, story: Story) -> bool:
        if not self.counts:
            return False
        members = [self.clusterer._members[i] for i in story.members[-STORY_SAMPLE:]]
        return any(same_figures(self.counts, m.counts) for m in members) and not any(
            self._count_factor(m, False) < 1.0
            or (self.places and self._place_factors(m) != (1.0, 1.0))
            for m in members
        )


class _FiguresLoose(_Figures):
    """:class:`_Figures` from a score of 0.03, the place conflicts left to the score."""

    __slots__ = ()
    floor = 0.03
    places = False


HEADLINE_FACTOR = 0.5


def _headline(cues: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(c for c in cues if c[:2] == "g:" and c != "g:US")


class _Headlines(Scorer):
    """Two items whose headlines each name a country (the US aside) the other's headline does
    not keep :data:`HEADLINE_FACTOR` of their similarity ("Peru to tighten entry requirements"
    against "Ecuador pedirá pasaporte"); ``g:`` cues, read off the title alone."""

    __slots__ = ("headline",)

    def __init__(self, clusterer: Clusterer, cues: frozenset[str], published: float | None = None):
        super().__init__(clusterer, frozenset(c for c in cues if c[:2] != "g:"), published)
        self.headline = _headline(cues)

    def similarity(self, member: Member) -> float:
        sim = super().similarity(member)
        assert isinstance(self.clusterer, Headlines)
        theirs = self.clusterer.headlines.get(member.item_id, frozenset())
        if self.headline - theirs and theirs - self.headline:
            return sim * self.clusterer.factor
        return sim


class _HeadlinesApart(_Headlines):
    """:class:`_Headlines`, the headline's country counted only when the other item names it
    nowhere (its ``c:`` cues)."""

    __slots__ = ()

    def similarity(self, member: Member) -> float:
        sim = Scorer.similarity(self, member)
        assert isinstance(self.clusterer, Headlines)
        theirs = self.clusterer.headlines.get(member.item_id, frozenset())
        mine_named = {"g:" + c[2:] for c in self.countries}
        theirs_named = {"g:" + c[2:] for c in member.countries}
        if self.headline - theirs - theirs_named and theirs - self.headline - mine_named:
            return sim * self.clusterer.factor
        return sim


class _Veto(Clusterer):
    scorer: type[Scorer] = Scorer

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return self.scorer(self, cues, published)


def _with(scorer: type[Scorer]) -> type[Clusterer]:
    """A clusterer deciding with ``scorer``."""
    return type(f"With{scorer.__name__}", (_Veto,), {"scorer": scorer})


StoryCounts, Ordinals, OrdinalsZero = _with(_StoryCounts), _with(_Ordinals), _with(_OrdinalsZero)
Figures, FiguresLoose = _with(_Figures), _with(_FiguresLoose)


class Headlines(_Veto):
    scorer = _Headlines
    factor = HEADLINE_FACTOR
    names_only = False

    def __init__(self) -> None:
        super().__init__()
        self.headlines: dict[str, frozenset[str]] = {}

    def add(self, item_id: str, story_id: str, cues: Iterable[str], published: float, *,
            advance: bool = True) -> None:  # fmt: skip
        cues = frozenset(cues)
        self.headlines[item_id] = _headline(cues)
        super().add(item_id, story_id, frozenset(c for c in cues if c[:2] != "g:"), published,
                    advance=advance)  # fmt: skip


class HeadlinesApart(Headlines):
    scorer = _HeadlinesApart


class Headlines07(Headlines):
    factor = 0.7


class Headlines0(Headlines):
    factor = 0.0


class HeadlineNames(Headlines):
    """:class:`Headlines` on the countries a headline names (``country_names39``), not their
    people."""

    names_only = True


def headline_cues(path: Path, items: list[Item], *, names_only: bool = False) -> list[Item]:
    """The items with ``g:`` cues: the countries classify's gazetteer finds in the title (or,
    ``names_only``, the countries it names: ``country_names39``)."""
    from country_names39 import headline_countries

    from wirewatch.cli.stories_cmds import _entity_finder

    finder = _entity_finder(None)
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]

    def found(title: str) -> set[str]:
        if names_only:
            return headline_countries(title)
        return {c.upper() for c in finder(title, "").countries}

    return [
        dataclasses.replace(it, cues=it.cues | {f"g:{c}" for c in found(rows[it.index]["title"])})
        for it in items
    ]


CANDIDATES: dict[str, Callable[[], Clusterer]] = {
    "story_counts": StoryCounts,
    "ordinals": Ordinals,
    "ordinals0": OrdinalsZero,
    "figures": Figures,
    "figures_loose": FiguresLoose,
    "headlines": Headlines,
    "headlines07": Headlines07,
    "headlines0": Headlines0,
    "headlines_apart": HeadlinesApart,
    "headline_names": HeadlineNames,
}
