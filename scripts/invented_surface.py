#!/usr/bin/env python3
"""Invented surface of a reconstruction: how much of MESH lies farther than a share of the reference's diagonal
from REFERENCE, and how far those places are from the input CLOUD (surface far from the reference but near the
points is where a scan looked; far from both is invented).

    python3 scripts/invented_surface.py REFERENCE.obj|.ply MESH.ply CLOUD.ply [--share 0.01] [--samples 300000]

Needs numpy and scipy (Debian: python3-scipy). Reads binary little-endian or ASCII PLY and OBJ (v/f lines)."""
import argparse
import numpy as np
from scipy.spatial import cKDTree


def read_ply(path):
    with open(path, 'rb') as f:
        header = []
        while True:
            line = f.readline().decode('ascii', 'replace').strip()
            header.append(line)
            if line == 'end_header':
                break
        fmt = next(l for l in header if l.startswith('format')).split()[1]
        counts, props, element = {}, {'vertex': [], 'face': []}, None
        for line in header:
            t = line.split()
            if t and t[0] == 'element':
                element = t[1]
                counts[element] = int(t[2])
            elif t and t[0] == 'property' and element in props:
                props[element].append(t[1:])
        nv, nf = counts.get('vertex', 0), counts.get('face', 0)
        sizes = {'float': 'f4', 'float32': 'f4', 'double': 'f8', 'float64': 'f8', 'uchar': 'u1', 'uint8': 'u1',
                 'char': 'i1', 'int8': 'i1', 'short': 'i2', 'ushort': 'u2', 'int': 'i4', 'int32': 'i4',
                 'uint': 'u4', 'uint32': 'u4'}
        if fmt == 'ascii':
            rows = [f.readline().split() for _ in range(nv)]
            v = np.array([[float(x) for x in r[:3]] for r in rows])
            faces = [f.readline().split() for _ in range(nf)]
            return v, np.array([[int(x) for x in r[1:4]] for r in faces], dtype=np.int64).reshape(-1, 3)
        e = '<' if 'little' in fmt else '>'
        dt = np.dtype([(p[-1], e + sizes[p[0]]) for p in props['vertex']])
        a = np.frombuffer(f.read(nv * dt.itemsize), dtype=dt, count=nv)
        v = np.stack([a['x'], a['y'], a['z']], 1).astype(float)
        faces = np.zeros((0, 3), dtype=np.int64)
        if nf:
            lp = props['face'][0]
            fdt = np.dtype([('n', e + sizes[lp[1]]), ('i', e + sizes[lp[2]], 3)])
            faces = np.frombuffer(f.read(nf * fdt.itemsize), dtype=fdt, count=nf)['i'].astype(np.int64)
        return v, faces


def read_obj(path):
    v, f = [], []
    for line in open(path):
        if line.startswith('v '):
            v.append([float(x) for x in line.split()[1:4]])
        elif line.startswith('f '):
            f.append([int(x.split('/')[0]) - 1 for x in line.split()[1:4]])
    return np.array(v), np.array(f, dtype=np.int64)


def read(path):
    return read_obj(path) if path.endswith('.obj') else read_ply(path)


def sample(v, f, n, rng):
    a, b, c = v[f[:, 0]], v[f[:, 1]], v[f[:, 2]]
    area = 0.5 * np.linalg.norm(np.cross(b - a, c - a), axis=1)
    t = rng.choice(len(f), n, p=area / area.sum())
    u, w = rng.random(n), rng.random(n)
    flip = u + w > 1
    u[flip], w[flip] = 1 - u[flip], 1 - w[flip]
    return a[t] + u[:, None] * (b[t] - a[t]) + w[:, None] * (c[t] - a[t]), area.sum()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('reference')
    ap.add_argument('mesh')
    ap.add_argument('cloud')
    ap.add_argument('--share', type=float, default=0.01)
    ap.add_argument('--samples', type=int, default=300000)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    rv, rf = read(args.reference)
    ref, _ = sample(rv, rf, 2000000, rng)
    diag = np.linalg.norm(rv.max(0) - rv.min(0))
    tree = cKDTree(ref)
    mv, mf = read(args.mesh)
    s, area = sample(mv, mf, args.samples, rng)
    d, _ = tree.query(s)
    far = d > args.share * diag
    print(f'mesh area {area:.6g}; mean distance to the reference {d.mean() / diag:.6f} diagonals; '
          f'area farther than {args.share:g} diagonals: {far.mean():.5%} (largest {d.max() / diag:.4f})')
    dv, _ = tree.query(mv)
    farv = dv > args.share * diag
    cloud, _ = read(args.cloud)
    if farv.any():
        dc, _ = cKDTree(cloud).query(mv[farv])
        median = np.median(cKDTree(cloud).query(cloud, k=2)[0][:, 1])
        print(f'{farv.sum()} vertices farther than that; their distance to the nearest input point: median '
              f'{np.median(dc):.6g}, largest {dc.max():.6g} ({dc.max() / median:.1f} median spacings)')
    else:
        print('no vertex farther than that')


if __name__ == '__main__':
    main()
