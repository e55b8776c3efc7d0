"""Mapping between domain dataclasses and table rows, written once for every table.

Dates are stored as ISO text, enums as their stable value, lists and dicts of enums as
JSON. The mapping follows each dataclass's type hints, so adding a field to the domain
and a column in a migration is all a new attribute needs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def _unwrap_optional(hint: Any) -> Any:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(options) == 1:
            return options[0]
    return hint


@cache
def _field_types(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: _unwrap_optional(hints[f.name]) for f in dataclasses.fields(cls)}


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, Enum)


def _encode(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is list:
        return json.dumps([_plain(item) for item in value], ensure_ascii=False)
    if origin is dict:
        return json.dumps({_plain(k): _plain(v) for k, v in value.items()}, ensure_ascii=False)
    return _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _decode(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is list:
        (item_type,) = typing.get_args(hint)
        return [_decode(item, item_type) for item in json.loads(value)]
    if origin is dict:
        key_type, value_type = typing.get_args(hint)
        return {_decode(k, key_type): _decode(v, value_type) for k, v in json.loads(value).items()}
    if hint in (dt.datetime, dt.date, dt.time):
        return hint.fromisoformat(value)
    if hint is bool:
        return bool(value)
    if _is_enum(hint):
        return hint(value)
    return value


def to_row(record: Any) -> dict[str, Any]:
    """Return the column values for a domain record."""
    # A class is hashable; mypy checks type[...] against Hashable through instances' __hash__.
    types_by_field = _field_types(type(record))  # type: ignore[arg-type]
    return {name: _encode(getattr(record, name), hint) for name, hint in types_by_field.items()}


def _decoder(hint: Any) -> Callable[[Any], Any] | None:
    """Return how to decode a non-null column of this type; ``None`` when stored as is."""
    if typing.get_origin(hint) in (list, dict):
        return functools.partial(_decode, hint=hint)
    if hint in (dt.datetime, dt.date, dt.time):
        return typing.cast(Callable[[Any], Any], hint.fromisoformat)
    if hint is bool or _is_enum(hint):
        return typing.cast(Callable[[Any], Any], hint)
    return None


@cache
def _decoders(cls: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field's decoder, chosen once per class: the caseload decodes 20,000 rows at start."""
    return tuple((name, _decoder(hint)) for name, hint in _field_types(cls).items())


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """Build a domain record of ``cls`` from a row (extra columns are ignored)."""
    values = {}
    for name, decode in _decoders(cls):  # type: ignore[arg-type]  # as in to_row
        if name in row:
            value = row[name]
            values[name] = value if decode is None or value is None else decode(value)
    return cls(**values)
