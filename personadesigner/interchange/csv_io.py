"""CSV import (spreadsheets, survey and CRM exports) and export, one row per persona.

Cell formats, shared by import and export:

- list fields (goals, pain_points, ...): one item per line inside the cell
  (Alt+Enter in a spreadsheet); a cell without line breaks is split at ``;``.
- ``traits``: one slider per line, ``Left - Right: value`` with value 0-100
  ("Introvert-Extrovert: 70"; a ``%`` after the value is allowed). Left and right
  are split at " - ", " – ", "↔", "...", "…" or "/", else at a single "-".
- ``sources``: one per line, ``kind | title | date | note`` (later parts optional).
- ``related``: one per line, ``relation: persona`` ("Buys for: Lea Hoffmann").
- ``custom``: one per line, ``Label: value``; a column mapped to ``custom`` with
  ``--map "Column=custom"`` instead becomes one section labelled with the column.
- ``card``: ``template: NAME`` and ``theme: NAME`` lines.
- ``type`` and ``confidence`` accept labels ("End user", "High").

Export neutralises spreadsheet formulas: a cell starting with ``=``, ``+``, ``-``,
``@``, TAB or CR (after any leading quotes) gets one ``'`` in front, and import
removes exactly that one quote again, so a round trip changes nothing else.
Photos are not carried by CSV (use JSON).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from personadesigner.atomic import atomic_write
from personadesigner.core.persona import (
    LIST_FIELDS,
    RECORD_LIST_FIELDS,
    CardDesign,
    CustomSection,
    Persona,
    Relation,
    Source,
    Trait,
    persona_from_dict,
)
from personadesigner.errors import InterchangeError, ValidationError, quoted
from personadesigner.interchange.csv_fields import (
    CSV_FIELDS,
    field_for_header,
    header_key,
    persona_type,
    relation_key,
)
from personadesigner.interchange.json_io import ImportResult
from personadesigner.interchange.textfile import decode_text, read_bytes

_FORMULA_START = re.compile(r"^'*[=+\-@\t\r\n]")
#: Between a trait's two labels, in the order the parser tries them; the writer uses the
#: first one that reads back as the same two labels, so export and import always agree.
_TRAIT_SEPARATORS = (" - ", " ↔ ", "↔", " ... ", "...", "…", " – ", " — ", "/")
_CUSTOM_COLUMN = "custom"
#: A story cell may be long; csv's default limit (128 KiB) would call it malformed.
_MAX_CELL_CHARS = 16 * 1024 * 1024
#: Only real line breaks separate items (str.splitlines also splits at \x0b, \u2028...).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class CsvImportResult(ImportResult):
    """Also tells which column went to which field, and which matched none."""

    columns: dict[str, str] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)


# ------------------------------------------------------------------- export
def write_csv(personas: Iterable[Persona], path: str | os.PathLike[str]) -> int:
    """Write one row per persona (UTF-8 with BOM, for spreadsheets); returns the count."""
    count = 0
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(CSV_FIELDS)
        for p in personas:
            writer.writerow([neutralise_formula(_cell(p, name)) for name in CSV_FIELDS])
            count += 1
    return count


def neutralise_formula(cell: str) -> str:
    """Prefix ``'`` so a spreadsheet shows the cell as text instead of running it."""
    return "'" + cell if _FORMULA_START.match(cell) else cell


def _cell(p: Persona, name: str) -> str:
    value = getattr(p, name)
    if name in LIST_FIELDS:
        text = "\n".join(value)
        # A lone item with ";" or outer spaces would be split or trimmed on import:
        # a line break makes the cell a one-item-per-line cell and keeps it whole.
        return text + "\n" if len(value) == 1 and (";" in text or text != text.strip()) else text
    if name == "traits":
        return "\n".join(_trait_text(t) for t in value)
    if name == "sources":
        return "\n".join(" | ".join([s.kind, s.title, s.date, s.note]).rstrip(" |") for s in value)
    if name == "related":
        return "\n".join(f"{r.relation}: {r.persona}" for r in value)
    if name == "custom":
        return "\n".join(f"{c.label}: {c.value}" for c in value)
    if name == "card":
        return "" if value == CardDesign() else f"template: {value.template}\ntheme: {value.theme}"
    return value


def _trait_text(t: Trait) -> str:
    for sep in _TRAIT_SEPARATORS:
        line = f"{t.left}{sep}{t.right}: {t.value}"
        try:
            back = _parse_trait(line, "traits", 0)
        except _CellError:
            continue
        if (back.left, back.right) == (t.left.strip(), t.right.strip()):
            return line
    return f"{t.left} ↔ {t.right}: {t.value}"  # labels holding every separator: nothing reads back exactly


# ------------------------------------------------------------------- import
def read_csv(path: str | os.PathLike[str], *, encoding: str | None = None,
             mapping: Mapping[str, str] | None = None) -> CsvImportResult:
    """Parse and validate a CSV file (nothing is stored).

    ``mapping`` names columns the headers do not match: {"Column": "field"};
    an empty field ignores the column without a warning.
    """
    source = Path(path)
    text = decode_text(read_bytes(source), str(source), encoding)
    return loads_csv(text, source=str(source), mapping=mapping)


def loads_csv(text: str, *, source: str = "<csv>", mapping: Mapping[str, str] | None = None) -> CsvImportResult:
    rows = csv_rows(text, source)
    if not rows:
        raise InterchangeError(f"{source}: the file is empty; the first row must name the columns.")
    header_line, header = rows[0]
    result = CsvImportResult()
    columns = _match_columns(header, mapping or {}, source, result)
    if "name" not in {target for target, _ in columns.values()}:
        raise InterchangeError(
            f'{source}: no column holds the persona name (name one "Name" or use --map "Column=name").'
        )
    for line, cells in rows[1:]:
        if any(c.strip() for c in cells):
            result.personas.append(_row_persona(cells, header, columns, line, source, result.warnings))
    return result


def csv_rows(text: str, source: str) -> list[tuple[int, list[str]]]:
    """(starting line, cells) of every record; the delimiter is read from the header line.

    Public so previews (the app's column-mapping dialog) split cells exactly as the import does.
    """
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count) if any(d in first for d in ",;\t") else ","
    if csv.field_size_limit() < _MAX_CELL_CHARS:
        csv.field_size_limit(_MAX_CELL_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    line = 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InterchangeError(f"{source}: line {reader.line_num}: the CSV is malformed ({exc}).") from None
    return rows




def _match_columns(header: list[str], mapping: Mapping[str, str], source: str,
                   result: CsvImportResult) -> dict[int, tuple[str, bool]]:
    """Column index -> (field, is_labelled_custom); fills result.columns/unmatched."""
    wanted = {}
    for column, target in mapping.items():
        key = header_key(target)
        if not key:
            wanted[header_key(column)] = ""
            continue
        name = _CUSTOM_COLUMN if key == _CUSTOM_COLUMN else field_for_header(target)
        if name is None:
            raise InterchangeError(f'--map "{column}={target}": "{target}" is not a persona field.')
        wanted[header_key(column)] = name
    unused = set(wanted)
    columns: dict[int, tuple[str, bool]] = {}
    for i, title in enumerate(header):
        key = header_key(title)
        if key in wanted:
            unused.discard(key)
            if wanted[key]:
                columns[i] = (wanted[key], wanted[key] == _CUSTOM_COLUMN and field_for_header(title) != "custom")
            continue
        name = field_for_header(title)
        if name is None:
            if key:
                result.unmatched.append(title)
                result.warnings.append(
                    f'{source}: column "{title}" matches no persona field and was not imported '
                    f'(use --map "{title}=FIELD" to import it).'
                )
            continue
        columns[i] = (name, False)
    for column in mapping:
        if header_key(column) in unused:
            result.warnings.append(f'{source}: has no column "{column}" (named in --map).')
    for i, (name, _) in columns.items():
        result.columns[header[i]] = name
    return columns


def _row_persona(cells: list[str], header: list[str], columns: dict[int, tuple[str, bool]],
                 line: int, source: str, warnings: list[str]) -> Persona:
    raw_name = next((_unquote(cells[i]).strip() for i, (f, _) in columns.items() if f == "name" and i < len(cells)), "")
    label = f"line {line}: persona {quoted(raw_name)}" if raw_name else f"line {line}: persona (no name)"
    data: dict[str, object] = {}
    sections: list[CustomSection] = []
    try:
        for i, (name, labelled) in columns.items():
            cell = _unquote(cells[i]) if i < len(cells) else ""
            if labelled:
                if cell.strip():
                    sections.append(CustomSection(label=header[i].strip(), value=cell))
                continue
            if not cell.strip():
                continue
            value = _parse_cell(name, cell)
            if name in data:
                previous = data[name]
                if isinstance(previous, list) and isinstance(value, list):
                    data[name] = previous + value
                    continue
                warnings.append(f'{source}: {label}: two columns fill {name}; the later one was joined on a new line.')
                value = f"{previous}\n{value}"
            data[name] = value
        card = data.pop("card", None)
        persona, _ = persona_from_dict(data)
        if card is not None:
            persona.card = card  # type: ignore[assignment]
        persona.custom.extend(sections)
        persona.validate()
    except (ValidationError, _CellError) as exc:
        message = exc.detail if isinstance(exc, ValidationError) else str(exc)
        raise InterchangeError(f"{source}: {label}: {message}") from None
    return persona


class _CellError(Exception):
    """A cell that cannot be read as its field's format; str() is 'field: problem'."""


def _unquote(cell: str) -> str:
    """Undo the export's formula neutralisation (exactly one leading quote)."""
    return cell[1:] if cell.startswith("'") and _FORMULA_START.match(cell[1:]) else cell


def _parse_cell(name: str, cell: str) -> object:
    if name in LIST_FIELDS:
        return split_list(cell)
    if name in RECORD_LIST_FIELDS:
        parse = _RECORD_PARSERS[name]
        return [_record_dict(parse(item, name, n)) for n, item in enumerate(_lines(cell))]
    if name == "card":
        return _parse_card(cell)
    if name == "type":
        return persona_type(cell)
    if name in ("confidence", "last_validated", "id", "created_at", "updated_at"):
        return cell.strip().lower() if name == "confidence" else cell.strip()
    return cell


def split_list(cell: str) -> list[str]:
    """Items one per line, or separated by ``;`` when the cell has no line break."""
    if "\n" in cell or "\r" in cell:
        return [item for item in _LINE_BREAK.split(cell) if item.strip()]
    return [item.strip() for item in cell.split(";") if item.strip()]


def _lines(cell: str) -> list[str]:
    return [line.strip() for line in _LINE_BREAK.split(cell) if line.strip()]


def _record_dict(record: object) -> dict[str, object]:
    return dict(vars(record))


def _parse_trait(line: str, name: str, n: int) -> Trait:
    sliders, sep, value_text = line.rpartition(":")
    value_text = value_text.strip().rstrip("%").strip()
    if not sep or not re.fullmatch(r"-?\d+", value_text):
        raise _CellError(f'{name}[{n}]: "{line}" is not "Left - Right: value" (for example "Introvert - Extrovert: 70")')
    for separator in _TRAIT_SEPARATORS:
        if separator in sliders:
            left, _, right = sliders.partition(separator)
            break
    else:
        if sliders.count("-") != 1:
            raise _CellError(f'{name}[{n}]: "{line}" does not say where the left label ends (write "Left - Right: value")')
        left, _, right = sliders.partition("-")
    return Trait(left=left.strip(), right=right.strip(), value=int(value_text))


def _parse_source(line: str, name: str, n: int) -> Source:
    parts = [p.strip() for p in line.split("|", 3)] + ["", "", ""]
    return Source(kind=parts[0].lower(), title=parts[1], date=parts[2], note=parts[3])


def _parse_related(line: str, name: str, n: int) -> Relation:
    relation, sep, persona = line.partition(":")
    if not sep or not persona.strip():
        raise _CellError(f'{name}[{n}]: "{line}" is not "relation: persona" (for example "buys_for: Lea Hoffmann")')
    return Relation(persona=persona.strip(), relation=relation_key(relation))


def _parse_custom(line: str, name: str, n: int) -> CustomSection:
    label, sep, value = line.partition(":")
    if not sep:
        raise _CellError(f'{name}[{n}]: "{line}" is not "Label: text"')
    return CustomSection(label=label.strip(), value=value.strip())


def _parse_card(cell: str) -> CardDesign:
    values = {}
    for line in _lines(cell):
        key, sep, value = line.partition(":")
        if not sep or key.strip().lower() not in ("template", "theme"):
            raise _CellError(f'card: "{line}" is not "template: NAME" or "theme: NAME"')
        values[key.strip().lower()] = value.strip()
    return CardDesign(**values)


_RECORD_PARSERS = {
    "traits": _parse_trait,
    "sources": _parse_source,
    "related": _parse_related,
    "custom": _parse_custom,
}
