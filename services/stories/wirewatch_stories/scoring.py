"""The similarity of one item with the items of the open stories, for one decision (pure).

:class:`Scorer` holds what the item's cues say (see :mod:`wirewatch_stories.pair_cues`) and the
squared weights it has looked up, so that scoring the item against up to a dozen candidate
stories reads each cue's weight once. A pair's similarity is
:data:`~wirewatch_stories.pair_model.PAIR_SCALE` times the learned probability of one story
(:data:`~wirewatch_stories.pair_model.LEARNED_PAIRS`) over the pair's features; with no model
(the fitting script only) the cosine times the hand factors below, whose conditions are also
the model's features. A story's score blends the best
similarities with its latest items and their mean.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable
from itertools import filterfalse
from typing import TYPE_CHECKING

from wirewatch_stories import pair_cues
from wirewatch_stories.features import UPDATE_CUE
from wirewatch_stories.pair_cues import (
    NO_HEDGES,
    SALIENT_NUMBER,
    WORD_KINDS,
    Member,
    conflict,
    countries_conflict,
    numbers_conflict,
    regions_conflict,
    reverses,
    same_figures,
    sequel,
)
from wirewatch_stories.pair_model import DAYS_CAP, MIN_COSINE, PAIR_SCALE

if TYPE_CHECKING:
    from wirewatch_stories.cluster import Clusterer, Story

MIN_SHARED = 2  # cues an item must share with a candidate to be scored
# Estimates stand for nearby counts in reports published this close (see pair_cues.HEDGE_RATIO).
REVISION_S = 12 * 3600.0
CONFLICT_FACTOR = 0.3  # similarity kept when two items give different counts
# Similarity kept when each names a country the other does not. 0.5 merged one official's
# two events of a day in two countries (stories_evening.jsonl); figures in docs/stories.md.
COUNTRY_CONFLICT_FACTOR = 0.4
REGION_CONFLICT_FACTOR = 0.5  # the same for regions of one country (US states and cities)
# Two rulings whose headlines name different seats (``s:`` cues: the US states and cities of
# a ruling's headline, see features.seat_cues) are two rulings: the Hawaii and the Maryland
# orders against one travel ban, 5 hours apart, whose second reports name the first in their
# lede (tests/data/stories_compline.jsonl). Pairs of every labelled stories file within 96 h
# whose seats differ: 96 of two stories, none of one (a headline naming both seats meets
# either). Figures in docs/measurements/stories.md (the twenty-first round).
SEAT_FACTOR = 0.0
# Two items naming the same two or more countries (and no other) report one route: on the
# dev set, 99 % of such pairs within a window are of one story (62 % for one country).
ROUTE_FACTOR = 2.0
# Two items published more than RECENT_S apart: among the similar pairs (cosine >= 0.1)
# within the window of the four labelled sets, 5 % of the pairs of one story and 54 % of
# the pairs of two stories (the next ruling on one law, the next flight on one route, the
# Marines two days after the Guard). Their similarity is cut, not zeroed: follow-ups join
# through the story's recent items.
RECENT_S = 36 * 3600.0
STALE_FACTOR = 0.5
# A late follow-up: a report up to FIGURES_S after another that gives the same figures (each
# count of one is one of the other's) repeats that event, not the next one (the next vote,
# ruling or flight brings figures of its own). The cut above does not apply to it. Longer
# gaps keep it: an affair's own figures (the 300 workers of a raid) recur in its next steps a
# week on. All files but the held-out part: the tenth set's late reports join, no precision
# lost in any of six orders. Stop 54: 72 h -> 96 h. Pairs of studied items sharing 4+ cues and
# giving the same figures, by hours apart: 72-96 h, 20 of one story (5 files, en and es) against 5
# of two; 96-120 h, 2 against 22 (bench/stories_round54/census54.txt). LOFO 47 files unchanged
# (0.91419); main's table joins fresh52's first report of the 14,000 reverse migrants 86 h on.
FIGURES_S = 96 * 3600.0
# A sequel: an item that calls itself the second (third...) of something ("2nd migrant flight
# arrives", "por segunda vez en dos días") published a day or more after an item that gives no
# ordinal is most often the next event, not a follow-up of the first. Similar pairs (cosine
# >= 0.07) of all labelled files but the held-out part: 36 of two stories, 19 of one.
SEQUEL_S = 24 * 3600.0
SEQUEL_FACTOR = 0.5
# Stop 50's measurement switch of the flight veto (``Scorer.other_flight``;
# bench/stories_round50/RULE.md): "A" a flight's own headline count or ordinal (shipped), ""
# none (main's code until stop 50, the bench's baseline). Candidates B and C (A and the flight's
# day) failed: bench/stories_round50/flight_veto50_ABC.diff.
FLIGHT_VETO = "A"
# A toll update (``t:update``: "Death toll rises from migrant truck accident in Chiapas",
# "recovers 14 more bodies") published up to UPDATE_S after another item is compared with it
# without the count cut (its figure revises theirs; ordinals still conflict) nor the time
# cuts (it comes days on). The country and region conflicts still hold: an update of another
# country's wreck stays apart. All labelled files but the held-out part, six orders: the
# friday set's Calabria update (0.942 -> 0.959) and the noonday set's revised Senegal tolls
# (0.953 -> 0.997) join, no other figure moves, no precision lost.
UPDATE_S = 7 * 86400.0
# An early toll: the first reports of a wreck or a crash give the dead (or missing) as
# they are counted, and they differ ("at least 20" found dead in a lorry, then 71; "89
# dead" against "170 dead or missing"; 18, then 16 after a recount). Two items that both
# give a toll (a ``k:dead`` or ``k:missing`` cue) published at most TOLL_S apart are
# compared without the count cut; every other cue and conflict still holds. Added after
# tests/data/stories_evening.jsonl (see docs/measurements/stories.md).
# Since the twentieth round an item that tells of deaths (``e:death``) counts as a toll too,
# whatever its counts count: the first reports of a wreck give the rescued, those on board and
# the dead as they come ("saved 221 people but at least 27", "34 bodies ... 206 people
# rescued"); stories_saturday.jsonl 0.851 -> 0.871, no other file moved in any of six orders.
TOLL_S = 48 * 3600.0
# A young story: an item within this long of its first report (see cluster.YOUNG_SHARE and
# LANGUAGE_WORDS below).
YOUNG_S = 24 * 3600.0
# Two reports of different kinds of event: each typed (``e:`` cues, see
# wirewatch_stories.features.EVENT_KINDS) and no group in common, where the groups are a toll
# (drowning, wreck, crash: ``e:death``), an act of authorities (a removal, an arrest, a
# release, a ruling, a policy: ``e:act``) and a protest. A later event of the same countries
# is often of another group (Greece's asylum freeze, then a drowning off Lesbos; the Guard
# sent to Los Angeles amid protests, then a judge's order on it). Finer conflicts (an arrest
# against a release or a ruling, a removal against a policy) cut one story's reports apart:
# "workers detained" then "released", "taken into custody" then "due in court". Similar
# pairs within the window of every stories file (pairs with a twilight dev item): 5 of 4,017
# pairs of one story, 30 of 714 of two. Untyped items and toll updates are never cut.
# Figures in docs/measurements/stories.md (the nineteenth round).
EVENT_FACTOR = 0.5
# Two reports of one event in two languages share only what both languages carry: numbers,
# entities, names, cognates and the lexicon's stems. The words of one language the other never
# uses ("exigirá", "anunció", "sources said") weigh in their norms and nowhere in their dot
# product, so the cosine of an English-Spanish twin is lower than that of two rewrites in one
# language (pairs of one story within 72 h, every stories file: median 0.321 across languages
# against 0.448 within one). A word held by LANGUAGE_WORDS or more items of one language and by
# none of the other is that language's, not the event's: it is left out of the norms of a
# pair in two languages (a word seen once is the event's own and stays; the rule does nothing
# until the held items show a language's words, so a fresh clusterer behaves as before). Only
# while the item is within YOUNG_S of the story's first report and the story has at most
# LANGUAGE_STORY_SIZE items: the report in the other language of an event comes within a day,
# while its story is small; a later one tells the next step (the EU ambassadors' agreement and
# the Granada summit two days on, tests/data/stories_predawn.jsonl), and a grown story may hold
# a look-alike's report already (nightfall: a Spanish report of the Moria arrests followed the
# English one into Germany's offer, with the words of every other file held; 6 to 8 keep it out
# and keep every gain). Every labelled file, six orders: compline 0.875 -> 0.923, morning,
# saturday, midnight, predawn, dev, night and new up, no file's order down by more than one item
# (docs/measurements/stories.md, the twenty-third round).
LANGUAGE_WORDS = 2
LANGUAGE_STORY_SIZE = 6
STORY_SAMPLE = 24  # latest items of a story an item is compared with
TOP_K = 2  # the best similarities averaged (one bridging item is not enough)
MEAN_SHARE = 0.8  # weight of the mean similarity (vs the best ones) in a story's score


def _carried(cue: str, shared: frozenset[str], other: Counter[str], own: Counter[str]) -> bool:
    """Whether a cue counts in the norm of a pair in two languages: not a word of its own
    language that the other never uses (see :data:`LANGUAGE_WORDS`)."""
    return (
        cue[:2] not in WORD_KINDS
        or cue in shared
        or cue in other
        or own.get(cue, 0) < LANGUAGE_WORDS
    )


_NO_CUES: frozenset[str] = frozenset()


class Scorer:
    """The similarities of one item with the members of the open stories, for one
    decision (the weights do not change during it: they are computed once each)."""

    __slots__ = (
        "clusterer", "countries", "counts", "courts", "cues", "direction", "events",
        "figures", "flight", "fresh", "headline", "hedges", "kept", "kinds", "language", "model",
        "named", "norm", "ordinals", "published", "regions", "seats", "squared", "toll", "update",
    )  # fmt: skip

    def __init__(
        self, clusterer: Clusterer, cues: frozenset[str], published: float | None = None
    ) -> None:
        self.clusterer = clusterer
        self.model = clusterer.pair_model
        # Read through the module (as member() does): a test patching a reader there patches
        # both sides of a pair.
        self.cues = pair_cues.plain(cues)
        self.published = published
        self.counts = pair_cues.counts(cues)
        self.hedges = pair_cues.hedges(cues)
        self.ordinals = pair_cues.ordinals(cues)
        self.countries = pair_cues.countries(cues)
        self.named = pair_cues.named(cues, self.countries)
        self.regions = pair_cues.regions(cues)
        self.update = UPDATE_CUE in cues
        self.kinds = pair_cues.kinds(cues, self.counts)
        self.toll = pair_cues.toll(cues)
        self.events = pair_cues.events(cues)
        self.courts = pair_cues.courts(cues)
        self.headline = pair_cues.headline(cues)
        self.direction = pair_cues.direction(cues)
        self.flight = pair_cues.flight(cues)
        self.figures = pair_cues.headline_figures(cues) if self.flight else frozenset()
        self.seats = pair_cues.seats(cues)
        self.language = pair_cues.language(cues)
        self.fresh = True  # within YOUNG_S of the scored story's first item (see story_score)
        self.kept: dict[str, tuple[float, frozenset[str]]] = {}  # see _kept
        self.squared: dict[str, float] = {}
        # fsum: a set's order follows string hashing, which differs between processes; a
        # plain sum could then differ in its last bit, and so could a decision at the threshold.
        self.norm = self._norm(self.cues)

    def _weigh(self, cues: Iterable[str]) -> None:
        """Weigh the cues not weighed yet in this decision (into :attr:`squared`). They are
        found by looking each up (``filterfalse``): ``cues - squared.keys()``, as here until
        stop 45, walks every key of ``squared`` (a set made of ``cues``, then each key
        discarded from it), ~1,000 keys a decision for the ~34 cues of a member."""
        squared = self.squared
        missing = list(filterfalse(squared.__contains__, cues))
        if missing:
            self.clusterer.squared_weights(missing, squared)

    def _norm(self, cues: Collection[str]) -> float:
        """The norm of ``cues``' weights (each squared weight computed once per decision)."""
        self._weigh(cues)
        return math.sqrt(math.fsum(map(self.squared.__getitem__, cues)))

    def similarity(self, member: Member) -> float:
        """The pair's similarity: the learned decision (see
        :data:`~wirewatch_stories.pair_model.LEARNED_PAIRS`); with no model (the fitting script
        only), the cosine times the hand factors."""
        if self.model is not None:
            features = self.pair_features(member)
            return 0.0 if features is None else PAIR_SCALE * self.model.probability(features)
        shared = self.cues.intersection(member.cues)
        if len(shared) < MIN_SHARED:
            return 0.0
        other = self._norm(member.cues)
        dot = math.fsum(map(self.squared.__getitem__, shared))
        mine, theirs = self.norm, other
        if self.fresh and self.language and member.language not in ("", self.language):
            mine, theirs = self._shared_norms(member, shared)
        score = dot / ((mine * theirs) or 1.0)
        revises = (self.update or member.update) and self._revises(member)  # rare: test first
        # One factor at a time, in this order, so scores stay bit-identical.
        score *= self._count_factor(member, revises)
        score *= self._event_factor(member, revises)
        country, region = self._place_factors(member)
        score *= country
        score *= region
        if self.published is not None and not revises:
            score *= self._time_factor(member)
        return score

    def pair_features(self, member: Member) -> tuple[float, ...] | None:
        """The pair's :data:`~wirewatch_stories.pair_model.PAIR_FEATURES` for the learned
        decision; None when the two share fewer than :data:`MIN_SHARED` cues, report rulings
        of different seats or the later's headline reverses the earlier's act (see
        :meth:`reverses`): never one story."""
        shared = self.cues.intersection(member.cues)
        if len(shared) < MIN_SHARED:
            return None
        country, region = self._place_factors(member)
        if region == 0.0:  # rulings of different seats
            return None
        if self.reverses(member):  # a closure, then the reopening
            return None
        dot, norms, two_languages = self._pair_cosine(member, shared)
        revises = (self.update or member.update) and self._revises(member)
        days, stale, sequel = self._time_features(member, revises)
        count = self._count_factor(member, revises) < 1.0
        event = self._event_factor(member, revises) < 1.0
        # What the shared cues are (one pass): a count from SALIENT_NUMBER on, a name, a date,
        # and the squared weights of the words, names and numbers (the cosine's shares; fsum
        # is exact, so the order they are added in does not matter).
        squared = self.squared
        words: list[float] = []
        names: list[float] = []
        numbers: list[float] = []
        salient = date = False
        for cue in shared:
            kind = cue[:2]
            if kind == "w:":
                words.append(squared[cue])
            elif kind == "x:":
                names.append(squared[cue])
            elif kind == "n:":
                numbers.append(squared[cue])
                salient = salient or int(cue[2:]) >= SALIENT_NUMBER
            elif kind == "d:":
                date = True
        return (
            math.log(max(dot / norms, MIN_COSINE)),
            float(count),
            float(event),
            float(country == COUNTRY_CONFLICT_FACTOR),
            float(country == ROUTE_FACTOR),
            float(region == REGION_CONFLICT_FACTOR),
            float(stale),
            float(sequel),
            float(revises),
            days,
            float(two_languages),
            float(salient),
            float(bool(names)),
            float(date),
            float(bool(self.events & member.events)),
            float(same_figures(self.counts, member.counts)),
            math.fsum(words) / norms,
            math.fsum(names) / norms,
            math.fsum(numbers) / norms,
            float(bool(self.courts and member.courts and not self.courts & member.courts)),
            float(bool(self.headline - member.headline and member.headline - self.headline)),
        )

    def reverses(self, member: Member) -> bool:
        """The two headlines report acts of opposite directions (``v:`` cues, see
        :func:`~wirewatch_stories.features.direction_cues`) and were published
        :data:`SEQUEL_S` or more apart: the next step of one affair, never one story (a
        closure then the reopening, a judge's block then a court allowing the law; one story
        told both ways comes within the day)."""
        return (
            self.published is not None
            and reverses(self.direction, member.direction)
            and abs(self.published - member.published) >= SEQUEL_S
        )

    def other_flight(self, member: Member) -> bool:
        """Two flight reports (see :func:`~wirewatch_stories.pair_cues.flight`) published
        :data:`SEQUEL_S` or more apart that state different flights, unless one updates the
        other's toll: their headlines' own figures conflict (head counts beyond the outlets'
        tolerance and rounding, 185 against 259, "casi 300" against 279 being one flight; or
        ordinals, "tercer vuelo" against "primer vuelo"; as
        :func:`~wirewatch_stories.pair_cues.numbers_conflict` decides it; a headline tally gives
        no figure, see :func:`~wirewatch_stories.features.flight_cues`). Successive flights of
        one route are told in nearly the same words days apart, and the learned decision, whose
        count conflict weighs little (counts differ within one story too), joined them (stops 49-50:
        bench/stories_round49b, 49c, stories_round50). Within the day two counts are more often
        outlets' figures of one flight. A story-level rule (:meth:`story_score`, as
        :meth:`_other_seat`): the pair's similarity, and the features the learned table is
        fitted on, stay main's."""
        if not (self.flight and member.flight) or self.published is None:
            return False
        if abs(self.published - member.published) < SEQUEL_S:
            return False
        if not numbers_conflict(self.figures, member.figures):
            return False
        return not ((self.update or member.update) and self._revises(member))

    def _pair_cosine(self, member: Member, shared: frozenset[str]) -> tuple[float, float, bool]:
        """The dot product of the pair's weighted cues, the product of their norms (a pair in
        two languages: over what both can carry, see :meth:`_shared_norms`) and whether they
        are in two languages."""
        other = self._norm(member.cues)
        dot = math.fsum(map(self.squared.__getitem__, shared))
        mine, theirs = self.norm, other
        two_languages = bool(self.language) and member.language not in ("", self.language)
        if self.fresh and two_languages:
            mine, theirs = self._shared_norms(member, shared)
        return dot, (mine * theirs) or 1.0, two_languages

    def _time_features(self, member: Member, revises: bool) -> tuple[float, bool, bool]:
        """Days apart (capped at :data:`~wirewatch_stories.pair_model.DAYS_CAP`), whether stale
        and whether a sequel (see :meth:`_time_factor`; neither when one revises the other's
        toll)."""
        gap = 0.0 if self.published is None else self.published - member.published
        stale = is_sequel = False
        if self.published is not None and not revises:
            stale = self._stale(abs(gap), member)
            is_sequel = (gap >= SEQUEL_S and sequel(self.ordinals, member.ordinals)) or (
                -gap >= SEQUEL_S and sequel(member.ordinals, self.ordinals)
            )
        return min(abs(gap) / 86400.0, DAYS_CAP), stale, is_sequel

    def _shared_norms(self, member: Member, shared: frozenset[str]) -> tuple[float, float]:
        """The norms of a pair in two languages over the cues the other language can carry:
        all but the words of one language (see :data:`LANGUAGE_WORDS`)."""
        words = self.clusterer._words
        mine, theirs = words[self.language], words[member.language]
        squared = self.squared
        kept, dropped = self._kept(member.language, mine, theirs)
        mine_sq = math.fsum([kept, *(squared[c] for c in dropped & shared)])
        theirs_sq = math.fsum(
            [
                squared[c]
                for c in member.cues  # inline _carried: once per cue of every such pair
                if c[:2] not in WORD_KINDS
                or c in shared
                or c in mine
                or theirs.get(c, 0) < LANGUAGE_WORDS
            ]
        )
        return math.sqrt(mine_sq), math.sqrt(theirs_sq)

    def _kept(
        self, language: str, mine: Counter[str], theirs: Counter[str]
    ) -> tuple[float, frozenset[str]]:
        """The item's squared norm without its words of one language, and those words, against
        items in ``language`` (once per decision: the counts do not change during it)."""
        cached = self.kept.get(language)
        if cached is None:
            dropped = frozenset(c for c in self.cues if not _carried(c, _NO_CUES, theirs, mine))
            kept = math.fsum([self.squared[c] for c in self.cues if c not in dropped])
            cached = self.kept[language] = (kept, dropped)
        return cached

    def _count_factor(self, member: Member, revises: bool) -> float:
        """:data:`CONFLICT_FACTOR` when the two give different counts of one kind (not
        when one revises or is an early toll of the other, nor when estimates agree) or
        different ordinals ("second flight" against "third flight")."""
        mine, theirs = self.counts, member.counts
        if (
            revises
            or (self.kinds and member.kinds and not self.kinds & member.kinds)
            or (self.toll and member.toll and self._early_toll(member))
        ):
            mine = theirs = ()  # no count conflict: a revised or early toll, other things
        if conflict(mine, self.ordinals, theirs, member.ordinals) and (
            not (self.hedges or member.hedges)  # estimates can only lift a conflict
            or conflict(mine, self.ordinals, theirs, member.ordinals, *self._hedges(member))
        ):
            return CONFLICT_FACTOR
        return 1.0

    def _event_factor(self, member: Member, revises: bool) -> float:
        """:data:`EVENT_FACTOR` when both are typed with kinds of no common group (see
        :data:`~wirewatch_stories.pair_cues.EVENT_GROUPS`), unless the later updates the other's
        toll."""
        if self.events and member.events and not revises and not self.events & member.events:
            return EVENT_FACTOR
        return 1.0

    def _place_factors(self, member: Member) -> tuple[float, float]:
        """The country factor (a conflict cuts, the same two or more countries raise:
        with a count conflict 0.6 in all) and the region factor."""
        if countries_conflict(self.named, member.named):
            country = COUNTRY_CONFLICT_FACTOR
        elif len(self.countries) >= 2 and self.countries == member.countries:
            country = ROUTE_FACTOR
        else:
            country = 1.0
        region = REGION_CONFLICT_FACTOR if regions_conflict(self.regions, member.regions) else 1.0
        if self.seats and member.seats and not self.seats & member.seats:
            region *= SEAT_FACTOR
        return country, region

    def _revises(self, member: Member) -> bool:
        """The later of the two updates a toll, published at most :data:`UPDATE_S` after
        the other."""
        if self.published is None:
            return False
        gap = self.published - member.published
        return (self.update if gap >= 0 else member.update) and abs(gap) <= UPDATE_S

    def _early_toll(self, member: Member) -> bool:
        """Both give a toll, published at most :data:`TOLL_S` apart."""
        return self.published is not None and abs(self.published - member.published) <= TOLL_S

    def _hedges(self, member: Member) -> tuple[frozenset[int], frozenset[int]]:
        """The estimates of both items when published within :data:`REVISION_S` and neither
        calls itself a sequel ("for second day": its figures are that day's)."""
        if (
            (self.published is not None and abs(self.published - member.published) > REVISION_S)
            or sequel(self.ordinals, frozenset())
            or sequel(member.ordinals, frozenset())
        ):
            return NO_HEDGES, NO_HEDGES
        return self.hedges, member.hedges

    def _time_factor(self, member: Member) -> float:
        """:data:`STALE_FACTOR` for items far apart, :data:`SEQUEL_FACTOR` for a sequel."""
        assert self.published is not None
        gap = self.published - member.published
        factor = STALE_FACTOR if self._stale(abs(gap), member) else 1.0
        if (gap >= SEQUEL_S and sequel(self.ordinals, member.ordinals)) or (
            -gap >= SEQUEL_S and sequel(member.ordinals, self.ordinals)
        ):
            factor *= SEQUEL_FACTOR
        return factor

    def _stale(self, gap: float, member: Member) -> bool:
        """Published more than :data:`RECENT_S` apart, unless a late follow-up repeating
        the member's figures (see :data:`FIGURES_S`)."""
        if gap <= RECENT_S:
            return False
        return gap > FIGURES_S or not same_figures(self.counts, member.counts)

    def countries_conflict(self, story: Story) -> bool:
        """Whether the item and a member of ``story`` each name a country the other does
        not."""
        members = self.clusterer._members
        return any(countries_conflict(self.named, members[i].named) for i in story.members)

    def story_score(self, story: Story) -> tuple[float, int]:
        """Blend of the mean of the best :data:`TOP_K` similarities with the story's latest
        items and the mean of all of them."""
        members = self.clusterer._members
        self.fresh = len(story.members) <= LANGUAGE_STORY_SIZE and (
            self.published is None or abs(self.published - story.first) <= YOUNG_S
        )
        similarity = self.similarity
        if self.flight and FLIGHT_VETO and self.model is not None:
            similarity = self._flight_similarity
        scored = sorted(
            ((similarity(members[i]), i) for i in story.members[-STORY_SAMPLE:]), reverse=True
        )
        if self.seats and self._other_seat(story):
            return 0.0, scored[0][1]
        top = scored[:TOP_K]
        best = sum(s for s, _ in top) / len(top)
        mean = sum(s for s, _ in scored) / len(scored)
        return (1 - MEAN_SHARE) * best + MEAN_SHARE * mean, scored[0][1]

    def _flight_similarity(self, member: Member) -> float:
        """:meth:`similarity`, none for a member that reports another flight (see
        :meth:`other_flight`)."""
        return 0.0 if self.other_flight(member) else self.similarity(member)

    def _other_seat(self, story: Story) -> bool:
        """Whether ``story`` is a ruling of another seat: some of its latest items name a
        seat and none names one of the item's (its reports naming no place do not save it)."""
        members = self.clusterer._members
        seats = [members[i].seats for i in story.members[-STORY_SAMPLE:] if members[i].seats]
        return bool(seats) and not any(self.seats & other for other in seats)
