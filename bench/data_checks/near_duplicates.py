"""Near-duplicate check of newly gathered labelled files against every stored labelled item.

    .venv/bin/python bench/data_checks/near_duplicates.py tests/data/NEW.jsonl [more files]

Compares each item of the files given with every ``*.jsonl`` under this checkout's ``tests/``
and, while helpers gather in parallel, under ``NEAR_DUPLICATE_ROOTS`` (more ``tests``
folders, separated by ``:``): normalised link, folded title, and word 3-gram Jaccard of title
+ summary (hit at 0.5 or more). Also reports the highest overlap within the new set. Reads
text only and prints ids only (never a stored item's text, so judge files stay unread); runs
no classifier, clusterer or extractor. Used for the stop-35 judges (stories_tinder,
classify_pool_ember, flights_tallow: 0 hits each).
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

HERE = Path(__file__).resolve().parents[2]
ROOTS = [
    HERE / "tests",
    *(Path(p) for p in os.environ.get("NEAR_DUPLICATE_ROOTS", "").split(":") if p),
]
THRESHOLD = 0.5


def fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain))


# Query parameters that only track a visit; any other parameter can name the article itself
# (news_view.htm?Seq_Code=95231, ?p=123), so it stays part of the link.
TRACKING = re.compile(r"^(utm_\w+|mc_\w+|fbclid|gclid|ocid|cmpid|ref|src|source|output\w*)$")


def norm_link(link: str) -> str:
    parts = urlsplit(link.strip().lower())
    query = urlencode(sorted(p for p in parse_qsl(parts.query) if not TRACKING.match(p[0])))
    bare = re.sub(r"^(www\.|m\.|amp\.)", "", parts.netloc) + parts.path.rstrip("/")
    return f"{bare}?{query}" if query else bare


def grams(text: str) -> frozenset[tuple[str, ...]]:
    words = fold(text).split()
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def stored(own: set[str]) -> Iterator[tuple[str, dict[str, object]]]:
    seen: set[Path] = set()
    for root in ROOTS:
        for path in sorted(root.rglob("*.jsonl")):
            real = path.resolve()
            if path.name in own or real in seen:
                continue
            seen.add(real)
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(row, dict):
                    yield f"{path}:{row.get('id')}", row


def text_of(row: dict[str, object]) -> str:
    return f"{row.get('title') or ''} {row.get('summary') or row.get('text') or ''}"


Mine = tuple[dict[str, object], str, str, frozenset[tuple[str, ...]]]


def load(paths: list[Path]) -> list[Mine]:
    rows = [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    return [
        (r, norm_link(str(r.get("url") or r.get("link"))), fold(str(r["title"])), grams(text_of(r)))
        for r in rows
    ]


def reasons(item: Mine, link: str, title: str, score: float) -> list[str]:
    why = []
    if link and link == item[1]:
        why.append("link")
    if title and title == item[2]:
        why.append("title")
    if score >= THRESHOLD:
        why.append(f"jaccard {score:.3f}")
    return why


def against_stored(own: set[str], mine: list[Mine]) -> tuple[int, int, tuple[float, str, str]]:
    hits, files, best = 0, set(), (0.0, "", "")
    for where, row in stored(own):
        files.add(where.rsplit(":", 1)[0])
        link = norm_link(str(row.get("link") or row.get("url") or ""))
        title, other = fold(str(row.get("title") or "")), grams(text_of(row))
        for item in mine:
            score = jaccard(item[3], other)
            best = max(best, (score, str(item[0]["id"]), where))
            why = reasons(item, link, title, score)
            if why:
                hits += 1
                print(f"HIT {item[0]['id']} {'+'.join(why)} {where}")
    return hits, len(files), best


def within(mine: list[Mine]) -> tuple[float, str, str]:
    pairs = ((a, b) for i, a in enumerate(mine) for b in mine[i + 1 :])
    scored = ((jaccard(a[3], b[3]), str(a[0]["id"]), str(b[0]["id"])) for a, b in pairs)
    return max(scored, default=(0.0, "", ""))


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    paths = [Path(name).resolve() for name in argv[1:]]
    mine = load(paths)
    hits, files, best = against_stored({path.name for path in paths}, mine)
    inner = within(mine)
    print(f"{len(mine)} items against {files} files: {hits} hits")
    print(f"highest stored overlap {best[0]:.3f} ({best[1]} vs {best[2]})")
    print(f"highest overlap within the set {inner[0]:.3f} ({inner[1]} vs {inner[2]})")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
