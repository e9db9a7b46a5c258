"""CSV import (spreadsheets, survey and CRM exports) and export, one row per persona.

Cell formats, shared by import and export:

- list fields (goals, pain_points, ...): one item per line inside the cell
  (Alt+Enter in a spreadsheet); a cell without line breaks is split at ``;``.
- ``traits``: one slider per line, ``Left - Right: value`` with value 0-100
  ("Introvert-Extrovert: 70"; a ``%`` after the value is allowed). Left and right
  are split at " - ", " – ", "↔", "...", "…" or "/", else at a single "-".
- ``sources``: one per line, ``kind | title | date | note`` (later parts optional).
  A ``|`` inside a part is written ``\\|``.
- ``related``: one per line, ``relation: persona`` ("Buys for: Lea Hoffmann").
- ``custom``: one per line, ``Label: value``; a ``:`` inside the label is written
  ``\\:`` (the value may hold any colons). A column mapped to ``custom`` with
  ``--map "Column=custom"`` instead becomes one section labelled with the column.
- ``card``: ``template: NAME`` and ``theme: NAME`` lines.
- ``type`` and ``confidence`` accept labels ("End user", "High").

Escapes: in source parts and custom labels the export writes every backslash as
``\\\\`` and a separator inside the text as ``\\|`` or ``\\:``; import reads
exactly those three escapes and leaves any other backslash as it is, so files
written before escaping existed read as before (except a doubled backslash in a
source or custom label, which now reads as one).

Export neutralises spreadsheet formulas: a cell starting with ``=``, ``+``, ``-``,
``@``, TAB or CR (after any leading quotes) gets one ``'`` in front, and import
removes exactly that one quote again, so a round trip changes nothing else.

What a CSV cannot carry is refused on export, naming the persona and field,
never written changed: photos, list items or record lines holding a line break,
empty list items, values with spaces at either end where the import trims them.
Every row is read back with the import's own parser before it is written, so
export and import cannot disagree. Use JSON for those personas.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from personadesigner.atomic import atomic_write
from personadesigner.core.fields import SPECS
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
    persona_to_dict,
)
from personadesigner.errors import InterchangeError, UserError, ValidationError, quoted
from personadesigner.interchange.checks import Warnings, check_imported
from personadesigner.interchange.csv_fields import (
    CSV_FIELDS,
    field_for_header,
    header_key,
    persona_type,
    relation_key,
)
from personadesigner.interchange.json_io import ImportResult
from personadesigner.interchange.textfile import open_text

_FORMULA_START = re.compile(r"^'*[=+\-@\t\r\n]")
#: Between a trait's two labels, in the order the parser tries them; the writer uses the
#: first one that reads back as the same two labels, so export and import always agree.
_TRAIT_SEPARATORS = (" - ", " ↔ ", "↔", " ... ", "...", "…", " – ", " — ", "/")
_CUSTOM_COLUMN = "custom"
#: A story cell may be long; csv's default limit (128 KiB) would call it malformed.
_MAX_CELL_CHARS = 16 * 1024 * 1024
#: Only real line breaks separate items (str.splitlines also splits at \x0b, \u2028...).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: The three escapes of source parts and custom labels (see the module docstring).
_ESCAPE = re.compile(r"\\([\\|:])")


@dataclass
class CsvImportResult(ImportResult):
    """Also tells which column went to which field, and which matched none."""

    columns: dict[str, str] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)


# ------------------------------------------------------------------- export
def write_csv(personas: Iterable[Persona], path: str | os.PathLike[str]) -> int:
    """Write one row per persona (UTF-8 with BOM, for spreadsheets); returns the count.

    UserError (nothing written) for a persona the CSV would not give back unchanged.
    """
    count = 0
    columns = {i: (name, False) for i, name in enumerate(CSV_FIELDS)}
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(CSV_FIELDS)
        for p in personas:
            row = [neutralise_formula(_cell(p, name)) for name in CSV_FIELDS]
            _check_round_trip(p, row, columns)
            writer.writerow(row)
            count += 1
    return count


def _check_round_trip(p: Persona, row: list[str], columns: dict[int, tuple[str, bool]]) -> None:
    """Read the row back with the import's parser; refuse the export when anything would change."""
    who = quoted(p.name.strip() or "(unnamed)")
    if p.photo:
        raise UserError(f"Persona {who} has a photo, which a CSV file cannot carry; export as JSON to keep it.")
    data = persona_to_dict(p, include_empty=True)
    changed = _changed_field(row, columns, data, CSV_FIELDS)
    if changed is None:
        return
    if changed == "":  # the row as a whole does not read back, though each cell alone does
        changed = next((n for n in CSV_FIELDS if _changed_field(row, columns, data, [n]) is not None), "name")
    raise UserError(
        f"Persona {who}: {changed} cannot be written to a CSV file unchanged ({_why_not(getattr(p, changed))}); "
        "export as JSON to keep it exactly."
    )


def _changed_field(
    row: list[str], columns: dict[int, tuple[str, bool]], data: dict, fields: Iterable[str]
) -> str | None:
    """The first of ``fields`` the row does not give back as in ``data``; "" when the row cannot be read."""
    fields = list(fields)
    if len(fields) == 1:  # read this cell alone (with the name, which every row needs)
        keep = {CSV_FIELDS.index(fields[0]), CSV_FIELDS.index("name")}
        row = [cell if i in keep else "" for i, cell in enumerate(row)]
    try:
        back = persona_to_dict(
            _row_persona(row, list(CSV_FIELDS), columns, 0, "", Warnings(limit=0)), include_empty=True
        )
    except InterchangeError:
        return fields[0] if len(fields) == 1 else ""
    return next((name for name in fields if data.get(name) != back.get(name)), None)


def _why_not(value: object) -> str:
    """The likely reason a value does not survive CSV, in words."""
    texts: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        texts.extend(str(v) for v in (vars(item).values() if hasattr(item, "__dict__") else [item]))
    if isinstance(value, str) and value and not value.strip():
        return "the value is only spaces"
    if any(_LINE_BREAK.search(t) for t in texts if isinstance(value, list)):
        return "an item holds a line break"
    if isinstance(value, list) and any(not str(t).strip() for t in value if isinstance(t, str)):
        return "an item is empty"
    if any(t != t.strip() for t in texts):
        return "a value starts or ends with a space"
    return "it would read back differently"


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
        return "\n".join(_source_text(s) for s in value)
    if name == "related":
        return "\n".join(f"{r.relation}: {r.persona}" for r in value)
    if name == "custom":
        return "\n".join(f"{_escape(c.label, ':')}: {c.value}" for c in value)
    if name == "card":
        return "" if value == CardDesign() else f"template: {value.template}\ntheme: {value.theme}"
    return value


def _escape(text: str, separator: str) -> str:
    """Backslashes doubled and ``separator`` escaped, so a reader can tell text from structure."""
    return text.replace("\\", "\\\\").replace(separator, "\\" + separator)


def _unescape(text: str) -> str:
    """Undo ``_escape``: exactly \\\\, \\| and \\: (any other backslash is kept, as old files wrote it)."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _split_unescaped(line: str, separator: str, maxsplit: int = -1) -> list[str]:
    """``line.split(separator, maxsplit)`` that does not split at an escaped separator."""
    if "\\" not in line:
        return line.split(separator, maxsplit)
    parts, current, i = [], [], 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line):
            current.append(line[i : i + 2])
            i += 2
            continue
        if ch == separator and (maxsplit < 0 or len(parts) < maxsplit):
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def _source_text(s: Source) -> str:
    parts = [s.kind, s.title, s.date, s.note]
    while len(parts) > 1 and not parts[-1]:
        parts.pop()  # later parts are optional
    return " | ".join(_escape(part, "|") for part in parts)


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
def read_csv(
    path: str | os.PathLike[str], *, encoding: str | None = None, mapping: Mapping[str, str] | None = None
) -> CsvImportResult:
    """Parse and validate a CSV file (nothing is stored).

    ``mapping`` names columns the headers do not match: {"Column": "field"};
    an empty field ignores the column without a warning.
    """
    result, warnings = CsvImportResult(), Warnings()
    result.personas = list(iter_csv(path, warnings, encoding=encoding, mapping=mapping, result=result))
    result.warnings = warnings.lines()
    return result


def iter_csv(
    path: str | os.PathLike[str],
    warnings: Warnings,
    *,
    encoding: str | None = None,
    mapping: Mapping[str, str] | None = None,
    result: CsvImportResult | None = None,
) -> Iterator[Persona]:
    """The file's personas, parsed and validated one row at a time (memory does not grow with the file).

    ``result``, when given, is told which column went to which field.
    """
    source = Path(path)
    with open_text(source, encoding) as stream:
        yield from _iter_personas(stream, str(source), mapping, warnings, result or CsvImportResult())


def loads_csv(text: str, *, source: str = "<csv>", mapping: Mapping[str, str] | None = None) -> CsvImportResult:
    result, warnings = CsvImportResult(), Warnings()
    result.personas = list(_iter_personas(io.StringIO(text, newline=""), source, mapping, warnings, result))
    result.warnings = warnings.lines()
    return result


def _iter_personas(
    stream: TextIO, source: str, mapping: Mapping[str, str] | None, warnings: Warnings, result: CsvImportResult
) -> Iterator[Persona]:
    rows = iter_csv_rows(stream, source)
    first = next(rows, None)
    if first is None:
        raise InterchangeError(f"{source}: the file is empty; the first row must name the columns.")
    _header_line, header = first
    columns = _match_columns(header, mapping or {}, source, result, warnings)
    if "name" not in {target for target, _ in columns.values()}:
        raise InterchangeError(
            f'{source}: no column holds the persona name (name one "Name" or use --map "Column=name").'
        )
    for line, cells in rows:
        if any(c.strip() for c in cells):
            yield _row_persona(cells, header, columns, line, source, warnings)


def csv_rows(text: str, source: str) -> list[tuple[int, list[str]]]:
    """(starting line, cells) of every record; the delimiter is read from the header line.

    Public so previews (the app's column-mapping dialog) split cells exactly as the import does.
    """
    return list(iter_csv_rows(io.StringIO(text, newline=""), source))


def iter_csv_rows(stream: TextIO, source: str) -> Iterator[tuple[int, list[str]]]:
    """``csv_rows`` one record at a time, from text read in pieces (opened with newline="")."""
    first = stream.readline()
    delimiter = max((",", ";", "\t"), key=first.count) if any(d in first for d in ",;\t") else ","
    reader = csv.reader(itertools.chain([first], stream), delimiter=delimiter, strict=True)
    line = 1
    limit = csv.field_size_limit
    while True:
        # Cells up to _MAX_CELL_CHARS while one record is read. The csv module's limit is
        # process-wide (no reader option): raised per record and put back at once, so
        # other csv users in the process keep theirs.
        before = limit(max(limit(), _MAX_CELL_CHARS))
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InterchangeError(f"{source}: line {reader.line_num}: the CSV is malformed ({exc}).") from None
        finally:
            limit(before)
        yield line, cells
        line = reader.line_num + 1


def _match_columns(
    header: list[str], mapping: Mapping[str, str], source: str, result: CsvImportResult, warnings: Warnings
) -> dict[int, tuple[str, bool]]:
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
                warnings.append(
                    f'{source}: column "{title}" matches no persona field and was not imported '
                    f'(use --map "{title}=FIELD" to import it).'
                )
            continue
        columns[i] = (name, False)
    for column in mapping:
        if header_key(column) in unused:
            warnings.append(f'{source}: has no column "{column}" (named in --map).')
    for i, (name, _) in columns.items():
        result.columns[header[i]] = name
    return columns


def _row_persona(
    cells: list[str],
    header: list[str],
    columns: dict[int, tuple[str, bool]],
    line: int,
    source: str,
    warnings: Warnings,
) -> Persona:
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
                warnings.append(f"{source}: {label}: two columns fill {name}; the later one was joined on a new line.")
                value = f"{previous}\n{value}"
            data[name] = value
        card = data.pop("card", None)
        persona, _ = persona_from_dict(data)
        if card is not None:
            persona.card = card  # type: ignore[assignment]
        persona.custom.extend(sections)
        persona.validate()
        note = check_imported(persona)
    except (ValidationError, _CellError) as exc:
        message = exc.detail if isinstance(exc, ValidationError) else str(exc)
        raise InterchangeError(f"{source}: {label}: {message}") from None
    if note is not None:
        warnings.append(f"{source}: {label}: {note}")
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
    if SPECS[name].kind in ("choice", "date", "meta"):  # a choice, date, id or timestamp: no outer spaces
        return cell.strip().lower() if SPECS[name].kind == "choice" else cell.strip()
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
        raise _CellError(
            f'{name}[{n}]: "{line}" is not "Left - Right: value" (for example "Introvert - Extrovert: 70")'
        )
    for separator in _TRAIT_SEPARATORS:
        if separator in sliders:
            left, _, right = sliders.partition(separator)
            break
    else:
        if sliders.count("-") != 1:
            raise _CellError(
                f'{name}[{n}]: "{line}" does not say where the left label ends (write "Left - Right: value")'
            )
        left, _, right = sliders.partition("-")
    return Trait(left=left.strip(), right=right.strip(), value=int(value_text))


def _parse_source(line: str, name: str, n: int) -> Source:
    parts = [_unescape(p.strip()) for p in _split_unescaped(line, "|", 3)] + ["", "", ""]
    return Source(kind=parts[0].lower(), title=parts[1], date=parts[2], note=parts[3])


def _parse_related(line: str, name: str, n: int) -> Relation:
    relation, sep, persona = line.partition(":")
    if not sep or not persona.strip():
        raise _CellError(f'{name}[{n}]: "{line}" is not "relation: persona" (for example "buys_for: Lea Hoffmann")')
    return Relation(persona=persona.strip(), relation=relation_key(relation))


def _parse_custom(line: str, name: str, n: int) -> CustomSection:
    parts = _split_unescaped(line, ":", 1)
    if len(parts) < 2:
        raise _CellError(f'{name}[{n}]: "{line}" is not "Label: text"')
    return CustomSection(label=_unescape(parts[0].strip()), value=parts[1].strip())


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
