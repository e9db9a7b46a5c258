"""Mutation score of the print geometry: how many small bugs the tests catch.

A small AST mutator of our own (no mutmut: it rewrites the package in place and
runs the whole suite per mutant). Each mutant changes one thing in one module:

- a comparison flipped at its boundary (``<`` <-> ``<=``, ``>`` <-> ``>=``,
  ``==`` <-> ``!=``, ``in`` <-> ``not in``, ``is`` <-> ``is not``);
- ``+`` <-> ``-``, ``*`` <-> ``/``, ``//`` -> ``/``;
- a number constant +1, -1 or 0;
- ``return x`` -> ``return None``;
- a statement dropped (replaced by ``pass``).

Modules: render/imposition.py, render/tiling.py, render/marks.py,
render/page_plan.py, core/units.py and a sample of core/layout_flow.py. The
package and its tests are copied to a temporary folder once; a parent process
imports pytest and the heavy libraries once and forks a child per mutant that
writes the mutated module, runs the module's fast tests with ``-x`` and reports
failed (killed), passed (survived) or ran past the time limit (timeout).
Docstrings, ``__all__`` and annotations are never mutated.

Run: python benchmarks/bench_mutation.py [--max 300] [--seed 10] [--timeout 60]
                                         [--module marks] [--list-survivors]
Prints killed / survived / timeout per module, the score, and every survivor
(module:line, what changed). The accepted equivalent survivors are listed in
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RENDER_TESTS = ["tests/render/test_imposition.py", "tests/render/test_tiling.py", "tests/render/test_page_plan.py"]
#: module (package-relative) -> the fast tests that pin it
TARGETS: dict[str, list[str]] = {
    "personadesigner/render/marks.py": RENDER_TESTS,
    "personadesigner/render/imposition.py": RENDER_TESTS,
    "personadesigner/render/tiling.py": RENDER_TESTS,
    "personadesigner/render/page_plan.py": RENDER_TESTS + ["tests/render/test_export.py"],
    "personadesigner/core/units.py": ["tests/core/test_units.py"] + RENDER_TESTS,
    "personadesigner/core/layout_flow.py": [
        "tests/core/test_layout.py",
        "tests/core/test_layout_cuts.py",
        "tests/core/test_layout_optional.py",
    ],
}
#: How many of layout_flow.py's mutants are sampled (it is a sample, not a target of 85 %).
FLOW_SAMPLE = 40

FLIP = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
SWAP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div}


@dataclass(frozen=True)
class Mutant:
    module: str
    index: int  # which site, in walk order
    variant: int  # which change at that site
    line: int
    what: str


def _skipped(tree: ast.AST) -> set[int]:
    """ids of nodes never mutated: docstrings, __all__, annotations, f-string format specs."""
    skip: set[int] = set()

    def mark(node):
        for n in ast.walk(node):
            skip.add(id(n))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            mark(body[0])
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            mark(node)
        if isinstance(node, (ast.AnnAssign, ast.arg)) and node.annotation is not None:
            mark(node.annotation)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            mark(node.returns)
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            mark(node.format_spec)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mark(node)
    return skip


def _sites(tree: ast.AST):
    """(node, [descriptions of its variants]) for every mutable node, in walk order."""
    skip = _skipped(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Compare):
            yield node, [f"{type(op).__name__} -> {FLIP[type(op)].__name__}" for op in node.ops if type(op) in FLIP]
        elif isinstance(node, ast.BinOp) and type(node.op) in SWAP:
            yield node, [f"{type(node.op).__name__} -> {SWAP[type(node.op)].__name__}"]
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
            v = node.value
            yield node, [f"{v!r} -> {w!r}" for w in dict.fromkeys((v + 1, v - 1, 0 * v)) if w != v]
        elif (
            isinstance(node, ast.Return)
            and node.value is not None
            and not (isinstance(node.value, ast.Constant) and node.value.value is None)
        ):
            yield node, ["return -> return None"]
        if isinstance(node, (ast.FunctionDef, ast.For, ast.If, ast.With, ast.While, ast.Try)):
            for k, stmt in enumerate(node.body):
                if (
                    id(stmt) not in skip
                    and not isinstance(stmt, ast.Pass)
                    and not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))
                ):
                    yield ("drop", node, k), [f"drop line {stmt.lineno} ({type(stmt).__name__})"]


def mutants(module: str) -> list[Mutant]:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    found = []
    for i, (site, variants) in enumerate(_sites(tree)):
        line = site[1].body[site[2]].lineno if isinstance(site, tuple) else site.lineno
        found.extend(Mutant(module, i, v, line, what) for v, what in enumerate(variants))
    return found


def mutated_source(m: Mutant) -> str:
    tree = ast.parse((ROOT / m.module).read_text(encoding="utf-8"))
    for i, (site, _) in enumerate(_sites(tree)):
        if i != m.index:
            continue
        if isinstance(site, tuple):
            _, parent, k = site
            parent.body[k] = ast.copy_location(ast.Pass(), parent.body[k])
        elif isinstance(site, ast.Compare):
            flippable = [j for j, op in enumerate(site.ops) if type(op) in FLIP]
            j = flippable[m.variant]
            site.ops[j] = FLIP[type(site.ops[j])]()
        elif isinstance(site, ast.BinOp):
            site.op = SWAP[type(site.op)]()
        elif isinstance(site, ast.Constant):
            v = site.value
            site.value = [w for w in dict.fromkeys((v + 1, v - 1, 0 * v)) if w != v][m.variant]
        elif isinstance(site, ast.Return):
            site.value = ast.Constant(None)
        break
    return ast.unparse(ast.fix_missing_locations(tree))


# ----------------------------------------------------------------- running
def _copy_checkout(dest: Path) -> None:
    shutil.copytree(ROOT / "personadesigner", dest / "personadesigner", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", dest / "tests", ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    os.symlink(ROOT / "resources", dest / "resources")
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")


def _run_tests(work: Path, tests: list[str], timeout: float, source: tuple[Path, str] | None) -> str:
    """'killed', 'survived' or 'timeout': the tests in a forked child (imports already warm)."""
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.chdir(work)
            if source is not None:
                source[0].write_text(source[1], encoding="utf-8")
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            sys.path.insert(0, str(work))
            for name in [n for n in sys.modules if n == "personadesigner" or n.startswith("personadesigner.")]:
                del sys.modules[name]
            import pytest

            code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", *tests])
            os._exit(0 if code == 0 else 1)
        except BaseException:  # noqa: BLE001 - a mutant that breaks the import is killed
            os._exit(1)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=300, help="mutants at most (sampled evenly per module)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per mutant")
    parser.add_argument("--module", action="append", help="only modules whose path contains this")
    parser.add_argument("--count", action="store_true", help="only count the mutants")
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rng = random.Random(args.seed)
    chosen: list[Mutant] = []
    modules = [m for m in TARGETS if not args.module or any(k in m for k in args.module)]
    per_module = {m: mutants(m) for m in modules}
    flow = "personadesigner/core/layout_flow.py"
    if flow in per_module:
        per_module[flow] = rng.sample(per_module[flow], min(FLOW_SAMPLE, len(per_module[flow])))
    total = sum(len(v) for v in per_module.values())
    for found in per_module.values():
        share = len(found) if total <= args.max else max(1, round(len(found) * args.max / total))
        chosen.extend(sorted(rng.sample(found, min(share, len(found))), key=lambda m: (m.line, m.index, m.variant)))
    print(f"{len(chosen)} mutants of {total} ({', '.join(f'{Path(m).name} {len(v)}' for m, v in per_module.items())})")
    if args.count:
        return 0

    # warm imports: what every test module needs, once in the parent
    import PIL.Image  # noqa: F401
    import pytest  # noqa: F401
    import reportlab.pdfgen.canvas  # noqa: F401

    work = Path(tempfile.mkdtemp(prefix="mutation-"))
    try:
        _copy_checkout(work)
        for module in modules:
            if _run_tests(work, TARGETS[module], args.timeout * 2, None) != "survived":
                print(f"the tests of {module} fail without any mutant; fix them first")
                return 1
        results: dict[str, dict[str, int]] = {m: {"killed": 0, "survived": 0, "timeout": 0} for m in modules}
        survivors: list[Mutant] = []
        started = time.monotonic()
        for n, m in enumerate(chosen, 1):
            target = work / m.module
            original = target.read_text(encoding="utf-8")
            try:
                outcome = _run_tests(work, TARGETS[m.module], args.timeout, (target, mutated_source(m)))
            finally:
                target.write_text(original, encoding="utf-8")
            results[m.module][outcome] += 1
            if outcome == "survived":
                survivors.append(m)
            print(f"\r{n}/{len(chosen)} {time.monotonic() - started:.0f} s", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{'module':<40} {'killed':>7} {'survived':>9} {'timeout':>8} {'score':>7}")
    geometry = [0, 0]
    for module, r in results.items():
        n = sum(r.values())
        killed = r["killed"] + r["timeout"]  # a mutant that hangs the tests is caught too
        print(f"{module:<40} {r['killed']:>7} {r['survived']:>9} {r['timeout']:>8} {killed / n if n else 1:>7.0%}")
        if not module.endswith("layout_flow.py"):
            geometry[0] += killed
            geometry[1] += n
    every = sum(r["killed"] + r["timeout"] for r in results.values()), sum(sum(r.values()) for r in results.values())
    if geometry[1]:
        print(
            f"print geometry (imposition, tiling, marks, page_plan, units): {geometry[0]}/{geometry[1]} killed "
            f"= {geometry[0] / geometry[1]:.1%} (goal >= 85 %)"
        )
    print(f"all sampled: {every[0]}/{every[1]} = {every[0] / max(1, every[1]):.1%}")
    for m in survivors:
        print(f"survived: {m.module}:{m.line}  {m.what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
