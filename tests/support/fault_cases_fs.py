"""Attack cases of issue 15 about files and disks (items 1, 2, 6, 7): the real command against
read-only folders and disks, full disks, devices, pipes, sockets, links and odd arguments.

Each case returns a fault_cases.Result; the library's own files are checked
afterwards (no ``.damaged-*`` copy of a healthy file, a FIFO still a FIFO...).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

from support import privileges
from support.fault_cases import Result, Skip, case, run_cli

FORMAT = "personadesigner.personas/1"


# ----------------------------------------------------------------- helpers
def make_library(path: Path, count: int = 3, story: str = "A story.") -> Path:
    from personadesigner.core.persona import Persona
    from personadesigner.storage.library import Library

    with Library.open(str(path)) as lib:
        lib.add_many(
            [Persona(name="Anna" if i == 0 else f"Persona {i}", role="Buyer", story=story) for i in range(count)]
        )
    return path


def home_of(folder: Path) -> Path:
    home = folder / "home"
    home.mkdir(exist_ok=True)
    home.chmod(0o777)
    return home


def nobody() -> list[str]:
    prefix, why = privileges.unprivileged_prefix()
    if prefix is None:
        raise Skip(why)
    return prefix


def need_mount() -> None:
    ok, why = privileges.can_mount()
    if not ok:
        raise Skip(why)


def no_damaged_copies(folder: Path, result: Result) -> Result:
    copies = sorted(p.name for p in folder.rglob("*.damaged-*"))
    if copies:
        result.notes.append(f"a healthy library was copied aside as damaged: {copies}")
    return result


def expect_in_out(result: Result, text: str) -> Result:
    if result.code == 0 and text not in result.out:
        result.notes.append(f"{text!r} missing from the output")
    return result


@contextlib.contextmanager
def mode(path: Path, bits: int):
    old = stat.S_IMODE(path.stat().st_mode)
    path.chmod(bits)
    try:
        yield
    finally:
        path.chmod(old)


def json_file(path: Path, personas: list[dict]) -> Path:
    path.write_text(json.dumps({"format": FORMAT, "personas": personas}), encoding="utf-8")
    return path


def count(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM personas").fetchone()[0]
    finally:
        conn.close()


def device_node(path: Path) -> Path:
    """A character device (the null device's numbers) that only this test owns."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        raise Skip(f"cannot make a device node here: {exc}") from None
    return path


def is_device(path: Path) -> bool:
    return not path.is_symlink() and stat.S_ISCHR(path.lstat().st_mode)


# --------------------------------------------------- 1. the real cause
def _read_only_folder(folder: Path, *argv: str) -> Result:
    user = nobody()
    ro = folder / "ro"
    ro.mkdir()
    lib = make_library(ro / "lib.sqlite")
    with mode(ro, 0o555):
        result = run_cli(*argv, "--library", lib, as_user=user, home=home_of(folder))
    return no_damaged_copies(folder, result)


@case("read-only folder (as nobody): list works", "1")
def ro_folder_list(folder: Path) -> Result:
    result = _read_only_folder(folder, "list")
    result.expect = "work"
    return expect_in_out(result, "Anna")


@case("read-only folder (as nobody): show works", "1")
def ro_folder_show(folder: Path) -> Result:
    result = _read_only_folder(folder, "show", "Anna")
    result.expect = "work"
    return expect_in_out(result, "Buyer")


@case("read-only folder (as nobody): export JSON elsewhere works", "1")
def ro_folder_export(folder: Path) -> Result:
    out = home_of(folder) / "anna.json"
    result = _read_only_folder(folder, "export", "Anna", "--out", str(out))
    result.expect = "work"
    if result.code == 0 and (not out.exists() or "Anna" not in out.read_text(encoding="utf-8")):
        result.notes.append("the export did not write Anna")
    return result


@case("read-only folder (as nobody): import is refused naming the folder", "1")
def ro_folder_import(folder: Path) -> Result:
    source = json_file(home_of(folder) / "new.json", [{"name": "Newcomer"}])
    result = _read_only_folder(folder, "import", str(source))
    result.words = ("read-only", str(folder / "ro"))
    if count(folder / "ro" / "lib.sqlite") != 3:
        result.changed_value = True
    return result


@case("read-only file (as nobody): list works, import is refused", "1")
def ro_file(folder: Path) -> Result:
    user = nobody()
    lib = make_library(folder / "lib.sqlite")
    folder.chmod(0o777)  # nobody may write the folder, not the file
    source = json_file(home_of(folder) / "new.json", [{"name": "Newcomer"}])
    with mode(lib, 0o444):
        listed = run_cli("list", "--library", lib, as_user=user, home=home_of(folder))
        result = run_cli("import", str(source), "--library", lib, as_user=user, home=home_of(folder))
    folder.chmod(0o755)
    result.words = ("read-only",)
    if listed.code != 0 or "Anna" not in listed.out:
        result.notes.append(f"list failed on a read-only file: {listed.err.strip()}")
    if "damaged" in listed.err:
        result.notes.append(f"false damaged on list: {listed.err.strip()}")
    return no_damaged_copies(folder, result)


@case("read-only disk (even for root): list works, import is refused", "1")
def ro_disk(folder: Path) -> Result:
    need_mount()
    source = json_file(folder / "new.json", [{"name": "Newcomer"}])
    with privileges.small_disk("4m") as disk:
        lib = make_library(disk / "lib.sqlite")
        privileges.make_read_only(disk)
        listed = run_cli("list", "--library", lib, home=home_of(folder))
        result = run_cli("import", str(source), "--library", lib, home=home_of(folder))
        no_damaged_copies(disk, result)
    result.words = ("read-only disk",)
    if listed.code != 0 or "Anna" not in listed.out:
        result.notes.append(f"list failed on a read-only disk: {listed.err.strip()}")
    return result


@case("full disk: list works, import is refused naming the full disk", "1")
def full_disk_library(folder: Path) -> Result:
    need_mount()
    source = json_file(folder / "new.json", [{"name": "Newcomer", "story": "x" * 50_000}])
    with privileges.small_disk("1m") as disk:
        lib = make_library(disk / "lib.sqlite")
        privileges.fill(disk)
        listed = run_cli("list", "--library", lib, home=home_of(folder))
        result = run_cli("import", str(source), "--library", lib, home=home_of(folder))
        no_damaged_copies(disk, result)
        (disk / "filler").unlink()
        if count(lib) != 3:
            result.changed_value = True
    result.words = ("full",)
    if listed.code != 0 or "Anna" not in listed.out:
        result.notes.append(f"list failed on a full disk: {listed.err.strip()}")
    return result


@case("read-only folder, changes still in the -wal: cannot be read here, not damaged", "1")
def ro_folder_pending_wal(folder: Path) -> Result:
    import shutil
    import sqlite3

    user = nobody()
    lib = make_library(folder / "src.sqlite")
    writer = sqlite3.connect(lib)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE personas SET role = 'Changed'")
    writer.commit()
    ro = folder / "ro"
    ro.mkdir()
    shutil.copy(lib, ro / "lib.sqlite")
    shutil.copy(str(lib) + "-wal", str(ro / "lib.sqlite") + "-wal")  # a copy as a crash leaves it: no -shm
    writer.close()
    with mode(ro, 0o555):
        result = run_cli("list", "--library", ro / "lib.sqlite", as_user=user, home=home_of(folder))
    if result.code == 0 and "Changed" not in result.out:
        result.changed_value = True  # the last changes silently ignored
    result.words = ("-wal",) if result.code != 0 else ()
    if result.code == 0:
        result.expect = "work"
    return no_damaged_copies(folder, result)


# ------------------------------------- 2. never replace what is not a file
def _export(folder: Path, out: Path, *extra: str, lib: Path | None = None) -> Result:
    lib = lib or make_library(folder / "lib.sqlite")
    return run_cli("export", "--all", "--library", lib, "--out", out, *extra, home=home_of(folder))


@case("export --out a FIFO is refused; the FIFO stays", "2")
def out_fifo(folder: Path) -> Result:
    fifo = folder / "cards.json"
    os.mkfifo(fifo)
    result = _export(folder, fifo)
    result.words = ("pipe",)
    result.replaced_special = not stat.S_ISFIFO(fifo.lstat().st_mode)
    return result


@case("export --out a link to a device is refused; link and device stay", "2")
def out_link_to_device(folder: Path) -> Result:
    device = device_node(folder / "null")
    link = folder / "cards.pdf"
    link.symlink_to(device)
    result = _export(folder, link)
    result.words = ("device",)
    result.replaced_special = not (link.is_symlink() and is_device(device))
    return result


@case("export --out a device is refused; the device stays", "2")
def out_device(folder: Path) -> Result:
    device = device_node(folder / "printer.csv")
    result = _export(folder, device)
    result.words = ("device",)
    result.replaced_special = not is_device(device)
    return result


@case("export --out a folder named like a file is refused", "2")
def out_directory(folder: Path) -> Result:
    target = folder / "cards.csv"
    target.mkdir()
    result = _export(folder, target)
    result.words = ("folder",)
    result.replaced_special = not target.is_dir()
    return result


@case("export --out a socket is refused; the socket stays", "2")
def out_socket(folder: Path) -> Result:
    target = folder / "s.json"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.bind(str(target))
        result = _export(folder, target)
    result.words = ("socket",)
    result.replaced_special = not stat.S_ISSOCK(target.lstat().st_mode)
    return result


@case("export --out a link to a file writes the file and keeps the link", "2")
def out_link_to_file(folder: Path) -> Result:
    real = folder / "real.json"
    real.write_text("old", encoding="utf-8")
    link = folder / "cards.json"
    link.symlink_to(real)
    result = _export(folder, link)
    result.expect = "work"
    result.replaced_special = not link.is_symlink()
    if result.code == 0 and "Anna" not in real.read_text(encoding="utf-8"):
        result.notes.append("the linked file was not written")
    return result


@case("backup --out a device is refused; the device stays", "2")
def backup_out_device(folder: Path) -> Result:
    lib = make_library(folder / "lib.sqlite")
    device = device_node(folder / "tape.sqlite")
    result = run_cli("backup", "--library", lib, "--out", device, home=home_of(folder))
    result.words = ("device",)
    result.replaced_special = not is_device(device)
    return result


@case("import of a FIFO is refused without waiting on it", "2")
def import_fifo(folder: Path) -> Result:
    lib = make_library(folder / "lib.sqlite")
    fifo = folder / "people.json"
    os.mkfifo(fifo)
    result = run_cli("import", fifo, "--library", lib, home=home_of(folder))
    result.words = ("pipe",)
    result.changed_value = count(lib) != 3
    return result


@case("import of a link to /dev/zero is refused without reading it", "2")
def import_dev_zero(folder: Path) -> Result:
    lib = make_library(folder / "lib.sqlite")
    link = folder / "people.csv"
    link.symlink_to("/dev/zero")
    result = run_cli("import", link, "--library", lib, home=home_of(folder), memory_limit=2 << 30)
    result.words = ("device",)
    result.changed_value = count(lib) != 3
    return result


@case("a photo file that is a FIFO is refused without waiting on it", "2")
def photo_fifo(folder: Path) -> Result:
    lib = make_library(folder / "lib.sqlite")
    os.mkfifo(folder / "face.jpg")
    source = json_file(folder / "people.json", [{"name": "With photo", "photo": "face.jpg"}])
    result = run_cli("import", source, "--library", lib, home=home_of(folder))
    result.words = ("pipe",)
    result.changed_value = count(lib) != 3
    return result


@case("a 2400-dpi poster PNG is refused before rendering, naming the limit", "2")
def poster_png(folder: Path) -> Result:
    out = folder / "poster"
    result = _export(folder, out, "--format", "png", "--template", "poster", "--dpi", "2400")
    result.words = ("1 GiB", "dpi or less")
    if out.exists() and any(out.iterdir()):
        result.notes.append(f"files left: {sorted(p.name for p in out.iterdir())}")
    return result


# ------------------------------------------- 6. full disks, odd arguments
def _full_disk_export(folder: Path, suffix: str) -> Result:
    need_mount()
    lib = make_library(folder / "lib.sqlite", count=40, story="Long story. " * 400)
    with privileges.small_disk("256k") as disk:
        target = disk / f"cards.{suffix}"
        target.write_text("the previous export", encoding="utf-8")
        privileges.fill(disk)
        result = run_cli("export", "--all", "--library", lib, "--out", target, home=home_of(folder))
        result.changed_value = target.read_text(encoding="utf-8") != "the previous export"
        leftovers = sorted(p.name for p in disk.iterdir() if p.name not in ("filler", target.name))
        if leftovers:
            result.notes.append(f"left behind: {leftovers}")
    result.words = ("full",)
    return result


@case("JSON export onto a full disk: one line, the old file intact", "6")
def full_disk_json(folder: Path) -> Result:
    return _full_disk_export(folder, "json")


@case("CSV export onto a full disk: one line, the old file intact", "6")
def full_disk_csv(folder: Path) -> Result:
    return _full_disk_export(folder, "csv")


@case("PNG export that fills the disk midway removes what it wrote", "6")
def full_disk_png(folder: Path) -> Result:
    need_mount()
    lib = make_library(folder / "lib.sqlite", count=12, story="Long story. " * 40)
    with privileges.small_disk("256k") as disk:  # room for about four cards at 300 dpi
        out = disk / "cards"
        result = run_cli(
            "export", "--all", "--library", lib, "--out", out, "--format", "png", "--dpi", "300", home=home_of(folder)
        )
        if out.exists():
            result.notes.append(f"partial export left: {len(list(out.iterdir()))} files")
    result.words = ("full", "removed")
    return result


@case("copy to a full disk leaves no empty library behind", "6")
def copy_full_disk(folder: Path) -> Result:
    need_mount()
    lib = make_library(folder / "lib.sqlite", count=100, story="Long story. " * 300)
    with privileges.small_disk("512k") as disk:
        result = run_cli("copy", "--from", lib, "--to", disk / "copy.sqlite", home=home_of(folder))
        left = sorted(p.name for p in disk.iterdir())
        if left:
            result.notes.append(f"left on the target disk: {left}")
    result.words = ("full",)
    return result


@case("stale temporary files of a killed export are removed by the next export", "6")
def stale_temporaries(folder: Path) -> Result:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = folder / f".cards.json.{int(dead.stdout)}.k1ll3d.tmp"
    stale.write_text('{"half": ', encoding="utf-8")
    result = _export(folder, folder / "cards.json")
    result.expect = "work"
    if stale.exists():
        result.notes.append("the stale temporary file is still there")
    return result


@case('--per-page "²" is a usage error (exit 1)', "6")
def per_page_superscript(folder: Path) -> Result:
    result = _export(folder, folder / "cards.pdf", "--per-page", "²")
    if result.code not in (None, 1):
        result.notes.append(f"exit {result.code}, not 1")
    result.words = ("per-page",)
    return result


@case("a malformed database URL is a usage error (exit 1), the password not shown", "6")
def malformed_url(folder: Path) -> Result:
    result = run_cli("list", "--library", "postgresql://ann:s3cret@db:port/personas", home=home_of(folder))
    if result.code not in (None, 1):
        result.notes.append(f"exit {result.code}, not 1")
    if "s3cret" in result.err:
        result.notes.append("the password was shown")
    result.words = ("not a valid database URL",)
    return result


@case("a damaged library is copied aside once, not once per command", "6")
def damaged_copy_once(folder: Path) -> Result:
    from support.damage import garbage_in_the_middle

    lib = make_library(folder / "lib.sqlite", count=200, story="Long story. " * 40)
    garbage_in_the_middle(lib)
    first = run_cli("list", "--library", lib, home=home_of(folder))
    result = run_cli("list", "--library", lib, home=home_of(folder))
    result.damage_expected = True
    result.words = ("damaged", "restore")
    copies = sorted(p.name for p in folder.glob("lib.sqlite.damaged-*"))
    if len(copies) != 1:
        result.notes.append(f"{len(copies)} damaged copies: {copies}")
    if first.code != 2:
        result.notes.append(f"the first list exited {first.code}")
    return result


# -------------------------------------------------------- 7. zero-byte files
@case("a zero-byte file given as a library is reported and left empty", "7")
def zero_byte_list(folder: Path) -> Result:
    empty = folder / "lib.sqlite"
    empty.touch()
    result = run_cli("list", "--library", empty, home=home_of(folder))
    result.words = ("empty file",)
    result.changed_value = empty.stat().st_size != 0
    return result


@case("importing into a zero-byte file is refused and the file left empty", "7")
def zero_byte_import(folder: Path) -> Result:
    empty = folder / "lib.sqlite"
    empty.touch()
    source = json_file(folder / "new.json", [{"name": "Newcomer"}])
    result = run_cli("import", source, "--library", empty, home=home_of(folder))
    result.words = ("empty file",)
    result.changed_value = empty.stat().st_size != 0
    return result
