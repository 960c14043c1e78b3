#!/usr/bin/env python3
"""Writes the binary files of the malformed-file corpus (datasets/src/test/resources/org/isofield/datasets/io/malformed).

Run from the repository root: python3 datasets/src/test/scripts/make_malformed_binary.py
Prints each file with the byte offsets that MalformedFilesTest expects in its messages.
"""
import os
import struct

OUT = os.path.join("datasets", "src", "test", "resources", "org", "isofield", "datasets", "io", "malformed")


def ply_header(encoding, vertices, faces=None, face_list="property list uchar int vertex_indices"):
    h = "ply\nformat %s 1.0\nelement vertex %d\nproperty float x\nproperty float y\nproperty float z\n" % (encoding, vertices)
    if faces is not None:
        h += "element face %d\n%s\n" % (faces, face_list)
    return (h + "end_header\n").encode("ascii")


TRI = [(0, 0, 0), (1, 0, 0), (0, 1, 0)]


def verts(points, fmt="<fff"):
    return b"".join(struct.pack(fmt, *p) for p in points)


def write(name, data, note):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    print("%-40s %5d bytes  %s" % (name, len(data), note))


def main():
    h = ply_header("binary_little_endian", 3)
    write("ply-binary-truncated.ply", h + verts(TRI)[:30], "body starts at byte %d" % len(h))

    h = ply_header("binary_little_endian", 3, 1)
    body = verts(TRI) + struct.pack("<Bii", 3, 0, 1)
    write("ply-binary-truncated-in-face.ply", h + body, "face list at byte %d" % (len(h) + 36))

    body = verts(TRI) + struct.pack("<Biii", 3, 0, 1, 7)
    write("ply-binary-index-out-of-range.ply", h + body, "bad index at byte %d" % (len(h) + 36 + 1 + 8))

    h = ply_header("binary_little_endian", 3)
    body = verts([(0, 0, 0), (float("nan"), 0, 0), (0, 1, 0)])
    write("ply-binary-nan.ply", h + body, "vertex 1 at byte %d" % (len(h) + 12))

    body = verts(TRI) + b"\x00" * 5
    write("ply-binary-trailing-bytes.ply", h + body, "trailing bytes at byte %d" % (len(h) + 36))

    h = ply_header("binary_little_endian", 3, 1, "property list char int vertex_indices")
    body = verts(TRI) + struct.pack("<biii", -3, 0, 1, 2)
    write("ply-binary-negative-list-count.ply", h + body, "list count at byte %d" % (len(h) + 36))

    h = ply_header("binary_big_endian", 3, 1, "property list uint int vertex_indices")
    body = verts(TRI, ">fff") + struct.pack(">Iiii", 0xFFFFFFF0, 0, 1, 2)
    write("ply-binary-huge-list-count.ply", h + body, "indices start at byte %d" % (len(h) + 36 + 4))

    tri = struct.pack("<3f", 0, 0, 1) + verts(TRI) + b"\x00\x00"
    write("stl-binary-size-mismatch.stl", b"binary".ljust(80, b" ") + struct.pack("<I", 10) + tri * 2, "count at byte 80")

    nan_tri = struct.pack("<3f", 0, 0, 1) + verts([(0, 0, 0), (1, float("inf"), 0), (0, 1, 0)]) + b"\x00\x00"
    write("stl-binary-nan.stl", b"binary".ljust(80, b" ") + struct.pack("<I", 2) + tri + nan_tri,
          "triangle 1 corners at byte %d" % (84 + 50 + 12))

    write("stl-binary-solid-header-truncated.stl",
          b"solid exported by a CAD tool".ljust(80, b" ") + struct.pack("<I", 3) + tri * 2 + tri[:20],
          "looks like ascii but holds binary; count at byte 80")

    write("stl-too-short.stl", bytes(range(40)), "40 bytes")


if __name__ == "__main__":
    main()
