"""Hostile images: only PNG, JPEG and WebP; bombs and truncated files refused; nothing but pixels kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from personadesigner.core.persona import Persona
from personadesigner.errors import PhotoError
from personadesigner.storage.library import Library
from personadesigner.storage.photos import normalize_photo
from support import hostile_images as hi

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return hi.png_bomb()


def test_bomb_is_small_on_disk_and_refused(bomb, tmp_path):
    assert len(bomb) < 200_000
    with pytest.raises(PhotoError, match="pixels"):
        normalize_photo(bomb)
    with Library.open(str(tmp_path / "lib.sqlite")) as lib:
        with pytest.raises(PhotoError):
            lib.add(Persona(name="Bomb", photo=bomb))
        assert lib.count() == 0


def test_peak_memory_while_refusing_a_bomb_and_accepting_a_big_photo_stays_under_500_mb(bomb, tmp_path):
    bomb_file = tmp_path / "bomb.png"
    bomb_file.write_bytes(bomb)
    script = f"""
import resource, sys
sys.path.insert(0, {str(ROOT)!r})
from personadesigner.storage.photos import normalize_photo
from personadesigner.errors import PhotoError
from PIL import Image
import io
try:
    normalize_photo(open({str(bomb_file)!r}, 'rb').read())
    print('accepted')
except PhotoError:
    print('refused')
big = io.BytesIO(); Image.new('RGB', (6000, 4000), (1, 2, 3)).save(big, 'JPEG')
Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS  # unchanged: the library sets its own limit
out = normalize_photo(big.getvalue())
print('big', Image.open(io.BytesIO(out)).size)
print('maxrss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    assert lines[0] == "refused"
    assert lines[1] == "big (1200, 800)"  # downsized to 1200 px on the long side
    peak_mb = int(lines[2].split()[1]) / 1024
    assert peak_mb < 500, f"peak memory {peak_mb:.0f} MB"


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF", "ICO", "PPM"])
def test_formats_other_than_png_jpeg_webp_are_refused(fmt):
    with pytest.raises(PhotoError, match="not a PNG, JPEG or WebP"):
        normalize_photo(hi.encoded(fmt, size=(32, 32)))


def test_svg_and_text_are_refused():
    for data in (hi.SVG, b"GIF89a but not really", b"\x89PNG\r\n\x1a\n" + b"\x00" * 10):
        with pytest.raises(PhotoError):
            normalize_photo(data)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_allowed_formats_are_accepted(fmt):
    out = normalize_photo(hi.encoded(fmt))
    assert out[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb", b"\xff\xd8\xff\xe1") or out[:2] == b"\xff\xd8"


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_truncated_images_are_refused(keep):
    for data in (hi.noisy_jpeg(), hi.encoded("PNG", size=(400, 300))):
        with pytest.raises(PhotoError):
            normalize_photo(data[: int(len(data) * keep)])


def test_library_keeps_reencoded_pixels_never_the_original_bytes(tmp_path):
    payload = b"<script>alert('payload')</script>SECRET-PAYLOAD"
    png_with_tail = hi.encoded("PNG") + payload  # bytes appended after IEND
    jpeg_with_meta = hi.jpeg_with_exif_comment("GPS-SECRET-MARKER")
    with Library.open(str(tmp_path / "lib.sqlite")) as lib:
        a = lib.add(Persona(name="Tail", photo=png_with_tail))
        b = lib.add(Persona(name="Exif", photo=jpeg_with_meta))
        stored_a, stored_b = lib.get(a.id).photo, lib.get(b.id).photo
    assert stored_a and b"SECRET-PAYLOAD" not in stored_a and stored_a != png_with_tail
    assert stored_b and b"GPS-SECRET-MARKER" not in stored_b and b"Exif" not in stored_b
    from PIL import Image
    import io

    assert not Image.open(io.BytesIO(stored_b)).getexif()
    raw = b"".join(f.read_bytes() for f in tmp_path.glob("lib.sqlite*"))  # the file and its WAL
    assert b"SECRET-PAYLOAD" not in raw and b"GPS-SECRET-MARKER" not in raw


def test_json_import_never_fetches_or_reads_outside_its_folder(tmp_path):
    from personadesigner.errors import InterchangeError
    from personadesigner.interchange.json_io import loads

    (tmp_path / "inside").mkdir()
    secret = tmp_path / "secret.png"
    secret.write_bytes(hi.encoded("PNG"))
    refs = ["https://example.com/a.png", "http://127.0.0.1:9/x.png", "file:///etc/passwd", "ftp://h/x.png",
            "/etc/passwd", "../secret.png", "..\\secret.png", "C:\\Windows\\win.ini", "\\\\server\\share\\a.png",
            "data:text/html;base64,PHNjcmlwdD4="]
    for ref in refs:
        doc = json.dumps({"format": "personadesigner.personas/1", "personas": [{"name": "X", "photo": ref}]})
        with pytest.raises(InterchangeError):
            loads(doc, source="in.json", base_dir=tmp_path / "inside")


def test_csv_export_neutralises_formulas_and_import_runs_nothing(tmp_path):
    from personadesigner.interchange.csv_io import loads_csv, write_csv

    evil = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"]
    people = [Persona(name=f"P{i}", role=cell, goals=[cell]) for i, cell in enumerate(evil)]
    out = tmp_path / "out.csv"
    write_csv(people, out)
    import csv

    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in "=+-@\t\r", value
    back = loads_csv(out.read_text(encoding="utf-8-sig"))
    # The user's text comes back as typed (CSV cells normalise line breaks to \n).
    assert [p.role for p in back.personas] == [cell.replace("\r", "\n") for cell in evil]


def test_jpeg_header_claiming_a_huge_frame_is_refused_before_decoding():
    with pytest.raises(PhotoError, match="pixels"):
        normalize_photo(hi.jpeg_claiming(30000, 30000))
