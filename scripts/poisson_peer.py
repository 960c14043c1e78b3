#!/usr/bin/python3
"""Peer baseline for `isofield reconstruct`: Open3D screened Poisson on a raw point cloud.

Usage: /usr/bin/python3 scripts/poisson_peer.py INPUT.ply OUTPUT.ply

Settings (issue 4): normals from estimate_normals with 30 nearest neighbours, oriented with
orient_normals_consistent_tangent_plane(30), create_from_point_cloud_poisson(depth=9, scale=1.1),
no density trimming. Written for Debian's python3-open3d 0.16.1 (run it with /usr/bin/python3).
Prints one line: the seconds of each step and of the whole process since interpreter start.
"""
import sys
import time

START = time.time()

import open3d as o3d  # noqa: E402


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: poisson_peer.py INPUT.ply OUTPUT.ply\n")
        return 2
    src, dst = argv[1], argv[2]
    t_import = time.time()
    pcd = o3d.io.read_point_cloud(src)
    if len(pcd.points) == 0:
        sys.stderr.write(f"poisson_peer: {src}: no points read\n")
        return 3
    t_read = time.time()
    pcd.estimate_normals(search_param=o3d.geometry.KDTreeSearchParamKNN(knn=30))
    t_normals = time.time()
    pcd.orient_normals_consistent_tangent_plane(30)
    t_orient = time.time()
    mesh, _densities = o3d.geometry.TriangleMesh.create_from_point_cloud_poisson(pcd, depth=9, scale=1.1)
    t_poisson = time.time()
    if len(mesh.triangles) == 0:
        sys.stderr.write("poisson_peer: empty mesh\n")
        return 5
    if not o3d.io.write_triangle_mesh(dst, mesh):
        sys.stderr.write(f"poisson_peer: cannot write {dst}\n")
        return 1
    t_end = time.time()
    print(f"poisson_peer points={len(pcd.points)} vertices={len(mesh.vertices)} faces={len(mesh.triangles)} "
          f"import={t_import - START:.2f} read={t_read - t_import:.2f} normals={t_normals - t_read:.2f} "
          f"orient={t_orient - t_normals:.2f} poisson={t_poisson - t_orient:.2f} write={t_end - t_poisson:.2f} "
          f"total={t_end - START:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
