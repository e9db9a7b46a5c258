"""The data export formats: the personas themselves as JSON or CSV (through interchange).

No layout and no page options: only JSON honours ``--photos`` (inline data:
URLs or files beside the JSON).
"""

from __future__ import annotations

from pathlib import Path

from personadesigner.render.formats import ExportFormat, register


def write_json(personas: list, out: Path, photos: str) -> int:
    from personadesigner.interchange.json_io import write_json as write

    return write(personas, out, photos=photos)


def write_csv(personas: list, out: Path, photos: str) -> int:
    from personadesigner.interchange.csv_io import write_csv as write

    return write(personas, out)


JSON = register(
    ExportFormat(
        key="json",
        name="JSON",
        label="JSON (every field, for import)",
        suffix=".json",
        folder=False,
        kind="data",
        options=frozenset({"photos"}),
        writer=write_json,
        file_filter="JSON files (*.json)",
        order=30,
    )
)
CSV = register(
    ExportFormat(
        key="csv",
        name="CSV",
        label="CSV (a table for spreadsheets)",
        suffix=".csv",
        folder=False,
        kind="data",
        options=frozenset(),
        writer=write_csv,
        file_filter="CSV files (*.csv)",
        order=40,
    )
)
