"""The form uses the card's words: source kinds and field labels come from core.persona."""

from __future__ import annotations

from test_shell_editing import select

from personadesigner.core.persona import SOURCE_KIND_LABELS


def test_the_source_kind_picker_uses_the_words_the_card_prints(window):
    select(window, "Björk Ek")
    editor = window.form.editors["sources"]
    kind = editor._rows[0][0]
    offered = {kind.itemData(i): kind.itemText(i) for i in range(kind.count())}
    assert offered == SOURCE_KIND_LABELS
    assert kind.currentData() == "survey"
