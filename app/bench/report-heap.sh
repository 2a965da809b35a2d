#!/bin/sh
# The largest report two builds write in the same heap, side by side in one run.
#   BEFORE=old.jar app/bench/report-heap.sh XMX TYPE SEED_PATH N...
# e.g. BEFORE=/tmp/before.jar app/bench/report-heap.sh 1g json ../shared/corpus 100000 200000 400000
# (build the jar first: mvn -q -B -o -DskipTests package; build BEFORE from an older commit the same way).
# For each N (ascending) it writes one input with this build's `bench replicate --hit-events`: N events
# copied from the real events of SEED_PATH that have a hit, each copy with its own values (paths get a
# per-copy folder, long values a suffix), as flat NDJSON that any build reads. Then it runs
# `java -XmxXMX -jar JAR report --type TYPE --out FILE INPUT` with the BEFORE jar and with this build's jar,
# one after the other, and prints per run: exit code, hits written, wall time, peak RSS (GNU time) and
# report size. A report counts as complete when the command exits 0 and its file is there; otherwise it must
# end with the one out-of-memory line, exit 2 and no file (checked here too). A build that failed at some N is
# not run again at a larger N. Last line: the largest N each build completed.
set -eu
XMX=${1:?usage: BEFORE=old.jar app/bench/report-heap.sh XMX TYPE SEED_PATH N...}
TYPE=${2:?type: json, html, csv or navigator}
SEED=${3:?a log, folder or archive whose events are copied}
shift 3
HERE=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$HERE/app/target/sysmon-triage.jar}
BEFORE=${BEFORE:?set BEFORE to the jar of the build to compare with}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "heap -Xmx$XMX, report --type $TYPE, seed $SEED, cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "before: $BEFORE"
echo "after:  $JAR"
BEST_BEFORE=0
BEST_AFTER=0
BEFORE_OK=1
AFTER_OK=1
for N in "$@"; do
  IN="$TMP/in-$N.ndjson"
  java -Xmx4g -jar "$JAR" bench replicate --events "$N" --hit-events --out "$IN" "$SEED" 2>/dev/null | tail -1
  for WHO in before after; do
    if [ "$WHO" = before ]; then J=$BEFORE; OK=$BEFORE_OK; else J=$JAR; OK=$AFTER_OK; fi
    if [ "$OK" = 0 ]; then
      echo "N=$N $WHO: not run (failed at a smaller N)"
      continue
    fi
    OUT="$TMP/r.$TYPE"
    rm -f "$OUT"
    set +e
    /usr/bin/time -f '%e %M' -o "$TMP/t" java -Xmx"$XMX" -jar "$J" report --type "$TYPE" --out "$OUT" "$IN" > /dev/null 2> "$TMP/err"
    RC=$?
    set -e
    WALL=$(tail -1 "$TMP/t" | cut -d' ' -f1)
    RSS=$(tail -1 "$TMP/t" | awk '{printf "%.0f", $2 / 1024}')
    HITS=$(grep -o 'wrote .*: [0-9]* hits' "$TMP/err" | grep -o '[0-9]* hits' || true)
    if [ "$RC" = 0 ] && [ -f "$OUT" ]; then
      echo "N=$N $WHO: complete, $HITS, $WALL s wall, peak RSS $RSS MB, report $(wc -c < "$OUT") bytes"
      if [ "$WHO" = before ]; then BEST_BEFORE=$N; else BEST_AFTER=$N; fi
    else
      LAST=$(grep -v '^\s*$' "$TMP/err" | tail -1)
      LEFT=$(ls -A "$TMP" | grep -cv '^in-\|^t$\|^err$' || true)
      echo "N=$N $WHO: FAILED exit $RC, $WALL s wall, peak RSS $RSS MB, report files left: $LEFT; last line: $LAST"
      if [ "$WHO" = before ]; then BEFORE_OK=0; else AFTER_OK=0; fi
    fi
  done
  rm -f "$IN"
done
echo "largest N with a complete $TYPE report at -Xmx$XMX: before $BEST_BEFORE, after $BEST_AFTER (load: $(cut -d' ' -f1-3 /proc/loadavg))"
