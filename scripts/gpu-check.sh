#!/usr/bin/env bash
# The GPU check of the device backends in one call, on a machine with an NVIDIA GPU but no Java, Maven or network.
#
#   scripts/gpu-check.sh prepare      here (JDK 17, Maven, nvcc, ../shared): build, then pack a jlink'd runtime, the
#                                     jars, the test classes, a JUnit runner and bunny-closed.obj into
#                                     .gpu/bundle.tar.xz (git-ignored; about 35 MiB, so with the working tree it stays
#                                     under the device tool's 64 MiB)
#   scripts/gpu-check.sh run [cuda]   there, from the repository root (device tool: carry [".gpu"]): unpack, then
#                                     the CUDA parity tests (tag gpu), the OpenCL parity tests (on the NVIDIA OpenCL
#                                     driver), the throughput benchmarks (DeviceStepBench: fp32 and fp16, training
#                                     and inference, batch 2^18), a fit of bunny-closed.obj (fp32 and fp16) with its
#                                     Chamfer-L1, and a NeuralPull reconstruction of 100k points; prints one table and
#                                     writes it, with the logs, to $OUT when set. About 5 minutes; every step has a
#                                     time limit, cut to what is left of 470 s, so the whole stays under 8 minutes.
#   scripts/gpu-check.sh run opencl   the same rehearsed here on POCL (no fp16), to check the script itself; with
#                                     GPU_CHECK_QUICK=1 the fit takes 20 steps and NeuralPull 20k points, 40 steps.
set -uo pipefail
cd "$(dirname "$0")/.."

prepare() {
    set -e
    local stage=.gpu/stage
    local jdk
    jdk=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    mvn -B -q install -DskipTests
    rm -rf .gpu && mkdir -p "$stage"/{lib,tests,runner,data}
    mvn -B -q -pl cli,bench dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$stage/lib"
    mvn -B -q -pl reconstruction dependency:copy-dependencies -DincludeScope=test -DoutputDirectory="$PWD/$stage/lib"
    cp cli/target/isofield-cli-*.jar bench/target/isofield-bench-*.jar "$stage/lib/"
    # The JUnit launcher (surefire brings its own, so no module depends on it), at the engine's version.
    local platform
    platform=$(ls "$stage"/lib/junit-platform-engine-*.jar | sed 's/.*junit-platform-engine-\(.*\)\.jar/\1/')
    mvn -B -q dependency:copy -Dartifact="org.junit.platform:junit-platform-launcher:$platform" \
        -DoutputDirectory="$PWD/$stage/lib"
    # Vulkan, windows, shader compilation and assertj's proxies are not used there: leave their jars behind.
    rm -f "$stage"/lib/{lwjgl-vulkan,lwjgl-shaderc,lwjgl-vma,lwjgl-glfw,joml,archunit,cuda-redist,byte-buddy}*.jar
    for m in core encodings fields reconstruction; do cp -r "$m/target/test-classes" "$stage/tests/$m"; done
    "$jdk/bin/javac" -d "$stage/runner" -cp "$stage/lib/*" scripts/gpu-check/GpuTests.java
    "$jdk/bin/jlink" --add-modules java.base,jdk.unsupported,java.logging,java.management,jdk.incubator.vector,jdk.zipfs \
        --strip-debug --no-header-files --no-man-pages --compress=2 --output "$stage/jre" 2>/dev/null
    cp ../shared/datasets/meshes/bunny-closed.obj "$stage/data/"
    # The OpenCL ICD loader (ocl-icd), for a machine that has NVIDIA's OpenCL driver but no loader.
    mkdir -p "$stage/native" && cp -L "$(ldconfig -p | awk '/libOpenCL.so.1 / { print $NF; exit }')" "$stage/native/"
    tar cJf .gpu/bundle.tar.xz -C "$stage" .
    rm -rf "$stage"
    grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >> .git/info/exclude
    du -sh .gpu/bundle.tar.xz
}

# Time limit of a step: its own, or what is left of the whole run's 470 s when that is less (at least 1 s).
DEADLINE=0
lim() { local left=$((DEADLINE - $(date +%s))); [ "$left" -lt 1 ] && left=1; [ "$1" -lt "$left" ] && echo "$1" || echo "$left"; }

# Table rows: step, figure, value, target.
ROWS=()
row() { ROWS+=("$(printf '%-34s %-30s %-16s %s' "$1" "$2" "$3" "${4:-}")"); }

run() {
    local backend=${1:-cuda}
    DEADLINE=$(($(date +%s) + 470))
    local w=${TMPDIR:-/tmp}/isofield-gpu
    local logs=${OUT:-$w/out}
    rm -rf "$w" && mkdir -p "$w" "$logs"
    tar xJf .gpu/bundle.tar.xz -C "$w" || { echo "no .gpu/bundle.tar.xz: run scripts/gpu-check.sh prepare first"; exit 2; }
    export LD_LIBRARY_PATH=/usr/local/cuda/lib64:${LD_LIBRARY_PATH:-}
    ldconfig -p 2>/dev/null | grep -q 'libOpenCL.so.1 ' || export LD_LIBRARY_PATH="$w/native:$LD_LIBRARY_PATH"
    # NVIDIA installs its OpenCL driver as a library without an .icd file: name it for the ICD loader.
    local ocl=""
    for d in /usr/local/nvidia/lib64 /usr/lib/x86_64-linux-gnu /usr/lib64; do
        [ -e "$d/libnvidia-opencl.so.1" ] && { ocl="$d/libnvidia-opencl.so.1"; break; }
    done
    if [ -n "$ocl" ] && ! ls /etc/OpenCL/vendors/*.icd >/dev/null 2>&1; then
        mkdir -p "$w/icd" && echo "$ocl" > "$w/icd/nvidia.icd" && export OCL_ICD_VENDORS="$w/icd"
    fi
    # LLVM in OpenCL drivers replaces the JVM's signal handlers; the JVM's signal-chaining library keeps them working
    # (for the JVMs only: other programs would print its deprecation warning).
    local java=(env LD_PRELOAD="$w/jre/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}" "$w/jre/bin/java" --add-modules jdk.incubator.vector -Xmx24g -Djava.awt.headless=true)
    local cp="$w/lib/*:$w/runner:$w/tests/core:$w/tests/encodings:$w/tests/fields:$w/tests/reconstruction"
    local iso=("${java[@]}" -cp "$w/lib/*" org.isofield.cli.Main)
    local mesh="$w/data/bunny-closed.obj"
    local steps=1000 points=100000 pullSets=()
    if [ -n "${GPU_CHECK_QUICK:-}" ]; then steps=20; points=20000; pullSets=(--set steps=40); fi
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | sed 's/^/gpu: /'
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"

    # 1. Parity tests.
    if [ "$backend" = cuda ]; then
        timeout "$(lim 150)" "${java[@]}" -cp "$cp" GpuTests cuda '.*Cuda.*' gpu > "$logs/tests-cuda.txt" 2>&1
        row "tests CUDA (tag gpu)" "$(grep '^tests' "$logs/tests-cuda.txt" | cut -d: -f2- | xargs)" "" "0 failed"
    fi
    timeout "$(lim 150)" "${java[@]}" -cp "$cp" GpuTests opencl '.*OpenCl.*' > "$logs/tests-opencl.txt" 2>&1
    row "tests OpenCL" "$(grep '^tests' "$logs/tests-opencl.txt" | cut -d: -f2- | xargs)" "" "0 failed"

    # 2. Throughput: default SDF config, batch 2^18, whole step on the device.
    local precisions=fp32
    [ "$backend" = cuda ] && precisions=fp32,fp16
    timeout "$(lim 200)" "${java[@]}" -cp "$cp" org.openjdk.jmh.Main DeviceStepBench -f 0 -wi 2 -w 2s -i 3 -r 2s \
        -p batch=262144 -p backend="$backend" -p precision="$precisions" -rf csv -rff "$logs/bench.csv" \
        > "$logs/bench.txt" 2>&1
    while IFS=, read -r name _ _ _ score _ _ b batch p; do
        name=${name//\"/}; b=${b//\"/}; p=${p//\"/}; p=${p%$'\r'}
        [ -n "$score" ] || continue
        local rate target
        rate=$(awk -v s="$score" -v n="$batch" 'BEGIN { printf "%.3g", n / (s / 1000) }')
        case "${name##*.}/$p" in
            trainStep/fp32) target=">= 3e8" ;; inference/fp32) target=">= 1.5e9" ;;
            trainStep/fp16) target=">= 1e9" ;; inference/fp16) target=">= 4e9" ;;
        esac
        row "bench ${name##*.} $b $p" "samples/s (${score} ms/batch)" "$rate" "${target:-}"
    done < <(tail -n +2 "$logs/bench.csv" 2>/dev/null)

    # 3. fit bunny-closed to the Chamfer-L1 target, fp32 then fp16.
    for p in ${precisions//,/ }; do
        local f="$w/bunny-$p.isf"
        timeout "$(lim 120)" "${iso[@]}" fit "$mesh" -o "$f" --steps "$steps" --backend "$backend" --precision "$p" \
            --progress never > "$logs/fit-$p.txt" 2>&1
        local rate train cd
        rate=$(grep -o '[0-9.]* steps/s' "$logs/fit-$p.txt" | cut -d' ' -f1)
        train=$(awk -v r="$rate" -v n="$steps" 'BEGIN { if (r > 0) printf "%.2f s", n / r; else print "failed" }')
        timeout "$(lim 60)" "${iso[@]}" extract "$f" -o "$w/bunny-$p.ply" --resolution 256 --backend "$backend" \
            --precision "$p" --progress never > "$logs/extract-$p.txt" 2>&1
        cd=$(timeout "$(lim 60)" "${iso[@]}" eval "$w/bunny-$p.ply" "$mesh" 2>/dev/null | awk '$1 == "chamfer_l1" { print $2 }')
        row "fit bunny-closed $p, $steps steps" "training time" "$train" "<= 3 s"
        row "fit bunny-closed $p" "Chamfer-L1 (extract 256)" "${cd:-failed}" "<= 0.004"
    done

    # 4. NeuralPull on 100k points, whole process.
    "${iso[@]}" sample "$mesh" -n "$points" --seed 0 -o "$w/cloud.ply" --progress never > /dev/null 2>&1
    local t0 t1 cdp
    t0=$(date +%s.%N)
    timeout "$(lim 120)" "${iso[@]}" reconstruct "$w/cloud.ply" -o "$w/np.ply" --method neuralpull --backend "$backend" \
        "${pullSets[@]}" --progress never --report "$logs/neuralpull.json" > "$logs/neuralpull.txt" 2>&1
    t1=$(date +%s.%N)
    cdp=$(timeout "$(lim 60)" "${iso[@]}" eval "$w/np.ply" "$mesh" 2>/dev/null | awk '$1 == "chamfer_l1" { print $2 }')
    row "neuralpull $points points" "whole process" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f s", b - a }')" "<= 10 s"
    row "neuralpull $points points" "Chamfer-L1" "${cdp:-failed}" ""

    {
        echo "isofield gpu-check, backend $backend, $(date -u +%Y-%m-%dT%H:%MZ)"
        printf '%-34s %-30s %-16s %s\n' step figure value target
        printf '%s\n' "${ROWS[@]}"
    } | tee "$logs/gpu-check.txt"
}

case "${1:-}" in
    prepare) prepare ;;
    run) shift; run "$@" ;;
    *) echo "usage: scripts/gpu-check.sh prepare | run [cuda|opencl]"; exit 2 ;;
esac
