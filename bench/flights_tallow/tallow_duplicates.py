"""Duplicate check for a labelled flights file against every stored labelled item.

Compares each item of the file given (default tests/data/flights_tallow.jsonl) with every
``*.jsonl`` under ``tests/`` of main and of every other worktree under /work/wt: normalised
link, folded title, and word 3-gram Jaccard of title + summary (hit at 0.5 or more). Also
reports the highest overlap within the file. Reads text only; never extracts anything.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parents[2]
ROOTS = [Path("/work/main/tests"), *sorted(Path("/work/wt").glob("*/tests"))]
THRESHOLD = 0.5


def fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain))


def norm_link(link: str) -> str:
    link = link.strip().lower().split("#")[0].split("?")[0]
    link = re.sub(r"^https?://(www\.|m\.|amp\.)?", "", link)
    return link.rstrip("/")


def grams(text: str) -> frozenset[tuple[str, ...]]:
    words = fold(text).split()
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def stored(own: Path) -> Iterator[tuple[str, dict[str, object]]]:
    seen: set[Path] = set()
    for root in ROOTS:
        for path in sorted(root.rglob("*.jsonl")):
            real = path.resolve()
            if real == own or path.name == own.name or real in seen:
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


def load(own: Path) -> list[Mine]:
    rows = [json.loads(line) for line in own.read_text(encoding="utf-8").splitlines() if line]
    return [(r, norm_link(str(r["link"])), fold(str(r["title"])), grams(text_of(r))) for r in rows]


def reasons(item: Mine, link: str, title: str, score: float) -> list[str]:
    why = []
    if link and link == item[1]:
        why.append("link")
    if title and title == item[2]:
        why.append("title")
    if score >= THRESHOLD:
        why.append(f"jaccard {score:.3f}")
    return why


def against_stored(own: Path, mine: list[Mine]) -> tuple[int, int, tuple[float, str, str]]:
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
    own = Path(argv[1] if len(argv) > 1 else HERE / "tests/data/flights_tallow.jsonl").resolve()
    mine = load(own)
    hits, files, best = against_stored(own, mine)
    inner = within(mine)
    print(f"{len(mine)} items against {files} files: {hits} hits")
    print(f"highest stored overlap {best[0]:.3f} ({best[1]} vs {best[2]})")
    print(f"highest overlap within the file {inner[0]:.3f} ({inner[1]} vs {inner[2]})")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
