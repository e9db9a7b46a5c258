"""Reading a design file (template, theme) into its typed schema, or one line saying why not.

The schemas are frozen msgspec Structs (core.template_schema, core.theme_schema);
msgspec refuses unknown keys, wrong types and values outside a Literal, but
tells only where (``$.regions[4].items[2]``). This module turns that into the
sentence a user can act on: the file, the key path as written in the file and
what is allowed there, read from the schema itself so it never goes stale.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import msgspec
import msgspec.inspect as mi

from personadesigner.errors import UserError, quoted

_WHERE = re.compile(r" - at `\$(?P<path>[^`]*)`$")
_TOKEN = re.compile(r"\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)|\[(?P<index>\d+|\.\.\.)\]")


class DesignFileError(UserError):
    """A template or theme file breaks its schema: names the file, the key and what is allowed."""

    def __init__(self, kind: str, source: str | Path, key: str, problem: str, allowed: str = "") -> None:
        self.kind, self.source, self.key, self.problem, self.allowed = kind, str(source), key, problem, allowed
        where = f" at {key}" if key else ""
        tail = f" (allowed: {allowed})" if allowed else ""
        # A file is named by its path; a design without a file by a label ('the library template "Acme"').
        what = (
            self.source[0].upper() + self.source[1:]
            if self.source.startswith("the ")
            else f"The {kind} file {self.source}"
        )
        super().__init__(f"{what} is refused{where}: {problem}{tail}")


def convert(data: Any, schema: type, kind: str, source: str | Path) -> Any:
    """``data`` (parsed JSON) as an instance of ``schema``; DesignFileError naming the first problem."""
    try:
        return msgspec.convert(data, schema)
    except msgspec.ValidationError as exc:
        raise _explain(exc, data, schema, kind, source) from None


def key_path(tokens: list) -> str:
    """``["regions", 4, "items", 2, "kind"]`` -> ``regions[4].items[2].kind`` (as a user finds it in the file)."""
    out = ""
    for t in tokens:
        out += f"[{t}]" if isinstance(t, int) else (f".{t}" if out else str(t))
    return out


def allowed_words(values) -> str:
    return ", ".join(str(v) for v in values)


def _explain(exc: msgspec.ValidationError, data: Any, schema: type, kind: str, source) -> DesignFileError:
    message = str(exc)
    found = _WHERE.search(message)
    problem = message[: found.start()] if found else message
    tokens, info, parent = _walk(found.group("path") if found else "", data, mi.type_info(schema))
    unknown = re.match(r"Object contains unknown field `(.*)`$", problem)
    if unknown:
        return DesignFileError(kind, source, key_path([*tokens, unknown.group(1)]), "unknown key", _keys(info))
    missing = re.match(r"Object missing required field `(.*)`$", problem)
    if missing:
        return DesignFileError(
            kind,
            source,
            key_path([*tokens, missing.group(1)]),
            "a required key is missing",
            _choices(info, missing.group(1)) or _describe(_field_type(info, missing.group(1))),
        )
    if problem.startswith("Invalid value") and isinstance(parent, mi.UnionType):  # a tagged union's tag
        tags = sorted(t.tag for t in parent.types if isinstance(t, mi.StructType))
        return DesignFileError(
            kind, source, key_path(tokens), f"{_value(data, tokens)} is not a known {tokens[-1]}", allowed_words(tags)
        )
    return DesignFileError(kind, source, key_path(tokens), f"{_value(data, tokens)} is not allowed", _describe(info))


def _walk(path: str, data: Any, info):
    """Follow ``path`` (msgspec's ``.key[3]`` form) through the data and the schema's type info.

    Returns (path as tokens, type info at the end, type info of the struct or union holding it).
    A dict's ``[...]`` (msgspec does not say which key) becomes the first key whose value fails.
    """
    tokens: list = []
    parent = None
    for m in _TOKEN.finditer(path):
        info = _resolve(info, data)
        if m.group("key") is not None:
            key = m.group("key")
            parent = info
            info = _field_type(info, key)
            data = data.get(key) if isinstance(data, dict) else None
            tokens.append(key)
            continue
        index = m.group("index")
        if index == "...":
            key = _failing_key(info, data)
            info = info.value_type if isinstance(info, mi.DictType) else info
            data = data.get(key) if isinstance(data, dict) else None
            tokens.append(key)
            continue
        if isinstance(info, mi.TupleType):
            info = info.item_types[min(int(index), len(info.item_types) - 1)]
        else:
            info = getattr(info, "item_type", info)
        data = data[int(index)] if isinstance(data, list) and int(index) < len(data) else None
        parent = info
        tokens.append(int(index))
    return tokens, _resolve(info, data), parent


def _resolve(info, data):
    """Unwrap metadata and optional types; pick a tagged union's member by the data's tag."""
    while True:
        if isinstance(info, mi.Metadata):
            if isinstance(info.type, (mi.StructType, mi.DictType, mi.VarTupleType, mi.ListType)):
                info = info.type
                continue
            return info
        if isinstance(info, mi.UnionType):
            structs = [t for t in info.types if isinstance(t, mi.StructType)]
            if structs and isinstance(data, dict):
                tag_field = structs[0].tag_field
                chosen = [t for t in structs if tag_field is None or t.tag == data.get(tag_field)]
                if chosen:
                    info = chosen[0]
                    continue
            others = [t for t in info.types if not isinstance(t, mi.NoneType)]
            if len(others) == 1 and isinstance(others[0], (mi.StructType, mi.DictType, mi.VarTupleType)):
                info = others[0]
                continue
        return info


def _field_type(info, name: str):
    if isinstance(info, mi.StructType):
        for f in info.fields:
            if f.encode_name == name:
                return f.type
        if info.tag_field == name:
            return mi.LiteralType((info.tag,))
    return None


def _failing_key(info, data) -> str:
    if isinstance(info, mi.DictType) and isinstance(data, dict):
        value_type = _resolve(info.value_type, None)
        python_type = value_type.cls if isinstance(value_type, mi.StructType) else str
        for key, value in data.items():
            try:
                msgspec.convert(value, python_type)
            except msgspec.ValidationError:
                return str(key)
    return "..."


def _choices(info, key: str) -> str:
    """The values a struct names for one of its keys (a section's persona fields), if it does."""
    allowed = getattr(getattr(info, "cls", None), f"{key}s_allowed", None)
    return allowed_words(allowed()) if callable(allowed) else ""


def _value(data: Any, tokens: list) -> str:
    for t in tokens:
        try:
            data = data[t]
        except (KeyError, IndexError, TypeError):
            return "the value"
    if isinstance(data, str):
        return quoted(data)
    return "the value " + quoted(json.dumps(data, ensure_ascii=False), 40)[1:-1]


def _keys(info) -> str:
    if isinstance(info, mi.StructType):
        return allowed_words(sorted(f.encode_name for f in info.fields))
    return ""


def _describe(info) -> str:
    """What a value of this type may be, in a user's words."""
    if info is None:
        return ""
    describe = _DESCRIBE.get(type(info))
    return describe(info) if describe else ""


def _describe_metadata(info) -> str:
    return (info.extra_json_schema or {}).get("description") or _describe(info.type)


def _describe_union(info) -> str:
    structs = [t for t in info.types if isinstance(t, mi.StructType) and t.tag is not None]
    if structs:
        kinds = allowed_words(sorted(t.tag for t in structs))
        return f'an object whose "{structs[0].tag_field}" is one of {kinds}'
    parts = [_describe(t) for t in info.types if not isinstance(t, mi.NoneType)]
    return " or ".join(p for p in parts if p)


def _describe_number(info) -> str:
    word = "a whole number" if isinstance(info, mi.IntType) else "a number"
    bounds = [
        f"{op} {v:g}" for op, v in ((">", info.gt), (">=", info.ge), ("<", info.lt), ("<=", info.le)) if v is not None
    ]
    return word + (f" {' and '.join(bounds)}" if bounds else "")


_DESCRIBE = {
    mi.Metadata: _describe_metadata,
    mi.UnionType: _describe_union,
    mi.LiteralType: lambda info: allowed_words(info.values),
    mi.BoolType: lambda info: "true or false",
    mi.FloatType: _describe_number,
    mi.IntType: _describe_number,
    mi.StrType: lambda info: "text",
    mi.VarTupleType: lambda info: f"a list of {_describe(info.item_type)}",
    mi.ListType: lambda info: f"a list of {_describe(info.item_type)}",
    mi.TupleType: lambda info: f"a list of {len(info.item_types)}: " + ", ".join(map(_describe, info.item_types)),
    mi.DictType: lambda info: f"an object of {_describe(info.value_type)}",
    mi.StructType: lambda info: "an object with the keys " + _keys(info),
}
