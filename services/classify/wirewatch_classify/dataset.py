"""The labelled data of the topic model and its train / dev / test split.

``wirewatch classify-split`` gathers every labelled JSON-lines file under
``tests/data`` (``classify_dev.jsonl``, ``classify_pool_*.jsonl``,
``flights_dev.jsonl``, ``stories_dev.jsonl``: any item with a ``labels`` list; in the
stories file only items with a label, see :data:`EMPTY_IS_UNLABELLED`),
then:

1. **Near-duplicates.** Items whose folded title + summary share at least
   ``DUPLICATE`` of their word 3-gram shingles (Jaccard), or whose folded titles
   are equal, are copies of one text (wire copy, a republished page): only the
   first one is kept. Items sharing at least ``RELATED``, or the same ``story`` id,
   are versions of one story and are kept, but always in the same split.
2. **Split by date and by outlet.** Items dated on or after the cut-off
   (``TEST_CUTOFF``, pinned at the date after which ``TEST_LATE`` of the dated items
   fell on 2026-12-03) and items from the outlets
   whose name hashes into the first ``TEST_OUTLETS`` per cent go to *test*; items
   from the next ``DEV_OUTLETS`` per cent of outlets go to *dev*; the rest to
   *train*. A group of related items goes wholly to the strictest split any of its
   members would go to (test, then dev). So a test item is either newer than
   everything in train/dev or from an outlet train/dev never saw, usually both.

3. **Held back.** A never-seen set may be split into a *check* half and a *dev* half
   (``classify_*_halves.json``: ``files`` and ``check``, chosen by a fixed seed). Its check
   half is left out of every split until a later round pools it (by deleting ``check`` from
   the halves file), so a round can measure its changes on news it did not fit. The split
   is computed with the held-back items present and they are then dropped, so pooling
   them later moves no other item.

The manifest (``tests/data/classify_split.json``) lists the item keys
(``<file stem>:<id>``) per split, the removed duplicates and the held-back keys. The test
split is for reporting only: nothing is tuned on it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch_shared.jsonlines import json_lines

from wirewatch_classify.text import fold

PATTERNS = (
    "classify_dev.jsonl",
    "classify_pool_*.jsonl",
    "flights_dev.jsonl",
    "stories_dev.jsonl",
)
EMPTY_IS_UNLABELLED = frozenset({"stories_dev"})
"""Files where an empty ``labels`` list means "not labelled for topics" (the stories set
labels its story grouping; many on-topic items there carry no topic label), so such
items are left out rather than read as negatives."""
SPLITS = ("train", "dev", "test")
DUPLICATE = 0.8
RELATED = 0.5
TEST_LATE = 0.12
TEST_CUTOFF = "2025-07-04"
"""The test split's date cut-off, pinned (2026-12-03) at the value ``date_cutoff`` gave on
the data of that day. Computed afresh, the cut-off would move later as newer items are
added, and test items dated between the old and the new cut-off would fall into training:
pinned, adding data can only add test items, never remove one."""
TEST_OUTLETS = 12
DEV_OUTLETS = 18
MANIFEST_NAME = "classify_split.json"
HALVES_PATTERN = "classify_*_halves.json"
_BRACKETS = re.compile(r"\(.*?\)|\[.*?\]")


class DatasetError(ValueError):
    """A labelled file or manifest that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    summary: str
    lang: str
    labels: tuple[str, ...]
    hard_negative: bool
    source: str
    date: str
    row: dict[str, Any]

    @property
    def story(self) -> str:
        """The story the item reports (``story`` field of the events files), or ""."""
        return str(self.row.get("story") or "")


def labelled_files(data_dir: Path) -> list[Path]:
    found: list[Path] = []
    for pattern in PATTERNS:
        found.extend(sorted(data_dir.glob(pattern)))
    return found


def read_items(path: Path) -> list[Item]:
    items: list[Item] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, row in json_lines(lines, path, DatasetError):
        if not isinstance(row, dict) or not isinstance(row.get("labels"), list):
            continue  # not a labelled item
        if not (row.get("title") or row.get("summary")):
            continue  # labels without text (the second annotator's file): not an item
        if not row["labels"] and path.stem in EMPTY_IS_UNLABELLED:
            continue
        items.append(_item(path.stem, row, number))
    return items


def _item(stem: str, row: dict[str, Any], number: int) -> Item:
    return Item(
        key=f"{stem}:{row.get('id') or f'line-{number}'}",
        title=str(row.get("title") or ""),
        summary=str(row.get("summary") or ""),
        lang=str(row.get("lang") or "?"),
        labels=tuple(str(label) for label in row["labels"]),
        hard_negative=bool(row.get("hard_negative")),
        source=str(row.get("source") or ""),
        date=str(row.get("date") or row.get("published") or "")[:10],
        row=row,
    )


def gather(data_dir: Path) -> list[Item]:
    """Every labelled item of the data files, in file then line order; keys unique."""
    items: list[Item] = []
    seen: set[str] = set()
    for path in labelled_files(data_dir):
        for item in read_items(path):
            if item.key in seen:
                raise DatasetError(f"{path}: duplicate id {item.key!r}")
            seen.add(item.key)
            items.append(item)
    return items


def shingles(item: Item) -> frozenset[str]:
    words = fold(f"{item.title} {item.summary}").split()
    if len(words) < 3:
        return frozenset(words)
    return frozenset(" ".join(words[i : i + 3]) for i in range(len(words) - 2))


def _similar_pairs(sets: Sequence[frozenset[str]]) -> Iterable[tuple[int, int, float]]:
    """Pairs (i < j) sharing at least one shingle, with their Jaccard similarity."""
    index: dict[str, list[int]] = {}
    for i, s in enumerate(sets):
        for sh in s:
            index.setdefault(sh, []).append(i)
    shared: dict[tuple[int, int], int] = {}
    for members in index.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pair = (members[a], members[b])
                shared[pair] = shared.get(pair, 0) + 1
    for (i, j), common in shared.items():
        union = len(sets[i]) + len(sets[j]) - common
        yield i, j, common / union if union else 1.0


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def deduplicate(items: Sequence[Item]) -> tuple[list[Item], dict[str, str], _UnionFind]:
    """(kept items, removed key -> kept key, related groups over the kept items)."""
    sets = [shingles(item) for item in items]
    dup = _UnionFind(len(items))
    related = _UnionFind(len(items))
    titles: dict[str, int] = {}
    stories: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.story:
            related.union(stories.setdefault(item.story, i), i)
        title = " ".join(fold(item.title).split())
        if len(title) > 20:
            if title in titles:
                dup.union(titles[title], i)
            titles.setdefault(title, i)
    for i, j, similarity in _similar_pairs(sets):
        if similarity >= DUPLICATE:
            dup.union(i, j)
        if similarity >= RELATED:
            related.union(i, j)
    removed: dict[str, str] = {}
    for i, item in enumerate(items):
        root = dup.find(i)
        if root != i:
            removed[item.key] = items[root].key
            related.union(root, i)
    kept = [item for i, item in enumerate(items) if dup.find(i) == i]
    return kept, removed, related


def outlet(source: str) -> str:
    """The outlet of a source name: "Khaleej Times (AFP)" -> "khaleej times"."""
    return " ".join(fold(_BRACKETS.sub(" ", source)).split()) or "?"


def outlet_bucket(source: str) -> int:
    digest = hashlib.sha256(outlet(source).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100


def date_cutoff(items: Sequence[Item], late_share: float = TEST_LATE) -> str:
    dates = sorted(item.date for item in items if item.date)
    if not dates:
        return "9999-12-31"
    return dates[min(len(dates) - 1, int(len(dates) * (1.0 - late_share)))]


def _wanted_split(item: Item, cutoff: str) -> int:
    """0 train, 1 dev, 2 test: where the item would go on its own."""
    bucket = outlet_bucket(item.source)
    if (item.date and item.date >= cutoff) or bucket < TEST_OUTLETS:
        return 2
    if bucket < TEST_OUTLETS + DEV_OUTLETS:
        return 1
    return 0


def held_back(data_dir: Path) -> set[str]:
    """Item keys of the check halves still held out of the split (see the module doc)."""
    keys: set[str] = set()
    for path in sorted(data_dir.glob(HALVES_PATTERN)):
        try:
            halves = json.loads(path.read_text(encoding="utf-8"))
            stems, check = list(halves.get("files", [])), list(halves.get("check", []))
        except (OSError, json.JSONDecodeError, AttributeError) as exc:
            raise DatasetError(f"cannot read the halves file {path}: {exc}") from exc
        keys |= {f"{stem}:{item_id}" for stem in stems for item_id in check}
    return keys


def split(data_dir: Path) -> dict[str, Any]:
    """The manifest for the labelled files in ``data_dir``."""
    items = gather(data_dir)
    kept, removed, related = deduplicate(items)
    cutoff = TEST_CUTOFF
    index = {item.key: i for i, item in enumerate(items)}
    strictest: dict[int, int] = {}
    for item in kept:
        root = related.find(index[item.key])
        strictest[root] = max(strictest.get(root, 0), _wanted_split(item, cutoff))
    splits: dict[str, list[str]] = {name: [] for name in SPLITS}
    hold = held_back(data_dir)
    for item in kept:
        if item.key not in hold:
            splits[SPLITS[strictest[related.find(index[item.key])]]].append(item.key)
    files = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        for path in labelled_files(data_dir)
    }
    return {
        "version": 1,
        "made_by": "wirewatch classify-split",
        "rule": (
            f"test: dated on/after {cutoff} or outlet bucket < {TEST_OUTLETS}; dev: outlet "
            f"bucket < {TEST_OUTLETS + DEV_OUTLETS}; train: the rest; related items "
            f"(shingle Jaccard >= {RELATED}) share the strictest split"
        ),
        "date_cutoff": cutoff,
        "files": files,
        "counts": {name: len(keys) for name, keys in splits.items()},
        "duplicates_removed": dict(sorted(removed.items())),
        "held_back": sorted(hold & {item.key for item in kept}),
        "splits": splits,
    }


def write_manifest(manifest: dict[str, Any], path: Path) -> None:
    text = json.dumps(manifest, indent=1, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def load_split(data_dir: Path, manifest_path: Path | None = None) -> dict[str, list[Item]]:
    """The items of each split, as the manifest lists them (unknown keys are an error)."""
    path = manifest_path or data_dir / MANIFEST_NAME
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DatasetError(f"cannot read the split manifest {path}: {exc}") from exc
    by_key = {item.key: item for item in gather(data_dir)}
    out: dict[str, list[Item]] = {}
    for name in SPLITS:
        keys = manifest["splits"].get(name, [])
        missing = [k for k in keys if k not in by_key]
        if missing:
            raise DatasetError(
                f"{path}: {len(missing)} {name} item(s) not in the data files (e.g. "
                f"{missing[0]}); rerun `wirewatch classify-split`"
            )
        out[name] = [by_key[k] for k in keys]
    return out
