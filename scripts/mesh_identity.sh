#!/usr/bin/env bash
# Proof that a change keeps every reconstructed mesh byte-identical: record the meshes of one build, then compare two
# records. A record holds one line per reconstruction (SHA-256 of the mesh's origin, vertices, faces and normals, the
# field's blocks and the details, written by the library when ISOFIELD_DIGEST_LOG is set), sorted, for
#   - the default tests of the modules that reconstruct (reconstruction, cli) and those below them, and
#   - the shared-set table: `isofield reconstruct` at the defaults on the 22 clouds of scripts/reconstruction_table.sh
#     (100k samples of each mesh in ../shared/datasets/meshes, clean and with noise 0.005), plus the PLY file hashes.
#
# usage: scripts/mesh_identity.sh record OUTDIR [--tests-only|--table-only]   (records the checkout the script is in)
#        scripts/mesh_identity.sh compare BEFORE_DIR AFTER_DIR
#        scripts/mesh_identity.sh against REV OUTDIR    (records REV in a temporary worktree and this checkout, compares)
# Run both builds on the same machine: floating-point results are only promised identical on one CPU and JVM.
# compare exits 1 when a mesh of BEFORE is missing or differs in AFTER (tests added since only add lines).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

record() {
  local out what
  out="$(mkdir -p "$1" && cd "$1" && pwd)"; what="${2:-all}"
  cd "$here"
  # a private local repository (links to the shared one, isofield's own artifacts apart), so that installs by
  # another checkout meanwhile cannot swap jars under a running test
  local m2="$out/m2"
  if [ ! -d "$m2/org" ]; then
    mkdir -p "$m2/org"
    for d in "$HOME"/.m2/repository/*; do [ "$(basename "$d")" = org ] || ln -sfn "$d" "$m2/"; done
    for d in "$HOME"/.m2/repository/org/*; do [ "$(basename "$d")" = isofield ] || ln -sfn "$d" "$m2/org/"; done
  fi
  local mvn=(mvn -B -q "-Dmaven.repo.local=$m2")
  "${mvn[@]}" install -DskipTests >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }
  if [ "$what" != "--table-only" ]; then
    rm -f "$out/tests.log"
    ISOFIELD_DIGEST_LOG="$out/tests.log" "${mvn[@]}" test -pl reconstruction,cli -am >"$out/test-run.log" 2>&1 \
      || { tail -40 "$out/test-run.log"; echo "mesh_identity: the tests failed ($out/test-run.log)"; exit 1; }
    sort "$out/tests.log" >"$out/tests.sorted"
    echo "mesh_identity: $(wc -l <"$out/tests.sorted") test reconstructions recorded"
  fi
  if [ "$what" != "--tests-only" ]; then
    local clouds="$out/../clouds" meshes="$here/../shared/datasets/meshes"
    mkdir -p "$clouds"; rm -f "$out/table.log" "$out/table.files"
    for mesh in "$meshes"/*.obj; do
      stem="$(basename "$mesh" .obj)"
      for noise in 0 0.005; do
        cloud="$clouds/$stem-n$noise.ply"
        [ -f "$cloud" ] || "$here/isofield" sample "$mesh" -o "$cloud" -n 100000 --noise "$noise" --seed 0 --quiet
        ISOFIELD_DIGEST_LOG="$out/table.log" ISOFIELD_OPTS="${ISOFIELD_OPTS:--Xmx4g}" "$here/isofield" reconstruct \
          "$cloud" -o "$out/$stem-n$noise.ply" --force --quiet --progress never 2>"$out/$stem-n$noise.err" \
          || echo "failed: $(tail -1 "$out/$stem-n$noise.err")" >>"$out/table.log"
        (cd "$out" && sha256sum "$stem-n$noise.ply" >>table.files)
      done
    done
    sort "$out/table.log" >"$out/table.sorted"
    echo "mesh_identity: $(wc -l <"$out/table.sorted") table reconstructions recorded"
  fi
}

# the reconstructions on the Java CPU path; device results (OpenCL, CUDA) are left out: their float atomics make them
# differ from run to run of one build (NeuralPull on POCL, 2026-12-07)
cpu_only() { grep -v -e 'backend=opencl' -e 'backend=cuda' "$1" | sort; }

compare() {
  # every CPU reconstruction of BEFORE must be in AFTER, byte for byte (AFTER may hold more: tests added since)
  local a="$1" b="$2" bad=0
  for part in tests table; do
    [ -f "$a/$part.sorted" ] && [ -f "$b/$part.sorted" ] || continue
    cpu_only "$a/$part.sorted" >"$a/$part.cpu"; cpu_only "$b/$part.sorted" >"$b/$part.cpu"
    echo "$part: $(($(wc -l <"$a/$part.sorted") - $(wc -l <"$a/$part.cpu"))) device reconstructions of before left out"
    local gone added
    gone=$(comm -23 <(cut -d' ' -f1-6 "$a/$part.cpu" | sort) <(cut -d' ' -f1-6 "$b/$part.cpu" | sort) | wc -l)
    added=$(comm -13 <(cut -d' ' -f1-6 "$a/$part.cpu" | sort) <(cut -d' ' -f1-6 "$b/$part.cpu" | sort) | wc -l)
    if [ "$gone" -eq 0 ]; then
      echo "$part: all $(wc -l <"$a/$part.cpu") CPU meshes and fields of before are byte-identical after ($added new ones after)"
    else
      echo "$part: $gone MESHES OF BEFORE ARE MISSING OR CHANGED AFTER"
      comm -23 <(cut -d' ' -f1-6 "$a/$part.cpu" | sort) <(cut -d' ' -f1-6 "$b/$part.cpu" | sort) | head -10
      bad=1
    fi
    local dgone
    dgone=$(comm -23 "$a/$part.cpu" "$b/$part.cpu" | wc -l)
    [ "$dgone" -eq 0 ] && echo "$part: their details (report keys and values) are identical too" \
      || echo "$part: $dgone reconstructions have other details (diff $a/$part.cpu $b/$part.cpu)"
  done
  if [ -f "$a/table.files" ] && [ -f "$b/table.files" ]; then
    if cmp -s "$a/table.files" "$b/table.files"; then echo "table: $(wc -l <"$a/table.files") PLY files identical"
    else echo "table: PLY FILES DIFFER"; diff "$a/table.files" "$b/table.files" | head; bad=1; fi
  fi
  return $bad
}

case "${1:-}" in
  record) record "$2" "${3:-all}" ;;
  compare) compare "$2" "$3" ;;
  against)
    wt="$(mktemp -d)/base"; git -C "$here" worktree add -q --detach "$wt" "$2"
    trap 'git -C "$here" worktree remove --force "$wt"' EXIT
    ln -sfn "$here/../shared" "$(dirname "$wt")/shared"
    "$wt/scripts/mesh_identity.sh" record "$3/before" "${4:-all}"
    record "$3/after" "${4:-all}"
    compare "$3/before" "$3/after" ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
