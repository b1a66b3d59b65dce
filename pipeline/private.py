"""The project's private/ folder: readable and writable by its owner alone, whatever the umask.

Every writer goes through `pipeline.io.atomic_path`, which asks `private_root` whether a
target lies in a private folder and, if so, makes the file 0600 and each folder from
private/ down to it 0700. The workflow checks the folder once at start (`check_private_folder`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pipeline.errors import QualflowError

FOLDER_NAME = "private"
DIR_MODE = 0o700
FILE_MODE = 0o600
# What git ships in private/: not sensitive, so a fresh clone's modes are just tightened.
SHIPPED = {"README.md"}
# The folders the workflow's private rules write to, made owner-only before any job runs
# (Snakemake creates a job's output folder itself, with its own umask).
WORKFLOW_FOLDERS = ("turns", "spans", "keys")


class PrivateFolderError(QualflowError):
    """private/ (or something in it) can be read or written by other users."""


def private_root(path: str | os.PathLike[str]) -> Path | None:
    """The nearest folder named private/ that `path` lies in, or None.

    For a path inside the working folder only the folders below it count, so a
    project that itself sits in a folder called "private" keeps results/ shareable.
    """
    target = Path(os.path.abspath(path))
    cwd = Path.cwd()
    base = cwd if target.is_relative_to(cwd) else Path(target.anchor)
    folders = target.relative_to(base).parts[:-1]
    for depth in range(len(folders), 0, -1):
        if folders[depth - 1] == FOLDER_NAME:
            return base.joinpath(*folders[:depth])
    return None


def _tighten(path: Path, mode: int) -> None:
    if stat.S_IMODE(path.lstat().st_mode) != mode:
        os.chmod(path, mode)


def make_private_folder(folder: Path, root: Path) -> None:
    """Create `folder` (at or under `root`) and make it and every folder up to `root` mode 0700."""
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    current = folder
    while True:
        _tighten(current, DIR_MODE)
        if current == root or current.parent == current:
            return
        current = current.parent


def make_private_file(path: Path) -> None:
    """Give a file under a private folder mode 0600, and its folders 0700."""
    root = private_root(path)
    if root is not None:
        make_private_folder(path.parent, root)
    _tighten(path, FILE_MODE)


def exposed_paths(root: Path) -> list[Path]:
    """`root` and everything under it that other users can read, write or enter (symlinks not followed)."""
    if not root.exists():
        return []
    found = [root] if stat.S_IMODE(root.lstat().st_mode) & 0o077 else []
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs) + sorted(files):
            path = Path(folder) / name
            info = path.lstat()
            if not stat.S_ISLNK(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
                found.append(path)
    return found


def check_private_folder(root: str | os.PathLike[str] = FOLDER_NAME,
                         folders: tuple[str, ...] = WORKFLOW_FOLDERS, *, create: bool = True) -> None:
    """Refuse a private folder that others can read or write; otherwise (with `create`) make it and `folders` owner-only.

    A folder holding nothing but what git ships (a fresh clone, made with the usual umask)
    is tightened instead of refused: nothing sensitive has been exposed yet.
    """
    root = Path(root)
    for name in SHIPPED:  # git writes these with the umask on every checkout that changes them
        shipped = root / name
        if shipped.is_file() and not shipped.is_symlink():
            _tighten(shipped, FILE_MODE)
    exposed = exposed_paths(root)
    if exposed:
        contents = {p.relative_to(root).as_posix() for p in root.rglob("*")}
        if exposed == [root] and contents <= SHIPPED:
            _tighten(root, DIR_MODE)
        else:
            first = exposed[0]
            more = f" and {len(exposed) - 1} more" if len(exposed) > 1 else ""
            raise PrivateFolderError(
                f"other users can read or write this (mode {stat.S_IMODE(first.lstat().st_mode):04o}){more}; "
                f"{root} must be yours alone: run chmod -R go-rwx {root}",
                path=first,
            )
    if not create:
        return
    make_private_folder(root, root)
    for name in folders:
        make_private_folder(root / name, root)
