"""The shape of the source tree a newcomer reads: no import cycle among the game's modules and no
module over 600 lines (issue 15). It reads the checkout's files (tests/../game), not the installed
game: the shape is a property of the source."""
from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "game"
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    """Every module of the game by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(GAME.rglob("*.py")):
        parts = path.relative_to(GAME.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _absolute(node: ast.ImportFrom, package: str) -> str | None:
    """The module a `from ... import` names, a relative one (`from .x import y`) read from
    `package`, the package of the file it is in."""
    if not node.level:
        return node.module
    parts = package.split(".")[:len(package.split(".")) - node.level + 1]
    return ".".join(parts + ([node.module] if node.module else []))


def _imports(tree: ast.AST, modules: dict[str, Path], package: str = "game") -> set[str]:
    """The game modules a file imports anywhere (inside functions too), except under
    `if TYPE_CHECKING:`. `from game.x import y` imports game.x.y when that is a module, else
    game.x; `package` is the file's package, for relative imports."""
    found: set[str] = set()
    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and _absolute(node, package) in modules:
            module = _absolute(node, package)
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                found.add(submodule if submodule in modules else module)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = _imports(tree, modules, package) - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:
        # iterative, so a long chain of imports cannot hit the recursion limit
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(groups)


def _loop(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """One shortest way round from the group's first module back to it, within the group."""
    start = group[0]
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node] & set(group)):
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if target not in came_from:
                    came_from[target] = node
                    following.append(target)
        frontier = following
    return group


def test_the_cycle_finder_finds_a_cycle_and_only_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _loop(graph, ["a", "b", "c"]) == ["a", "b", "c", "a"]
    assert _cycles({"a": {"b"}, "b": set()}) == []
    two = {"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c", "a"}}
    assert _cycles(two) == [["a", "b"], ["c", "d"]]


def test_imports_count_inside_functions_but_not_for_type_checking():
    modules = {name: Path() for name in ("game", "game.a", "game.b", "game.c", "game.pkg",
                                         "game.pkg.m")}
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from game.c import Thing\n"
        "def f():\n    import game.a\n"
        "from game.pkg import m, helper\n"
        "from game.b import x\n")
    assert _imports(tree, modules) == {"game.a", "game.b", "game.pkg", "game.pkg.m"}
    relative = ast.parse("from . import m\nfrom .. import b\nfrom ..c import Thing\n")
    assert _imports(relative, modules, "game.pkg") == {"game.pkg.m", "game.b", "game.c"}


def test_the_source_tree_is_found():
    assert (GAME / "__main__.py").is_file()
    assert len(_modules()) > 50


def test_no_import_cycle_among_the_games_modules():
    graph = _import_graph()
    cycles = _cycles(graph)
    assert not cycles, "modules that import each other (directly or round a loop):\n" + "\n".join(
        f"{', '.join(group)} (for one: {' -> '.join(_loop(graph, group))})" for group in cycles)


def test_no_module_over_600_lines():
    too_long = {name: len(path.read_text(encoding="utf-8").splitlines())
                for name, path in _modules().items()}
    too_long = {name: lines for name, lines in too_long.items() if lines > MAX_LINES}
    assert not too_long, f"modules over {MAX_LINES} lines: " + ", ".join(
        f"{name} ({lines})" for name, lines in sorted(too_long.items()))
