#!/bin/sh
# Side-by-side import speed: Sysmon Triage's JSON import against `jq -c .EventID` on the same file.
#   bench/compare-jq.sh FILE [RUNS]        (build the jar first: mvn -q -B -o -DskipTests package)
# Prints, in one run on the same machine state:
#   1. jq:   RUNS timed runs of `jq -c .EventID FILE > /dev/null` (whole process), median;
#   2. java: `bench import --repeat RUNS FILE` in one JVM (import into the store, warm), median;
#   3. java cold: RUNS whole-process runs of `bench import --repeat 1` (JVM start included), median;
#   and the ratios java/jq (below 1.0 = faster than jq; the goal is 0.5).
# jq and java runs alternate in rounds so that load from other processes hits both alike.
set -eu
FILE=${1:?usage: bench/compare-jq.sh FILE [RUNS]}
RUNS=${2:-7}
HERE=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$HERE/app/target/sysmon-triage.jar}
JAVA_OPTS=${JAVA_OPTS:-}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

now() { date +%s%N; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

echo "file: $FILE ($(wc -c < "$FILE") bytes), runs: $RUNS, cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jq: $(jq --version), java: $(java -version 2>&1 | head -1)"
jq -c .EventID "$FILE" > /dev/null   # warm the page cache
i=0
while [ $i -lt "$RUNS" ]; do
  t0=$(now); jq -c .EventID "$FILE" > /dev/null; t1=$(now)
  echo "$t0 $t1" | awk '{printf "%.3f\n", ($2-$1)/1e9}' >> "$TMP/jq"
  t0=$(now); java $JAVA_OPTS -jar "$JAR" bench import --repeat 1 "$FILE" > /dev/null; t1=$(now)
  echo "$t0 $t1" | awk '{printf "%.3f\n", ($2-$1)/1e9}' >> "$TMP/cold"
  i=$((i+1))
done
java $JAVA_OPTS -jar "$JAR" bench import --repeat "$RUNS" "$FILE" | tee "$TMP/warm.out"
grep '^run ' "$TMP/warm.out" | awk '{print $3}' > "$TMP/warm"

JQ=$(median < "$TMP/jq"); WARM=$(median < "$TMP/warm"); COLD=$(median < "$TMP/cold")
echo "jq runs (s):        $(tr '\n' ' ' < "$TMP/jq")"
echo "java cold runs (s): $(tr '\n' ' ' < "$TMP/cold")"
echo "median jq -c .EventID:                 $JQ s"
echo "median java bench import (in-process): $WARM s   ratio java/jq = $(echo "$WARM $JQ" | awk '{printf "%.2f", $1/$2}')"
echo "median java whole process (cold JVM):  $COLD s   ratio java/jq = $(echo "$COLD $JQ" | awk '{printf "%.2f", $1/$2}')"
