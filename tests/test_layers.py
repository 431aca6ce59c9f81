"""Dependencies point one way: gui/cli -> services -> store/reports -> domain; Qt only in gui;
and no two modules of ours import each other, even through others or inside functions."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "seminar_desk"
ALLOWED = {
    "domain": set(),
    "store": {"domain"},
    "reports": {"domain"},
    "services": {"domain", "store", "reports"},
    "cli": {"domain", "services"},
    "gui": {"domain", "services"},
}
TOP_LEVEL = {"paths", "__init__"}  # small modules any layer may use
# Exceptions, each for a reason: the command starts the window; errors are plain types.
EXCEPTIONS = {("cli/main.py", "seminar_desk.gui.app")}
ANY_LAYER = {"seminar_desk.store.errors"}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    bad = []
    for path in (PACKAGE / layer).rglob("*.py"):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "PySide6" and layer != "gui":
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if parts[0] != "seminar_desk" or len(parts) < 2:
                continue
            target = parts[1]
            where = str(path.relative_to(PACKAGE))
            if (where, name) in EXCEPTIONS or name in ANY_LAYER:
                continue
            if target != layer and target not in ALLOWED[layer] | TOP_LEVEL:
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert bad == []


def test_only_the_store_touches_sqlite_files() -> None:
    """Opening, checking, copying and salvaging SQLite files is the store's work (storage
    chores in the store): no other layer imports sqlite3, not even for its exceptions."""
    bad = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "store" and "sqlite3" in _imports(path)
    ]
    assert bad == []


def _module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(path: Path, modules: set[str], root: Path = PACKAGE) -> set[str]:
    """Our modules that `path` imports when it runs: at the top AND inside functions (a lazy
    import still ties the two modules together, it only delays the knot), but not the imports
    under `if TYPE_CHECKING:`, which never run."""
    me = _module_name(path, root)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for stmt in node.body
        for inner in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]  # a submodule?
        else:
            continue
        found.update(n for n in names if n in modules and n != me)
    return found


def _import_graph() -> dict[str, set[str]]:
    # Migration scripts are loaded by Alembic from files, never imported by name.
    paths = [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _runtime_imports(p, modules) for p in paths}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle_between_our_modules() -> None:
    assert _circles(_import_graph()) == []


def test_the_circle_finder_finds_circles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _circles(graph) == [["a", "b", "c"]]


def test_lazy_imports_count_and_typing_only_ones_do_not(tmp_path: Path) -> None:
    root = tmp_path / "seminar_desk"
    (root / "store").mkdir(parents=True)
    module = root / "store" / "database.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import lock\n"
        "if TYPE_CHECKING:\n"
        "    from seminar_desk.gui import window\n"
        "def open():\n"
        "    from seminar_desk.store.migrate import migrate\n",
        encoding="utf-8",
    )
    ours = {"seminar_desk.store.lock", "seminar_desk.store.migrate", "seminar_desk.gui.window"}
    assert _runtime_imports(module, ours, root) == {
        "seminar_desk.store.lock",
        "seminar_desk.store.migrate",
    }


def test_no_module_imports_another_modules_private_names() -> None:
    """A helper another module needs is made public where it lives (one room per rule), not
    taken as `from x import _helper`."""
    taken = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            ours = node.level > 0 or (node.module or "").split(".")[0] == "seminar_desk"
            for alias in node.names if ours else ():
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    taken.append(f"{path.relative_to(PACKAGE)}: {node.module}.{alias.name}")
    assert taken == []


MAX_LINES = 500
MAX_MODULES = 12


def test_modules_and_folders_stay_small() -> None:
    """No code file over 500 lines (migrations aside: frozen history) and no folder of more
    than 12 modules, so each rule has a room a newcomer can find."""
    long = []
    for path in PACKAGE.rglob("*.py"):
        where = str(path.relative_to(PACKAGE))
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if "migrations" not in path.parts and lines > MAX_LINES:
            long.append(f"{where}: {lines} lines")
    crowded = []
    for folder in [PACKAGE, *(p for p in PACKAGE.rglob("*") if p.is_dir())]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        if len(modules) > MAX_MODULES and "versions" not in folder.parts:
            crowded.append(f"{folder.relative_to(PACKAGE.parent)}: {len(modules)} modules")
    assert long == [] and crowded == []
