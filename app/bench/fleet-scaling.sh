#!/usr/bin/env bash
# The fleet job's scaling on one machine: the same input with local[1] and local[2], alternating,
# ROUNDS times each; prints every run's job time (summary.json "seconds": reading, shuffle and per-host
# analysis, without JVM and Spark start) and wall time, then the medians and the ratio.
#   app/bench/fleet-scaling.sh ROUNDS SPLIT_MB INPUTS...
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="$1"
split="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for r in $(seq 1 "$rounds"); do
  for cores in 1 2; do
    out="$work/out-$cores-$r"
    start=$(date +%s.%N)
    "$here/app/bench/fleet-local.sh" "local[$cores]" --split-mb "$split" --host-partitions "$cores" --out "$out" "$@" \
      >/dev/null 2>"$work/err-$cores-$r" || true
    end=$(date +%s.%N)
    job=$(sed -n 's/.*"seconds" : \([0-9.]*\).*/\1/p' "$out/summary.json")
    hits=$(sed -n 's/.*"hits" : \([0-9]*\),$/\1/p' "$out/summary.json" | head -1)
    printf 'round %s local[%s]: job %.2f s, wall %.2f s, %s hits, load %s\n' "$r" "$cores" "$job" \
      "$(echo "$end - $start" | bc)" "$hits" "$(cut -d' ' -f1 /proc/loadavg)"
    echo "$job" >> "$work/job-$cores"
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m1=$(median "$work/job-1")
m2=$(median "$work/job-2")
printf 'median job time: local[1] %.2f s, local[2] %.2f s; speed-up local[2] vs local[1]: %.2fx\n' "$m1" "$m2" "$(echo "$m1 / $m2" | bc -l)"
