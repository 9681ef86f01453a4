"""The shape of the code base: stages as packages whose imports point one way (down the
pipeline), no import cycles, and no module or function too long to read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tidings"

# Lower layers never import higher ones. Stages are in pipeline order; scale and web sit on
# top of the stages they use; cli and pipeline wire everything.
LAYERS: list[set[str]] = [
    {"records", "config", "progress", "__init__"},
    {"knowledge"},
    {"sources"},
    {"coder"},
    {"enrich"},
    {"store"},
    {"scale", "web"},
    {"pipeline", "cli"},
]
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(("tidings", *parts)).removesuffix(".__init__")
        out[name] = path
    return out


def _imports(path: Path, name: str) -> set[str]:
    """Every tidings module ``path`` imports, at any depth of its code."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tidings"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            if base.startswith("tidings"):
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {name: {m for m in _imports(path, name) if m in mods and m != name}
            for name, path in mods.items()}


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else "__init__"
    for i, layer in enumerate(LAYERS):
        if top in layer:
            return i
    raise AssertionError(f"{module}: in no layer of tests/test_architecture.py")


def test_every_module_belongs_to_a_layer() -> None:
    for module in _modules():
        _layer(module)


def test_imports_point_down_the_pipeline() -> None:
    upward = [f"{a} imports {b}" for a, deps in _graph().items() for b in deps
              if _layer(b) > _layer(a)]
    assert upward == []


def test_no_import_cycles() -> None:
    graph = _graph()
    # A package's __init__ is not an edge of the graph of its own submodules.
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if node.startswith(dep + ".") or dep.startswith(node + "."):
                continue
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep):], dep])
            elif dep not in state:
                visit(dep, [*stack, dep])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_modules_and_functions_stay_readable(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_MODULE_LINES, f"{path.name}: over {MAX_MODULE_LINES} lines"
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and (node.end_lineno or 0) - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []


def test_sentence_rules_are_listed_once_with_names_and_docs() -> None:
    from tidings.coder.events.sentence_rules import SENTENCE_RULES, active_rules

    names = [r.name for r in SENTENCE_RULES]
    assert len(names) == len(set(names))
    assert all(r.doc for r in SENTENCE_RULES)
    assert [r.name for r in active_rules(frozenset({"sport"}))] == \
        [n for n in names if n != "sport"]
    with pytest.raises(ValueError, match="unknown"):
        active_rules(frozenset({"no_such_rule"}))
