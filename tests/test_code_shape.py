"""Readable units: no function of the product code is longer than 60 lines.

Branching is bounded by ruff's C901 (McCabe ≤ 20, radon's grade C) in pyproject.toml;
length has no ruff rule, so it is measured here on the syntax tree.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("services", "shared", "src")
MAX_LINES = 60


def _long_functions() -> list[str]:
    found = []
    for top in PRODUCT:
        for path in sorted((ROOT / top).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    assert node.end_lineno is not None
                    lines = node.end_lineno - node.lineno + 1
                    if lines > MAX_LINES:
                        where = path.relative_to(ROOT)
                        found.append(f"{where}:{node.lineno} {node.name} ({lines} lines)")
    return found


def test_no_function_is_longer_than_sixty_lines() -> None:
    assert _long_functions() == []


def test_the_measure_sees_functions_at_all() -> None:
    """The walk reaches the product code (an empty tree would pass the test above)."""
    files = [p for top in PRODUCT for p in (ROOT / top).rglob("*.py")]
    assert len(files) > 100
