#!/bin/sh
# Side-by-side import speed: Sysmon Triage's import against `jq -c .EventID` on the same file.
#   app/bench/compare-jq.sh FILE [RUNS]        (build the jar first: mvn -q -B -o -DskipTests package)
# In one run on the same machine state it measures:
#   jq:        RUNS whole-process runs of `jq -c .EventID FILE > /dev/null`;
#   java cold: RUNS whole-process runs of `java -jar JAR bench import --repeat 1 FILE` (JVM start,
#              JIT warm-up, sniffing, SHA-256, parsing, store), alternating with the jq runs so that
#              load from other processes hits both alike;
#   java warm: one `bench import --repeat RUNS FILE` (in-process import into the store, JIT warm).
# Each with wall time and CPU time (user+sys); prints medians and the ratios java/jq
# (below 1.00 = faster than jq; the goal is 0.50).
set -eu
FILE=${1:?usage: app/bench/compare-jq.sh FILE [RUNS]}
RUNS=${2:-7}
HERE=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$HERE/app/target/sysmon-triage.jar}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
# timed OUT CMD...: appends "wall cpu" of one whole-process run to OUT
timed() { out=$1; shift; /usr/bin/time -f '%e %U %S' -o "$TMP/t" "$@" > /dev/null; awk '{printf "%.3f %.3f\n", $1, $2+$3}' "$TMP/t" >> "$out"; }
ratio() { echo "$1 $2" | awk '{printf "%.2f", $1/$2}'; }

echo "file: $FILE ($(wc -c < "$FILE") bytes), runs: $RUNS, cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(jq --version), $(java -version 2>&1 | head -1)"
jq -c .EventID "$FILE" > /dev/null   # page cache
i=0
while [ "$i" -lt "$RUNS" ]; do
  timed "$TMP/jq" jq -c .EventID "$FILE"
  timed "$TMP/cold" java -jar "$JAR" bench import --repeat 1 "$FILE"
  i=$((i+1))
done
java -jar "$JAR" bench import --repeat "$RUNS" "$FILE" | tee "$TMP/warm.out"
grep '^run ' "$TMP/warm.out" | awk '{print $3, $6}' > "$TMP/warm"

JQW=$(cut -d' ' -f1 "$TMP/jq" | median); JQC=$(cut -d' ' -f2 "$TMP/jq" | median)
CW=$(cut -d' ' -f1 "$TMP/cold" | median); CC=$(cut -d' ' -f2 "$TMP/cold" | median)
WW=$(cut -d' ' -f1 "$TMP/warm" | median); WC=$(cut -d' ' -f2 "$TMP/warm" | median)
echo "jq runs (wall cpu):        $(tr '\n' ';' < "$TMP/jq")"
echo "java cold runs (wall cpu): $(tr '\n' ';' < "$TMP/cold")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s wall %6.3f s   cpu %6.3f s\n' "median jq -c .EventID" "$JQW" "$JQC"
printf '%-44s wall %6.3f s   cpu %6.3f s   ratio java/jq: wall %s, cpu %s\n' "median java bench import (in-process, warm)" "$WW" "$WC" "$(ratio "$WW" "$JQW")" "$(ratio "$WC" "$JQC")"
printf '%-44s wall %6.3f s   cpu %6.3f s   ratio java/jq: wall %s, cpu %s\n' "median java whole process (cold JVM)" "$CW" "$CC" "$(ratio "$CW" "$JQW")" "$(ratio "$CC" "$JQC")"
