"""Where errors are worded: every ``XError("template", name=value)`` of the code, found by reading the source (ast).

An error class is *worded* when it derives from :class:`transcribe.errors.WordedError` (a sentence
that is not an error: :class:`codebook.worded.WordedText`)
(found by name across the scanned folders, so new subclasses count). Each call of
such a class is a *site*; its first argument is the English template:

* a string literal (or a module-level constant holding one): the template, checked against the catalogs;
* an f-string: a mistake — the values must be keyword arguments, not pasted in;
* anything else (``exc.template`` of a re-raised error, a sentence built elsewhere): *dynamic*, listed apart.

``python -m desktop.messages.sites`` prints the templates with no Persian entry,
the entries whose placeholders differ, the f-string sites and the orphans: run it on
new code before adding its Persian (no Qt is imported).
"""
from __future__ import annotations

import ast
import string
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("codebook", "transcribe", "desktop")
BASE = "WordedError"
BASES = {BASE, "WordedText"}  # errors, and sentences that are not errors (codebook.worded)


@dataclass
class Site:
    """One construction of a worded error."""

    path: Path
    line: int
    cls: str
    template: str | None  # None: an f-string or a dynamic first argument
    kind: str  # "literal", "fstring" or "dynamic"
    keywords: set[str] = field(default_factory=set)
    has_star_kwargs: bool = False

    def where(self) -> str:
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}"


def python_files(folders: Iterable[str | Path] = FOLDERS, root: Path = ROOT) -> list[Path]:
    out: list[Path] = []
    for folder in folders:
        base = Path(folder) if Path(folder).is_absolute() else root / folder
        out += sorted(p for p in base.rglob("*.py") if ".venv" not in p.parts)
    return out


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def worded_classes(trees: Iterable[ast.Module]) -> set[str]:
    """Names of the classes deriving (directly or not) from WordedError."""
    trees = list(trees)
    names, grew = set(BASES), True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    if any(_name(b) in names for b in node.bases):
                        names.add(node.name)
                        grew = True
    return names


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "literal"`` assignments."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def _module_name(path: Path) -> str:
    try:
        return ".".join(path.resolve().relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    except ValueError:
        return path.stem


def _literal(node: ast.expr, consts: dict[str, str]) -> str | None:
    """A string the expression always is: a literal, a known constant, or ``+`` of those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return consts.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left, consts), _literal(node.right, consts)
        return None if left is None or right is None else left + right
    return None


def sites(files: Iterable[Path] | None = None) -> Iterator[Site]:
    """Every construction of a worded error in ``files`` (default: codebook/, transcribe/, desktop/).

    A class imported under another name (``import StudyError as SE``) and a template held in a
    constant of this module or imported from another (``from codebook.jobs import BUSY``) are followed."""
    paths = list(files or python_files())
    parsed = [(p, ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in paths]
    core_paths = python_files(("codebook", "transcribe"))
    core = [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in core_paths]
    classes = worded_classes([t for _, t in parsed] + [t for _, t in core])
    module_consts = {_module_name(p): _constants(t) for p, t in core + parsed}
    for path, tree in parsed:
        consts = dict(_constants(tree))
        aliases: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    if alias.name in classes and alias.asname:
                        aliases.add(alias.asname)
                    value = module_consts.get(node.module, {}).get(alias.name)
                    if value is not None:
                        consts.setdefault(alias.asname or alias.name, value)
        known = classes | aliases
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in known and _name(node.func) != BASE):
                continue
            if isinstance(node.func, ast.Attribute) and node.func.attr == "__init__":
                continue
            keywords = {k.arg for k in node.keywords if k.arg}
            star = any(k.arg is None for k in node.keywords)
            cls = _name(node.func) or "?"
            if not node.args:
                continue  # no sentence (a class used as a signal)
            first = node.args[0]
            template = _literal(first, consts)
            if template is not None:
                yield Site(path, node.lineno, cls, template, "literal", keywords, star)
            elif isinstance(first, ast.JoinedStr) or (isinstance(first, ast.BinOp) and any(
                    isinstance(n, ast.JoinedStr) for n in ast.walk(first))):
                yield Site(path, node.lineno, cls, None, "fstring", keywords, star)
            else:
                yield Site(path, node.lineno, cls, None, "dynamic", keywords, star)


def fields(template: str) -> set[str]:
    """The placeholder names of a template (``{path}``, ``{n:,}`` → path, n); raises ValueError on a bad template."""
    out = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            out.add(name.split(".")[0].split("[")[0])
    return out


def problems(catalog: dict[str, str], found: list[Site] | None = None) -> dict[str, list[str]]:
    """What the catalog lacks for the code, and the reverse: keys ``missing``, ``placeholders``,
    ``keywords`` (a template whose placeholders the call does not pass), ``fstring``, ``orphan``."""
    found = list(sites()) if found is None else found
    out: dict[str, list[str]] = {k: [] for k in ("missing", "placeholders", "keywords", "fstring", "orphan")}
    used: set[str] = set()
    for site in found:
        if site.kind == "fstring":
            out["fstring"].append(f"{site.where()}: {site.cls}(f\"…\"): pass the values as keywords")
            continue
        if site.template is None:
            continue
        used.add(site.template)
        try:
            wanted = fields(site.template)
        except ValueError as exc:
            out["placeholders"].append(f"{site.where()}: bad template {site.template!r} ({exc})")
            continue
        if wanted and not site.has_star_kwargs and not wanted <= site.keywords:
            out["keywords"].append(f"{site.where()}: {sorted(wanted - site.keywords)} not passed for {site.template!r}")
        if site.template not in catalog:
            out["missing"].append(f"{site.where()}: {site.template!r}")
            continue
        try:
            theirs = fields(catalog[site.template])
        except ValueError as exc:
            out["placeholders"].append(f"{site.where()}: bad translation of {site.template!r} ({exc})")
            continue
        if theirs != wanted:
            out["placeholders"].append(f"{site.where()}: {site.template!r} has {sorted(wanted)}, the translation {sorted(theirs)}")
    out["orphan"] = sorted(repr(k) for k in catalog if k not in used)
    return out


def main(argv: list[str] | None = None) -> int:
    from desktop.messages import catalog

    found = problems(catalog("fa"))
    for kind, lines in found.items():
        for line in lines:
            print(f"{kind}: {line}")
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
