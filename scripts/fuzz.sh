#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers with Jazzer, one Maven execution per reader (Jazzer fuzzes one @FuzzTest per
# JVM). Each run stops after the method's maxExecutions (20,000; ReaderFuzzTest, IsfFuzzTest) or at a finding; a
# finding is saved under .../ReaderFuzzTestInputs/<method>/ (IsfFuzzTestInputs/isf/ for .isf) in the module's test
# resources and then replayed by every default test run. Longer runs: JAZZER_MAX_DURATION or edit maxExecutions.
# Usage: scripts/fuzz.sh [METHOD...]   (default: all of ply obj off xyz stl pcd las gz isf)
set -euo pipefail
cd "$(dirname "$0")/.."
methods=("$@")
[ ${#methods[@]} -eq 0 ] && methods=(ply obj off xyz stl pcd las gz isf)
mvn -q -o -pl datasets,fields -am install -DskipTests >/dev/null
for m in "${methods[@]}"; do
  echo "== $m"
  if [ "$m" = isf ]; then module=fields; test="IsfFuzzTest#isf"; else module=datasets; test="ReaderFuzzTest#$m"; fi
  JAZZER_FUZZ=1 mvn -o -pl "$module" surefire:test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    2>&1 | grep -E "^Done|#[0-9]+.*(DONE|NEW)|Tests run:|==[0-9]+==|Exception|FuzzTest" | tail -5
done
