"""Hostile images: only PNG, JPEG and WebP; bombs and truncated files refused; nothing but pixels kept."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from personadesigner.core.persona import Persona
from personadesigner.errors import PhotoError
from personadesigner.images import normalize_photo
from personadesigner.storage.library import Library
from support import hostile_images as hi
from support.images import png_chunk

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
import sys
sys.path.insert(0, {str(ROOT)!r})
from personadesigner.images import normalize_photo
from personadesigner.errors import PhotoError
from PIL import Image
import io
try:
    normalize_photo(open({str(bomb_file)!r}, 'rb').read())
    print('accepted')
except PhotoError:
    print('refused')
big = io.BytesIO(); Image.new('RGB', (6000, 4000), (1, 2, 3)).save(big, 'JPEG')
out = normalize_photo(big.getvalue())
print('big', Image.open(io.BytesIO(out)).size)
# VmHWM: this process's own peak (ru_maxrss also counts the pages of the process it was forked from)
print('maxrss_kb', next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    assert lines[0] == "refused"
    assert lines[1] == "big (1200, 800)"  # downsized to 1200 px on the long side
    peak_mb = int(lines[2].split()[1]) / 1024
    assert peak_mb < 500, f"peak memory {peak_mb:.0f} MB"


NOT_ALLOWED = {
    **{fmt.lower(): hi.encoded(fmt, size=(32, 32)) for fmt in ("GIF", "BMP", "TIFF", "ICO", "PPM")},
    "svg": hi.SVG,
    "text": b"not an image at all",
    "gif-magic-only": b"GIF89a but not really",
    "png-signature-only": b"\x89PNG\r\n\x1a\n" + b"\x00" * 10,
}


@pytest.mark.parametrize("data", NOT_ALLOWED.values(), ids=NOT_ALLOWED.keys())
def test_anything_but_png_jpeg_webp_is_refused_in_one_sentence(data):
    with pytest.raises(PhotoError, match="not a PNG, JPEG or WebP") as caught:
        normalize_photo(data)
    assert str(caught.value).endswith(".") and "\n" not in str(caught.value)


def test_an_empty_photo_is_refused():
    with pytest.raises(PhotoError, match="empty"):
        normalize_photo(b"")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_allowed_formats_are_accepted(fmt):
    out = normalize_photo(hi.encoded(fmt))
    assert Image.open(io.BytesIO(out)).format in ("PNG", "JPEG")  # stored as one of the two printable formats


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_truncated_images_are_refused(keep):
    for data in (hi.noisy_jpeg(), hi.encoded("PNG", size=(400, 300))):
        with pytest.raises(PhotoError, match="truncated or damaged"):
            normalize_photo(data[: int(len(data) * keep)])


def test_library_keeps_reencoded_pixels_never_the_original_bytes(tmp_path):
    payload = b"<script>alert('payload')</script>SECRET-PAYLOAD"
    png_with_tail = hi.encoded("PNG") + payload  # bytes appended after IEND
    rgba = hi.encoded("PNG", mode="RGBA", color=(1, 2, 3, 4))  # stays PNG (alpha): the chunk must still go
    png_with_private_chunk = rgba[:-12] + png_chunk(b"prVt", b"PRIVATE-CHUNK-DATA") + rgba[-12:]
    jpeg_with_meta = hi.jpeg_with_exif_comment("GPS-SECRET-MARKER")
    with Library.open(str(tmp_path / "lib.sqlite")) as lib:
        a = lib.add(Persona(name="Tail", photo=png_with_tail))
        b = lib.add(Persona(name="Exif", photo=jpeg_with_meta))
        c = lib.add(Persona(name="Chunk", photo=png_with_private_chunk))
        stored_a, stored_b, stored_c = lib.get(a.id).photo, lib.get(b.id).photo, lib.get(c.id).photo
    assert stored_a and b"SECRET-PAYLOAD" not in stored_a and stored_a != png_with_tail
    assert stored_b and b"GPS-SECRET-MARKER" not in stored_b and b"Exif" not in stored_b
    assert stored_c and b"PRIVATE-CHUNK-DATA" not in stored_c
    assert not Image.open(io.BytesIO(stored_b)).getexif()
    raw = b"".join(f.read_bytes() for f in tmp_path.glob("lib.sqlite*"))  # the file and its WAL
    for marker in (b"SECRET-PAYLOAD", b"GPS-SECRET-MARKER", b"PRIVATE-CHUNK-DATA"):
        assert marker not in raw, marker


def test_jpeg_header_claiming_a_huge_frame_is_refused_before_decoding():
    with pytest.raises(PhotoError, match="pixels"):
        normalize_photo(hi.jpeg_claiming(30000, 30000))
