#!/usr/bin/env bash
# The fleet job's scaling on one machine: the same input with local[1] and local[2], alternating,
# ROUNDS times each; prints every run's job time (summary.json "seconds": reading, grouping and per-host
# analysis, without JVM and Spark start; "read" and "hosts" are its two Spark jobs), wall time and the
# load average, then the medians and the ratio. The job gives each executor's analysis as many threads
# as the executor has cores (local[N]: N), so local[1] is one core of work.
# PIN=1 also pins each run to as many CPUs as it has cores (taskset -c 0 / 0,1): JIT and GC threads too.
# Each run's CPU seconds (user+sys of the whole JVM: task threads, JIT compiler, GC, Spark) are printed
# beside its times: on a loaded machine they stay meaningful where wall times do not.
# FLEET_JAVA_OPTS adds JVM options to every run (e.g. -XX:TieredStopAtLevel=1, a control without C2).
#   app/bench/fleet-scaling.sh ROUNDS SPLIT_MB INPUTS...
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="$1"
split="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
field() { sed -n "s/.*\"$1\" : \\([0-9.]*\\).*/\\1/p" "$2" | head -1; }
for r in $(seq 1 "$rounds"); do
  for cores in 1 2; do
    out="$work/out-$cores-$r"
    pin=()
    if [ "${PIN:-0}" = 1 ]; then
      pin=(taskset -c "$(seq -s, 0 $((cores - 1)))")
    fi
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$work/cpu-$cores-$r" nice -n "${NICE:-10}" "${pin[@]}" "$here/app/bench/fleet-local.sh" \
      "local[$cores]" --split-mb "$split" --out "$out" "$@" >/dev/null 2>"$work/err-$cores-$r" || true
    cpu=$(awk 'END {print $1 + $2}' "$work/cpu-$cores-$r")
    end=$(date +%s.%N)
    job=$(field seconds "$out/summary.json")
    printf 'round %s local[%s]: job %.2f s (read %.2f s, hosts %.2f s), wall %.2f s, CPU %.2f s, %s events, %s hosts, %s hits, %s incidents, load %s\n' \
      "$r" "$cores" "$job" "$(field read_seconds "$out/summary.json")" "$(field host_seconds "$out/summary.json")" \
      "$(echo "$end - $start" | bc)" "$cpu" "$(field events "$out/summary.json")" "$(field hosts "$out/summary.json")" \
      "$(field hits "$out/summary.json")" "$(field incidents "$out/summary.json")" "$(cut -d' ' -f1 /proc/loadavg)"
    echo "$job" >> "$work/job-$cores"
    echo "$cpu" >> "$work/cpu-$cores"
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m1=$(median "$work/job-1")
m2=$(median "$work/job-2")
printf 'median job time: local[1] %.2f s, local[2] %.2f s; speed-up local[2] vs local[1]: %.2fx; median CPU: local[1] %.2f s, local[2] %.2f s\n' \
  "$m1" "$m2" "$(echo "$m1 / $m2" | bc -l)" "$(median "$work/cpu-1")" "$(median "$work/cpu-2")"
