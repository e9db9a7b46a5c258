"""A real, throw-away PostgreSQL server for the test suite.

The team-library code must be tested against the real thing, not an emulation,
so the suite starts its own server from the system's binaries: initdb into a
temporary folder, a free port on 127.0.0.1, its unix socket in that folder,
fsync off (speed; the data is thrown away). PostgreSQL refuses to run as root,
so when the suite runs as root (CI containers) the server runs as the
``postgres`` system user (created if missing).

One server per test session (module-level singleton, stopped at exit); each
test asks for a fresh database with ``new_database()``.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REQUIRE_ENV = "PERSONADESIGNER_REQUIRE_POSTGRES"


class ServerUnavailable(RuntimeError):
    """The server could not be started here (no binaries, no user, startup failed)."""


def _find_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ensure_user(name: str) -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "-r", "-M", "-s", "/usr/sbin/nologin", name], check=True, capture_output=True)
        return pwd.getpwnam(name)


@dataclass
class PgServer:
    datadir: Path
    root: Path
    port: int
    pg_ctl: str
    run_as: list[str]
    _counter = itertools.count(1)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """CREATE DATABASE t_<n>; returns its SQLAlchemy URL."""
        import psycopg

        name = f"t_{next(self._counter)}_{os.getpid()}"
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.datadir.exists():
            subprocess.run(
                [*self.run_as, self.pg_ctl, "-D", str(self.datadir), "-m", "immediate", "-w", "stop"],
                capture_output=True,
            )
        shutil.rmtree(self.root, ignore_errors=True)


#: Stops the server when the test process is gone, however it ended (even SIGKILL or a
#: Qt abort, where neither fixture teardown nor atexit runs): no server outlives its suite.
_WATCHER = """
import os, shutil, subprocess, sys, time
owner, root, datadir, pg_ctl, *run_as = sys.argv[1:]
while os.path.isdir(datadir):
    try:
        os.kill(int(owner), 0)
    except ProcessLookupError:
        subprocess.run([*run_as, pg_ctl, "-D", datadir, "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
        break
    time.sleep(0.5)
"""


def _watch(server: PgServer) -> None:
    import sys

    subprocess.Popen(
        [
            sys.executable,
            "-c",
            _WATCHER,
            str(os.getpid()),
            str(server.root),
            str(server.datadir),
            server.pg_ctl,
            *server.run_as,
        ],
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def start_server() -> PgServer:
    initdb, pg_ctl = _find_binary("initdb"), _find_binary("pg_ctl")
    if not initdb or not pg_ctl:
        raise ServerUnavailable(
            "PostgreSQL binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise ServerUnavailable(f"psycopg is not installed: {exc}") from exc
    root = Path(tempfile.mkdtemp(prefix="pd-pg-"))
    datadir, sockdir = root / "data", root / "sock"
    sockdir.mkdir()
    run_as: list[str] = []
    if os.geteuid() == 0:
        user = _ensure_user("postgres")
        os.chmod(root, 0o755)
        for path in (root, sockdir):
            os.chown(path, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    init = subprocess.run(
        [*run_as, initdb, "-D", str(datadir), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"],
        capture_output=True,
        text=True,
        env=env,
    )
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise ServerUnavailable(f"initdb failed: {init.stderr.strip()[-500:]}")
    last_error = ""
    for _attempt in range(3):  # a free port can be taken between probe and bind
        port = _free_port()
        opts = (
            f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={sockdir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        start = subprocess.run(
            [
                *run_as,
                pg_ctl,
                "-D",
                str(datadir),
                "-o",
                opts,
                "-l",
                str(root / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        if start.returncode == 0:
            server = PgServer(datadir=datadir, root=root, port=port, pg_ctl=pg_ctl, run_as=run_as)
            _watch(server)
            if _wait_ready(server):
                return server
            server.stop()
            raise ServerUnavailable("the server started but accepts no connections")
        log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
        last_error = (start.stderr + log).strip()[-500:]
    shutil.rmtree(root, ignore_errors=True)
    raise ServerUnavailable(f"pg_ctl start failed: {last_error}")


def _wait_ready(server: PgServer) -> bool:
    import psycopg

    for _ in range(100):
        try:
            with psycopg.connect(
                host="127.0.0.1", port=server.port, user="postgres", dbname="postgres", connect_timeout=2
            ):
                return True
        except psycopg.OperationalError:
            time.sleep(0.1)
    return False


_server: PgServer | None = None
_failure: str | None = None


def get_server() -> PgServer:
    """The session's server, started on first use; raises ServerUnavailable."""
    global _server, _failure
    if _server is None and _failure is None:
        try:
            _server = start_server()
            atexit.register(_server.stop)
        except (ServerUnavailable, OSError, subprocess.SubprocessError) as exc:
            _failure = str(exc)
    if _server is None:
        raise ServerUnavailable(_failure or "unknown error")
    return _server


def stop_server() -> None:
    global _server
    if _server is not None:
        _server.stop()
        _server = None


def required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")
