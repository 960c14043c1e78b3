#!/usr/bin/env bash
# Runs `isofield reconstruct` (GridPull, or METHOD=neuralpull) and the Open3D Poisson peer on one shape and prints one
# table line.
#
# usage: scripts/compare_poisson.sh MESH [NOISE] [WORKDIR]
#   MESH     a reference mesh, e.g. ../shared/datasets/meshes/spot-lowres.obj
#   NOISE    sampling noise as a fraction of the bbox diagonal (isofield sample --noise), default 0
#   WORKDIR  where clouds and meshes go, default /tmp/isofield-compare
# Both methods read the same 100000-point cloud (no normals) and are timed as whole processes, one after the
# other. GridPull extracts at --resolution 256; Poisson is scripts/poisson_peer.py (depth 9, scale 1.1, normals from
# 30 neighbours oriented by orient_normals_consistent_tangent_plane(30), no trimming). Both are judged by
# `isofield eval` against MESH. Columns: shape noise | GridPull CD-L1 NC watertight seconds | Poisson CD-L1 NC
# watertight seconds | CD ratio GP/Poisson, time ratio GP/Poisson.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mesh="$1"
noise="${2:-0}"
work="${3:-/tmp/isofield-compare}"
mkdir -p "$work"
name="$(basename "${mesh%.*}")-n${noise}"
cloud="$work/$name.ply"
iso="${ISOFIELD:-$here/isofield}"   # another launcher, e.g. a frozen build, may be given
method="${METHOD:-gridpull}"        # the isofield method of the first columns
"$iso" sample "$mesh" -o "$cloud" -n 100000 --noise "$noise" --seed 0 --force --quiet

t0=$(date +%s.%N)
"$iso" reconstruct "$cloud" -o "$work/$name-$method.ply" --method "$method" --resolution 256 --force --quiet \
    --progress never --report "$work/$name-$method.json"
t1=$(date +%s.%N)
/usr/bin/python3 "$here/scripts/poisson_peer.py" "$cloud" "$work/$name-poisson.ply" > "$work/$name-poisson.log"
t2=$(date +%s.%N)

"$iso" eval "$work/$name-$method.ply" "$mesh" --json > "$work/$name-$method-eval.json"
"$iso" eval "$work/$name-poisson.ply" "$mesh" --json > "$work/$name-poisson-eval.json"

/usr/bin/python3 - "$name" "$noise" "$work/$name-$method-eval.json" "$work/$name-poisson-eval.json" \
    "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" <<'PY'
import json, sys
name, noise, gp_file, ps_file, gp_t, ps_t = sys.argv[1:]
gp, ps = json.load(open(gp_file)), json.load(open(ps_file))
gp_t, ps_t = float(gp_t), float(ps_t)
def cols(e, t):
    return f"{e['chamfer_l1']:.6f} | {e['normal_consistency']:.4f} | {'yes' if e['recon_mesh']['watertight'] else 'no'} | {t:.1f}"
print(f"| {name.rsplit('-n', 1)[0]} | {noise} | {cols(gp, gp_t)} | {cols(ps, ps_t)} | "
      f"{gp['chamfer_l1'] / ps['chamfer_l1']:.3f} | {gp_t / ps_t:.2f} |")
PY
