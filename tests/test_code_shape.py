"""Readable units: no function of the product code is longer than 60 lines, and no block
is rated worse than C by radon (issue 10).

ruff's C901 (McCabe ≤ 20) in pyproject.toml catches most branching while editing, but radon
also counts boolean operators, so its grade is checked here; length has no ruff rule, so it
is measured on the syntax tree.
"""

from __future__ import annotations

import ast
from pathlib import Path

from radon.complexity import cc_rank, cc_visit

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("services", "shared", "src")
MAX_LINES = 60


def _product_files() -> list[Path]:
    return [path for top in PRODUCT for path in sorted((ROOT / top).rglob("*.py"))]


def _long_functions() -> list[str]:
    found = []
    for path in _product_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    where = path.relative_to(ROOT)
                    found.append(f"{where}:{node.lineno} {node.name} ({lines} lines)")
    return found


def _blocks_worse_than_c() -> list[str]:
    found = []
    for path in _product_files():
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if cc_rank(block.complexity) > "C":
                where = path.relative_to(ROOT)
                found.append(f"{where}:{block.lineno} {block.name} ({block.complexity})")
    return found


def test_no_function_is_longer_than_sixty_lines() -> None:
    assert _long_functions() == []


def test_no_radon_block_is_worse_than_c() -> None:
    assert _blocks_worse_than_c() == []


def test_the_measures_see_code_at_all() -> None:
    """The walk reaches the product code (an empty tree would pass the tests above), and
    radon grades a deeply branching function D or worse."""
    assert len(_product_files()) > 100
    branches = "".join(f"    if x == {n} and y:\n        return {n}\n" for n in range(25))
    (block,) = cc_visit(f"def f(x, y):\n{branches}    return 0\n")
    assert cc_rank(block.complexity) > "C"
