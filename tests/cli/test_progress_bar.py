"""The export progress bar: silent for short exports and for pipes."""

from __future__ import annotations

import io

from personadesigner.cli.progress import ProgressBar


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_silent_during_the_first_second_then_drawn_and_closed_with_a_newline():
    clock, stream = Clock(), io.StringIO()
    bar = ProgressBar("Exporting", stream=stream, clock=clock, enabled=True)
    bar(1, 10)
    assert stream.getvalue() == ""
    clock.now += 1.5
    bar(5, 10)
    assert stream.getvalue().endswith("5/10") and "#" * 15 + "." * 15 in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\n")


def test_not_drawn_on_a_pipe_unless_asked(monkeypatch):
    clock, stream = Clock(), io.StringIO()
    monkeypatch.delenv("PERSONADESIGNER_PROGRESS", raising=False)
    bar = ProgressBar(stream=stream, clock=clock)
    clock.now += 5
    bar(3, 4)
    bar.close()
    assert stream.getvalue() == ""
    monkeypatch.setenv("PERSONADESIGNER_PROGRESS", "1")
    bar = ProgressBar(stream=stream, clock=clock)
    clock.now += 5
    bar(4, 4)
    assert "4/4" in stream.getvalue()
