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

The socket's name is a fingerprint of the Python executable and the package's
source files, so edited code is never run by an old server; an idle server
exits after a while. When no server can be reached or started, the command
simply runs in the job's own process.
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


def fingerprint() -> str:
    """Changes whenever the interpreter or any source file of the package changes."""
    digest = hashlib.sha256(sys.executable.encode())
    digest.update(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(package)}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()[:16]


def socket_path() -> Path:
    folder = Path(os.environ.get("QUALFLOW_WARM_DIR") or Path(tempfile.gettempdir()) / f"qualflow-warm-{os.getuid()}")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / f"{fingerprint()}.sock"


# --- the job's side -------------------------------------------------------------------------


def run_in_server(argv: list[str]) -> int | None:
    """Run `qualflow argv` in a child of the warm server; its exit status, or None when no server is available."""
    path = socket_path()
    connection = _connect(path) or _start_server(path)
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
    if status is None:
        sys.stderr.write(f"error: the job's process ({child}) ended without a status; it was killed or crashed\n")
        return 1
    return _STATUS.unpack(status)[0]


def _connect(path: Path) -> socket.socket | None:
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(str(path))
    except OSError:
        connection.close()
        return None
    return connection


def _start_server(path: Path) -> socket.socket | None:
    """Start one server (the lock keeps two jobs from each starting one) and wait for it to listen."""
    import fcntl

    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        connection = _connect(path)
        if connection is not None:
            return connection
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # left by a server that was killed
        idle = os.environ.get("QUALFLOW_WARM_IDLE", str(IDLE_SECONDS))
        subprocess.Popen(
            [sys.executable, "-m", "pipeline.warm", str(path), idle],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, close_fds=True, cwd="/",
        )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            connection = _connect(path)
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


def serve(path: Path, idle_seconds: float = IDLE_SECONDS) -> None:
    """Accept jobs until none has come for `idle_seconds`; fork one child per job."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    listener.bind(str(temporary))
    listener.listen(64)
    os.replace(temporary, path)  # clients see the socket only once it accepts
    ours = os.stat(path).st_ino
    listener.settimeout(idle_seconds)
    preloaded: set[str] = set()
    try:
        while True:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                return
            connection.settimeout(None)
            _handle(connection, listener, preloaded)
    finally:
        with contextlib.suppress(FileNotFoundError):
            if os.stat(path).st_ino == ours:  # not a newer server's socket
                path.unlink()
        listener.close()


def _handle(connection: socket.socket, listener: socket.socket, preloaded: set[str]) -> None:
    fds: list[int] = []
    try:
        header, fds, _, _ = socket.recv_fds(connection, _HEADER.size, 3)
        if len(header) < _HEADER.size or len(fds) != 3:
            return
        body = _receive_exactly(connection, _HEADER.unpack(header)[0])
        if body is None:
            return
        request = json.loads(body)
        _preload(request["argv"], preloaded)
        pid = os.fork()
        if pid == 0:
            listener.close()
            _run_child(connection, fds, request)  # never returns
        connection.sendall(_PID.pack(pid))
    except OSError:
        pass  # the job went away; it will report its own failure
    finally:
        for fd in fds:
            os.close(fd)
        connection.close()


def _command_name(argv: list[str]) -> str | None:
    """The first word that is not an option or an option's value (`--log FILE`)."""
    skip_next = False
    for word in argv:
        if skip_next:
            skip_next = False
        elif word == "--log":
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


def _run_child(connection: socket.socket, fds: list[int], request: dict[str, Any]) -> None:
    status = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        sys.stdin = open(0, encoding="utf-8", errors="replace", closefd=False)
        sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ[ENABLE_VARIABLE] = "0"  # the child runs the command itself
        _set_thread_counts()
        threading.Thread(target=_exit_when_job_is_gone, args=(connection,), daemon=True).start()
        status = _run_cli(request["argv"])
    finally:
        # Exit as a fresh process would: thread-shutdown hooks, then exit handlers. They stop worker
        # pools (joblib's loky workers, which HDBSCAN starts); without them the workers outlive the
        # job holding its output pipes open, and multiprocessing's exit handler waits for them.
        with contextlib.suppress(BaseException):
            threading._shutdown()  # type: ignore[attr-defined]
        with contextlib.suppress(BaseException):
            atexit._run_exitfuncs()
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            connection.sendall(_STATUS.pack(status))
        os._exit(status)


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
    serve(Path(sys.argv[1]), float(sys.argv[2]) if len(sys.argv) > 2 else IDLE_SECONDS)
