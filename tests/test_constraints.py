"""constraints.txt pins every package the project installs, and the README's commands and CI use it."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def read_constraints(path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: '{line}' is not an exact pin (name==version)"
            pins[canonicalize_name(name)] = version
    return pins


def project_requirements(repo_root) -> list[Requirement]:
    project = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"]) + [s for extra in project["optional-dependencies"].values() for s in extra]
    return [Requirement(s) for s in specs]


def test_every_dependency_and_extra_of_pyproject_is_pinned_at_its_own_version(repo_root):
    pins = read_constraints(repo_root / "constraints.txt")
    for req in project_requirements(repo_root):
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} (pyproject.toml) is not in constraints.txt: run python3 .ci/constraints.py"
        assert req.specifier.contains(pins[name], prereleases=True), \
            f"constraints.txt pins {name}=={pins[name]}, pyproject.toml says {req}"


def test_the_libraries_that_shape_topics_and_embeddings_are_pinned(repo_root):
    pins = read_constraints(repo_root / "constraints.txt")
    for name in ("numba", "llvmlite", "pynndescent", "transformers", "tokenizers", "huggingface-hub", "safetensors",
                 "snakemake-executor-plugin-slurm", "snakemake-executor-plugin-slurm-jobstep", "hypothesis"):
        assert name in pins, name
    assert "qualflow" not in pins  # the project itself is installed from the checkout
    assert pins["torch"] == "2.13.0"  # no local label (+cpu): the public index has none, and ==2.13.0 accepts it


def test_the_readme_install_commands_and_ci_use_the_constraints(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^python3 -m pip install torch==2\.13\.0 && .*$", readme, flags=re.M)
    assert len(commands) == 2, commands
    assert all("python3 -m pip install -c constraints.txt -e " in c for c in commands), commands
    test_command = next(c for c in commands if "pytest" in c)
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci  # CI runs exactly the README's test command
