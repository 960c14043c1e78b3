#!/usr/bin/env bash
# The issue-4 quality table: `isofield reconstruct` at the defaults against Open3D's Poisson on 100k-point samples of
# the meshes in ../shared/datasets/meshes, clean and with noise 0.005, one markdown row per cloud.
#
# usage: scripts/reconstruction_table.sh OUTDIR [STEM...]
#   OUTDIR  clouds, Poisson references and results; references already there are reused (the Poisson runs take
#           about half a minute each, so a second table with another build costs only the isofield runs)
#   STEM    mesh names without .obj (default: every mesh)
# Environment: ISOFIELD (the launcher, default ./isofield; a frozen build keeps a background run from rebuilding),
# ISOFIELD_OPTS (default -Xmx4g). Clouds: `isofield sample -n 100000 --seed 0 [--noise 0.005]`. Both methods are
# judged by `isofield eval` against the mesh. CPU = user + sys seconds of the reconstruct process (GNU time).
# Columns: shape | noise | CD-L1 | NC | F@0.005 | watertight | CPU s | grid | smooth | surface | sign | Poisson CD-L1
# | NC | F | watertight | CD ratio | NC diff | load. Targets: CD ratio <= 1.05 clean, <= 0.85 noisy; NC diff >= 0.
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$1"; shift
iso="${ISOFIELD:-$here/isofield}"
meshes="$here/../shared/datasets/meshes"
mkdir -p "$out"
stems=("$@")
[ ${#stems[@]} -eq 0 ] && stems=($(ls "$meshes"/*.obj | xargs -n1 basename | sed 's/\.obj$//'))
for stem in "${stems[@]}"; do
  for noise in 0 0.005; do
    name="$stem-n$noise"
    mesh="$meshes/$stem.obj"
    [ -f "$out/$name.ply" ] || "$iso" sample "$mesh" -o "$out/$name.ply" -n 100000 --noise "$noise" --seed 0 --quiet
    if [ ! -f "$out/$name-poisson-eval.json" ]; then
      /usr/bin/python3 "$here/scripts/poisson_peer.py" "$out/$name.ply" "$out/$name-poisson.ply" > "$out/$name-poisson.log" \
        && "$iso" eval "$out/$name-poisson.ply" "$mesh" --json > "$out/$name-poisson-eval.json" \
        || { echo "| $stem | $noise | Poisson failed: $(tail -1 "$out/$name-poisson.log") |"; continue; }
    fi
    if ! /usr/bin/time -f "%U %S %e" -o "$out/$name.time" env ISOFIELD_OPTS="${ISOFIELD_OPTS:--Xmx4g}" "$iso" \
        reconstruct "$out/$name.ply" -o "$out/$name-isofield.ply" --force --quiet --progress never \
        --report "$out/$name.json" 2> "$out/$name.err"; then
      echo "| $stem | $noise | failed: $(tail -1 "$out/$name.err") |"; continue
    fi
    "$iso" eval "$out/$name-isofield.ply" "$mesh" --json > "$out/$name-eval.json"
    /usr/bin/python3 - "$stem" "$noise" "$out/$name-eval.json" "$out/$name-poisson-eval.json" "$out/$name.time" \
        "$out/$name.json" "$(cut -d, -f3- <<<"$(uptime)")" <<'PY'
import json, sys
stem, noise, a_f, p_f, t_f, rep_f, load = sys.argv[1:]
a, p = json.load(open(a_f)), json.load(open(p_f))
u, s, e = map(float, open(t_f).read().split()[-3:])
d = json.load(open(rep_f))['inputs'][0]['details']
def cols(x):
    return (f"{x['chamfer_l1']:.6f} | {x['normal_consistency']:.4f} | {x['fscore']['0.005']:.4f} | "
            f"{'yes' if x['recon_mesh']['watertight'] else 'no'}")
print(f"| {stem} | {noise} | {cols(a)} | {u + s:.0f} | {d['grid_resolution']} | {d['smooth_weight']} | "
      f"{d.get('surface')} | {d.get('sign')} | {cols(p)} | {a['chamfer_l1'] / p['chamfer_l1']:.3f} | "
      f"{a['normal_consistency'] - p['normal_consistency']:+.4f} | {load.strip()} |", flush=True)
PY
  done
done
