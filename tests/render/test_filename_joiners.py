"""File names keep the joiners that belong to a name's spelling: a Persian name's ZWNJ and an
emoji ZWJ sequence were written as "_" ("می_خواهم.png", "👩_👩_👧.png"); bidi overrides
still go (they would disguise a name's extension)."""

from __future__ import annotations

from personadesigner.render.filenames import safe_stem


def test_a_persian_zwnj_and_an_emoji_sequence_stay_in_the_file_name():
    assert safe_stem("می\u200cخواهم") == "می\u200cخواهم"
    assert safe_stem("Long List 👩\u200d👩\u200d👧") == "Long List 👩\u200d👩\u200d👧"


def test_a_bidi_override_is_still_replaced():
    assert safe_stem("Anna\u202egnp.exe") == "Anna_gnp.exe"


def test_exported_png_files_are_named_with_the_joiners(tmp_path):
    from personadesigner.core.export_options import ExportOptions
    from personadesigner.core.persona import Persona
    from personadesigner.render.export import export_personas

    report = export_personas(
        [Persona(name="نیلوفر می\u200cخواهد")],
        tmp_path / "out.png",
        ExportOptions(format="png", template="mini", dpi=30),
    )
    assert [p.name for p in report.files] == ["نیلوفر می\u200cخواهد.png"]
