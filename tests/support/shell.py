"""Helpers of the shell tests (tests/ui/shell): the sample personas, a message-box recorder,
the persona as another process reads it. A module (not conftest), so test folders run together."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from personadesigner.core.persona import Persona, Source, Trait
from personadesigner.storage.library import Library


def sample_personas() -> list[Persona]:
    return [
        Persona(
            name="Anna Berg",
            type="end_user",
            role="Marketer at a startup",
            goals=["Ship campaigns faster", "Prove the ROI"],
            tags=["b2b", "startup"],
            traits=[Trait("Introvert", "Extrovert", 70)],
        ),
        Persona(name="Carl Diaz", type="buyer", role="Head of purchasing", tags=["b2b"], company="Acme"),
        Persona(
            name="Björk Ek",
            type="negative",
            role="Student on a budget",
            tags=["b2c"],
            sources=[Source(kind="survey", title="Student survey", date="2026-03-01")],
        ),
        Persona(name="Dana Fox", type="influencer", role="Tech blogger", tags=["b2c", "media"]),
    ]


class MessageRecorder:
    """Stands in for QMessageBox.exec: records the text, clicks ``answer`` (a button text)."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.answer: str | None = None

    def install(self, monkeypatch) -> None:
        recorder = self

        def fake_exec(box: QMessageBox) -> int:
            recorder.messages.append(box.text() + ("\n" + box.informativeText() if box.informativeText() else ""))
            if recorder.answer is None:
                return 0  # closed without choosing
            for button in box.buttons():
                if button.text().replace("&", "") == recorder.answer:
                    button.click()
                    return 0
            raise AssertionError(f"no button {recorder.answer!r} in the message {box.text()!r}")

        def fake_static(*args, **_kwargs):
            recorder.messages.append(" ".join(str(a) for a in args[2:4]))
            return QMessageBox.StandardButton.Yes if recorder.answer == "Yes" else QMessageBox.StandardButton.Cancel

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)
        for name in ("warning", "critical", "information", "question", "about"):
            monkeypatch.setattr(QMessageBox, name, staticmethod(fake_static))


def reread(library_path, name: str) -> Persona:
    """The persona as another process would see it: a fresh Library on the same file."""
    other = Library.open(str(library_path))
    try:
        return other.find(name)
    finally:
        other.close()
