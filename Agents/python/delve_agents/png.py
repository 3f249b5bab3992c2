"""A small PNG reader (stdlib only) for Delve's image observations: 8-bit
indexed color (what Delve writes), RGB or RGBA, not interlaced, every filter
type. Used by the tests to check frames, and handy for agents that want
pixels without Pillow.

    width, height, color_type, rows = read_png(base64.b64decode(observation["image"]["data"]))
    r, g, b = pixel(rows, x, y)

Indexed rows come back expanded to RGB, so `pixel` reads every kind alike.
"""

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_chunks(data):
    """(IHDR fields, PLTE bytes, IDAT bytes joined) of a PNG, every chunk's CRC checked.
    The IHDR fields: width, height, bit depth, color type, compression, filter, interlace."""
    if data[:8] != SIGNATURE:
        raise ValueError("not a PNG: bad signature")
    position, header, idat, palette = 8, None, b"", b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"bad CRC in chunk {kind!r}")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        position += 12 + length
    if header is None:
        raise ValueError("no IHDR chunk")
    return header, palette, idat


def read_png(data):
    """(width, height, color type, rows): rows are bytearrays of RGB (or RGBA) bytes, top to bottom.
    Raises ValueError for anything but an 8-bit, non-interlaced indexed, RGB or RGBA PNG with correct CRCs."""
    header, palette, idat = read_chunks(data)
    width, height, depth, color_type, _, _, interlace = header
    if depth != 8 or color_type not in (2, 3, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, color type {color_type}, interlace {interlace}")
    channels = {2: 3, 3: 1, 6: 4}[color_type]
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[i] = (line[i] + _paeth(left, up, corner)) & 0xFF
            elif kind != 0:
                raise ValueError(f"bad filter type {kind} in row {y}")
        rows.append(line)
        previous = line
    if color_type == 3:
        rows = [bytearray(b"".join(palette[3 * i:3 * i + 3] for i in row)) for row in rows]
    return width, height, color_type, rows


def pixel(rows, x, y, channels=3):
    """The (r, g, b) of the pixel at (x, y); `channels` is 4 for an RGBA image."""
    i = x * channels
    return tuple(rows[y][i:i + 3])
