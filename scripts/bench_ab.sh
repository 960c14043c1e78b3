#!/usr/bin/env bash
# A/B of two benchmark jars in one sitting, alternating (old, new, old, new) so that the drift of a shared machine
# shows as the spread between rounds: the FMA peak first, then the whole field and the MLP alone.
#   scripts/bench_ab.sh OLD/bench/target/benchmarks.jar bench/target/benchmarks.jar
# Build the old jar from a clone: git clone -q . /tmp/old && (cd /tmp/old && git checkout REV &&
#   mvn -o -q package -DskipTests -Dcheckstyle.skip)   # package, not install: keeps ~/.m2 on the new code
set -euo pipefail
old=${1:?old benchmarks.jar}
new=${2:?new benchmarks.jar}
lscpu | grep -E "Model name|^CPU\(s\)" || true
java -jar "$new" FmaPeakBench -f 1 2>&1 | grep -E "^FmaPeak.*flop"
for round in 1 2; do
  for side in old new; do
    jar=$old; [ "$side" = new ] && jar=$new
    echo "== $side, round $round"
    java -jar "$jar" TrainStepBench -wi 3 -i 5 -f 1 -prof gc 2>&1 | grep -E "^TrainStepBench" \
      | grep -v -E "gc.count|gc.time|alloc.rate "
    java -jar "$jar" MlpBench -p kernels=vector -wi 3 -i 5 -w 2 -r 2 -f 1 2>&1 | grep -E "^MlpBench"
  done
done
