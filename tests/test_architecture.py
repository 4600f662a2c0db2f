"""The import rules of docs/ARCHITECTURE.md, read from the code itself (no exception list):

* across packages only downward: desktop → codebook, transcribe; codebook → transcribe; nothing back;
* no Qt in transcribe/ or codebook/;
* no import loop inside a package, counting every import: at module top, inside functions,
  under ``if TYPE_CHECKING``;
* no private name (``_x``) imported from another module.

And the headless subcommands of ``mosahebeh`` never import Qt (each is run in its own process).
"""
from __future__ import annotations

import ast
import csv
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("transcribe", "codebook", "desktop")  # each may import only those before it
QT = ("PySide6", "shiboken6")


# -- reading the imports ---------------------------------------------------------------------------


def modules(root: Path) -> dict[str, Path]:
    """Every module of the packages under ``root``: dotted name → file."""
    found = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """What module ``name`` imports, anywhere in it: modules of the packages (resolved to the
    module a name comes from) and top-level names of everything else."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = name.split(".") if is_package else name.split(".")[:-1]
                here = here[:len(here) - (node.level - 1)]
                base = ".".join(here + ([base] if base else []))
            # ``from pkg import mod`` imports the module pkg.mod; ``from mod import Name`` imports mod
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for target in targets:
            while target not in known and "." in target:
                target = target.rsplit(".", 1)[0]
            if target != name:
                out.add(target)
    return out


def graph(root: Path) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imports(name, path, known) for name, path in known.items()}


def wrong_arrows(edges: dict[str, set[str]]) -> list[str]:
    """Imports against the layering: a package importing one after it, or Qt below desktop/."""
    rank = {p: i for i, p in enumerate(PACKAGES)}
    wrong = []
    for source, targets in sorted(edges.items()):
        mine = source.split(".")[0]
        for target in sorted(targets):
            top = target.split(".")[0]
            if top in rank and rank[top] > rank[mine]:
                wrong.append(f"{source} → {target}")
            if top in QT and mine != "desktop":
                wrong.append(f"{source} → {target} (Qt belongs to desktop/ only)")
    return wrong


def loops(edges: dict[str, set[str]]) -> list[list[str]]:
    """Import loops among the modules of one package (strongly connected components, Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in edges or w.split(".")[0] != v.split(".")[0]:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def private_imports(root: Path) -> list[str]:
    """``from module import _name`` of a private name of another module of the packages."""
    known = modules(root)
    found = []
    for name, path in sorted(known.items()):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in PACKAGES:
                found += [f"{name}: from {node.module} import {a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    return found


# -- the rules, on this code ------------------------------------------------------------------------


def test_every_import_goes_down_the_layers():
    assert wrong_arrows(graph(ROOT)) == []


def test_no_import_loop_inside_a_package():
    assert loops(graph(ROOT)) == []


def test_no_private_name_is_imported_from_another_module():
    assert private_imports(ROOT) == []


# -- the checker finds what it should (else the two tests above could never fail) ----------------


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_the_checker_sees_back_arrows_qt_and_loops_also_inside_functions(tmp_path):
    _tree(tmp_path, {
        "transcribe/__init__.py": "",
        "transcribe/audio.py": "def f():\n    from codebook.study import Study\n",      # back, in a function
        "codebook/__init__.py": "",
        "codebook/study.py": "from codebook import codes\n",
        "codebook/codes.py": "def f():\n    from .study import Study\n",               # a loop, relative
        "codebook/plot.py": "from PySide6.QtGui import QImage\n",                         # Qt below desktop
        "desktop/__init__.py": "",
        "desktop/app.py": "import codebook.study\nfrom desktop import window\n",
        "desktop/window.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from desktop.app import X\n",
        "desktop/view.py": "from desktop.window import _helper\n",                        # a private name
    })
    edges = graph(tmp_path)
    assert edges["codebook.codes"] == {"codebook.study"}
    assert wrong_arrows(edges) == ["codebook.plot → PySide6 (Qt belongs to desktop/ only)",
                                   "transcribe.audio → codebook.study"]
    assert loops(edges) == [["codebook.codes", "codebook.study"], ["desktop.app", "desktop.window"]]
    assert private_imports(tmp_path) == ["desktop.view: from desktop.window import _helper"]


# -- headless subcommands never import Qt ---------------------------------------------------------


def _commands() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from desktop.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


# Runs the command in-process, then reports on stdout whether Qt was imported at exit.
_WRAPPER = ("import sys, runpy\n"
            "sys.argv = ['mosahebeh'] + sys.argv[1:]\n"
            "try:\n"
            "    runpy.run_module('desktop', run_name='__main__')  # python -m desktop, i.e. mosahebeh\n"
            "except SystemExit as exc:\n"
            "    code = exc.code\n"
            "else:\n"
            "    code = 0\n"
            "print('QT-LOADED' if any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules) else 'NO-QT')\n"
            "sys.exit(code)\n")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**__import__("os").environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)  # a headless command must not need a display at all
    return subprocess.run([sys.executable, "-c", _WRAPPER, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=240)


def _no_qt(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("NO-QT"), result.stdout[-500:]


def test_the_qt_check_sees_qt(tmp_path):
    probe = "import sys\nimport PySide6.QtCore\n" + _WRAPPER.splitlines()[-2] + "\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "QT-LOADED", out.stderr


def test_every_subcommand_help_runs_without_qt(tmp_path):
    commands = _commands()
    assert {"export", "import", "saturation", "wer", "new", "transcribe", "record"} <= set(commands)
    for command in commands:
        _no_qt(_run(command, "--help", cwd=tmp_path))


def test_headless_commands_run_for_real_without_qt(tmp_path):
    rows = [["interview", "code"], ["1", "a"], ["1", "b"], ["2", "a"], ["2", "c"], ["3", "a"], ["4", "b"]]
    with open(tmp_path / "codes.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    _no_qt(_run("saturation", "--incidence", "codes.csv", "--base", "2", "--run", "1", cwd=tmp_path))
    (tmp_path / "ref.txt").write_text("سلام دنیا خوب", encoding="utf-8")
    (tmp_path / "hyp.txt").write_text("سلام دنیای خوب", encoding="utf-8")
    _no_qt(_run("wer", "ref.txt", "hyp.txt", cwd=tmp_path))
    _no_qt(_run("new", "s", cwd=tmp_path))
    study = tmp_path / "s.mosahebeh"
    _no_qt(_run("export", "--study", str(study), "--format", "qdpx", "--out", "s.qdpx", cwd=tmp_path))
    _no_qt(_run("import", "--study", "t", "s.qdpx", cwd=tmp_path))  # a new study, through codebook.exchange
    assert (tmp_path / "t.mosahebeh" / "study.db").is_file()


@pytest.mark.parametrize("module", ["codebook.saturation", "codebook.dates"])
def test_pure_codebook_modules_import_without_the_store_library(module):
    code = f"import sys, {module}; print('sqlite_utils' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
