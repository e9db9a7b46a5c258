"""Writing a PDF leaves reportlab's process-wide settings as it found them, even when two
exports overlap (the export worker and a print): another reportlab user in the process
keeps its ASCII85 setting, and neither PDF is written half with the other's."""

from __future__ import annotations

import io
import threading

from reportlab import rl_config

from personadesigner.render.pdf import write_cards_pdf
from support.hand_layouts import make_layout


def test_overlapping_pdf_writes_restore_reportlabs_setting_and_stay_unencoded():
    assert rl_config.useA85 == 1  # reportlab's default, as another user of reportlab expects it
    a_started, b_started, a_done = threading.Event(), threading.Event(), threading.Event()
    outputs = {"a": io.BytesIO(), "b": io.BytesIO()}
    errors: list[BaseException] = []

    def layouts_a():
        yield make_layout()
        a_started.set()
        assert b_started.wait(30)  # B starts while A is still writing ...

    def layouts_b():
        b_started.set()
        assert a_done.wait(30)  # ... and A ends while B is still writing
        yield make_layout()
        yield make_layout()

    def run(name, layouts, done=None):
        try:
            write_cards_pdf(layouts(), outputs[name])
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)
        finally:
            if done is not None:
                done.set()

    a = threading.Thread(target=run, args=("a", layouts_a, a_done))
    a.start()
    assert a_started.wait(30)
    b = threading.Thread(target=run, args=("b", layouts_b))
    b.start()
    a.join(60)
    b.join(60)
    assert errors == []
    assert rl_config.useA85 == 1, "a PDF export left reportlab's global setting changed"
    for name, out in outputs.items():
        pdf = out.getvalue()
        assert pdf.startswith(b"%PDF") and b"ASCII85Decode" not in pdf, name
