"""Dependencies point one way: gui/cli -> services -> store/reports -> domain; Qt only in gui."""

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
