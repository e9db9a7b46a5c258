"""Several windows or processes on one library: changes are noticed, locks never reach the user."""

from __future__ import annotations

import sqlite3
import threading

from personadesigner.core.persona import Persona
from personadesigner.storage.library import Library


def test_data_version_changes_when_another_connection_writes(library_path):
    with Library.open(str(library_path)) as mine, Library.open(str(library_path)) as other:
        before = mine.data_version()
        mine.add(Persona(name="Mine"))
        assert mine.data_version() == before  # our own write is not "someone else's change"
        other.add(Persona(name="Theirs"))
        after = mine.data_version()
        assert after != before
        assert mine.data_version() == after  # stable until the next foreign change
    # A plain sqlite3 client (another program) counts too.
    with Library.open(str(library_path)) as mine:
        before = mine.data_version()
        conn = sqlite3.connect(library_path)
        conn.execute("UPDATE personas SET role = 'changed'")
        conn.commit()
        conn.close()
        assert mine.data_version() != before


def test_write_waits_for_another_writer_instead_of_failing(library_path):
    with Library.open(str(library_path)) as lib:
        lib.add(Persona(name="Anna"))
        blocker = sqlite3.connect(library_path, isolation_level=None, check_same_thread=False)
        blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock...
        blocker.execute("UPDATE personas SET role = 'by the other program'")
        release = threading.Timer(0.5, lambda: blocker.execute("COMMIT"))
        release.start()
        try:
            added = lib.add(Persona(name="Bob"))  # ...and our write queues behind it
        finally:
            release.join()
            blocker.close()
        assert lib.get(added.id).name == "Bob"
        assert lib.count() == 2
        assert lib.find("Anna").role == "by the other program"


def test_parallel_writers_in_threads_all_succeed(library_path):
    with Library.open(str(library_path)) as lib:
        errors: list[BaseException] = []

        def write(n: int) -> None:
            try:
                for i in range(10):
                    lib.add(Persona(name=f"T{n}-{i}"))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert lib.count() == 40


def test_two_processes_creating_the_same_new_library_at_once(tmp_path):
    # Both see "no file yet"; the second must find the first one's library, not crash.
    for round_ in range(5):
        path = tmp_path / f"race{round_}.sqlite"
        barrier = threading.Barrier(3)
        opened: list[Library] = []
        errors: list[BaseException] = []

        def open_it() -> None:
            barrier.wait()
            try:
                opened.append(Library.open(str(path)))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert sum(lib.is_new for lib in opened) == 1
        assert all(lib.check() == [] for lib in opened)
        for lib in opened:
            lib.close()
