"""Write constraints.txt: the exact version of every package qualflow installs, read from this environment.

pyproject.toml pins qualflow's own dependencies; this pins theirs too (numba, llvmlite,
pynndescent, transformers, tokenizers, huggingface-hub, ...), so two installs made from the
README's commands get the same libraries. Run it after changing a pin in pyproject.toml, in an
environment installed from that pyproject (every extra included):

    python3 .ci/constraints.py            # rewrite constraints.txt
    python3 .ci/constraints.py --check    # exit 1 if constraints.txt differs from this environment

Extra names on the command line (for example `hypothesis`) are pinned with their dependencies too.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
HEADER = """\
# Every package qualflow installs, at the version the tests pass with. Used by the README's
# install commands and CI: python3 -m pip install -c constraints.txt -e ".[test]"
# Generated from an installed environment by `{command}`; do not edit by hand.
"""


def project_requirements(pyproject: Path) -> list[Requirement]:
    """qualflow's dependencies and those of every optional extra."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    specs = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    return [Requirement(s) for s in specs]


def closure(requirements: list[Requirement]) -> dict[str, str]:
    """Installed name -> version of the requirements and everything they require, markers applied."""
    pinned: dict[str, str] = {}
    todo = list(requirements)
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        req = todo.pop()
        key = (canonicalize_name(req.name), frozenset(req.extras))
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{req.name} is required (by pyproject.toml or a dependency) but not installed here; "
                             f"install the project with every extra first") from None
        pinned[canonicalize_name(dist.metadata["Name"])] = dist.version
        for line in dist.requires or []:
            sub = Requirement(line)
            # A requirement of an extra counts only when that extra was asked for ("" = none).
            if sub.marker is None or any(sub.marker.evaluate({**default_environment(), "extra": extra})
                                         for extra in sorted(req.extras) or [""]):
                todo.append(sub)
    pinned.pop("qualflow", None)
    return pinned


def public_version(version: str) -> str:
    """2.13.0+cpu -> 2.13.0: a local label is not on the public index, and ==2.13.0 still accepts +cpu."""
    return Version(version).public


def render(pinned: dict[str, str], also: list[str]) -> str:
    command = " ".join(["python3 .ci/constraints.py", *also])
    return HEADER.format(command=command) + "".join(f"{name}=={public_version(v)}\n" for name, v in sorted(pinned.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("also", nargs="*", help="more packages to pin with their dependencies (e.g. hypothesis)")
    parser.add_argument("--check", action="store_true", help="compare with constraints.txt instead of writing it")
    parser.add_argument("--output", type=Path, default=ROOT / "constraints.txt")
    args = parser.parse_args(argv)
    requirements = project_requirements(ROOT / "pyproject.toml") + [Requirement(n) for n in args.also]
    text = render(closure(requirements), args.also)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output.name} differs from this environment: regenerate it with the command "
                  "in its header", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output.name}: {text.count('==')} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
