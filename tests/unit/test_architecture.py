"""The package's shape: sub-packages named for the stages, imports that point one way, no cycle.

Every import is read, at module level and inside functions (docs/architecture.md draws the same stages).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator"

# Lower ranks are imported by higher ones, never the other way.  Stages of the same rank do not import each
# other, except where ALLOWED names it.
RANKS = {
    "util": 0,
    "errors": 0,
    "markup": 1,
    "content": 2,
    "settings": 3,
    "pictures": 4,
    "views": 5,
    "site": 6,
    "exports": 6,
    "pdf": 6,
    "search": 6,
    "editorial": 6,
    "ingest": 6,
    "project": 7,
    "pipeline": 8,
    "serve": 9,
    "daemon": 9,
    "plugin": 9,
    "cli": 10,
}
# The site's Data page documents the exports: it reads their catalogue (generator/exports/pages.py).
ALLOWED = {("site", "exports")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def imported(module: str, path: Path) -> set[str]:
    """Every module of the package that ``module`` imports, anywhere in its file."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


GRAPH = {module: imported(module, path) for module, path in MODULES.items()}


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "generator"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_counting_imports_inside_functions():
    assert cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_module_belongs_to_a_known_stage():
    unknown = sorted({stage(m) for m in MODULES} - set(RANKS) - {"generator"})
    assert unknown == [], "add the new stage to RANKS here and to docs/architecture.md"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_point_down_the_stages(module):
    here = stage(module)
    if here == "generator":  # generator/__init__.py: the version only
        assert GRAPH[module] == set()
        return
    wrong = [
        other
        for other in sorted(GRAPH[module])
        if stage(other) != here
        and stage(other) != "generator"
        and (
            RANKS[stage(other)] > RANKS[here]
            or (RANKS[stage(other)] == RANKS[here] and (here, stage(other)) not in ALLOWED)
        )
    ]
    assert wrong == [], f"{module} imports from a stage above or beside it"


def test_sub_packages_name_the_stages_and_the_top_stays_small():
    sub_packages = [p for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()]
    top_modules = list(PACKAGE.glob("*.py"))
    assert len(sub_packages) >= 5
    assert len(top_modules) <= 10, sorted(p.name for p in top_modules)
