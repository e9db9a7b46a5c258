"""Reading a respondent-level export (CSV or XLSX) into a header and rows of text cells.

CSV goes through the CSV import's own decoding (UTF-8 with or without BOM, a
named encoding, the non-UTF-8 error naming the line) and cell splitting, so a
file that imports as personas also reads here. XLSX is streamed with openpyxl in
read-only mode (a 50 MB workbook is not loaded whole); only the values the
spreadsheet saved are read, so nothing is ever evaluated here. A CSV cell such as
``=cmd|...`` stays plain text; written back out (``--assignments``) it is neutralised.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from personadesigner.errors import InterchangeError

#: More rows than this is not a survey export we can segment on a desktop.
MAX_ROWS = 1_000_000


@dataclass
class Table:
    """The export as text: ``rows`` are padded/cut to the header's width."""

    source: str
    header: list[str]
    rows: list[list[str]]
    warnings: list[str] = field(default_factory=list)

    def column(self, index: int) -> list[str]:
        return [row[index] for row in self.rows]


def read_table(path: str | os.PathLike[str], *, encoding: str | None = None) -> Table:
    """The header and data rows of a .csv/.tsv/.txt or .xlsx file (nothing else is read)."""
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        header, rows = _read_xlsx(source)
    elif suffix in (".csv", ".tsv", ".txt", ""):
        header, rows = _read_csv(source, encoding)
    else:
        raise InterchangeError(f"{source}: cannot read a {suffix} file (use .csv or .xlsx).")
    return _tidy(source.name, header, rows)


def _read_csv(source: Path, encoding: str | None) -> tuple[list[str], list[list[str]]]:
    from personadesigner.interchange.csv_io import csv_rows
    from personadesigner.interchange.textfile import decode_text, read_bytes

    text = decode_text(read_bytes(source), str(source), encoding)
    rows = [cells for _line, cells in csv_rows(text, str(source))]
    if not rows:
        raise InterchangeError(f"{source}: the file is empty; the first row must name the columns.")
    return rows[0], rows[1:]


def _read_xlsx(source: Path) -> tuple[list[str], list[list[str]]]:
    import zipfile

    from openpyxl import load_workbook

    if not source.is_file():
        raise InterchangeError(f"{source}: the file does not exist.")
    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InterchangeError(f"{source}: is not a readable .xlsx workbook ({type(exc).__name__}).") from None
    try:
        sheet = book.worksheets[0]
        rows: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(v) for v in values])
            if len(rows) > MAX_ROWS:
                raise InterchangeError(f"{source}: has more than {MAX_ROWS:,} rows; split the export.")
    finally:
        book.close()
    if not rows:
        raise InterchangeError(f"{source}: the first sheet is empty; its first row must name the columns.")
    return rows[0], rows[1:]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _tidy(source: str, header: list[str], rows: list[list[str]]) -> Table:
    width = len(header)
    while width and not header[width - 1].strip() and not any(len(r) >= width and r[width - 1].strip() for r in rows):
        width -= 1  # spreadsheets pad rows with empty trailing columns
    header = [h.strip() or f"Column {i + 1}" for i, h in enumerate(header[:width])]
    table = Table(source=source, header=_unique(header), rows=[])
    for row in rows:
        if not any(c.strip() for c in row):
            continue
        cells = [c.strip() for c in row[:width]]
        if len(row) > width and any(c.strip() for c in row[width:]):
            table.warnings.append(
                f"{source}: a row has more cells than the header names; the extra cells were ignored."
            )
        table.rows.append(cells + [""] * (width - len(cells)))
    if not table.rows:
        raise InterchangeError(f"{source}: has a header but no respondents.")
    table.warnings = sorted(set(table.warnings))
    return table


def _unique(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for h in header:
        n = seen.get(h.lower(), 0)
        seen[h.lower()] = n + 1
        out.append(h if n == 0 else f"{h} ({n + 1})")
    return out
