#!/usr/bin/env bash
# Runs app/target/sysmon-triage-fleet.jar the way spark-submit would, without a Spark installation:
# plain `java` with Spark's jars (from the local Maven repository) on the classpath and the
# --add-opens flags Spark's launcher adds on Java 17 (org.apache.spark.launcher.JavaModuleOptions).
#   app/bench/fleet-local.sh 'local[*]' --out OUT INPUTS...
# Equivalent with a Spark 4 installation:
#   spark-submit --master 'local[*]' --class org.sysmontriage.fleet.FleetJob app/target/sysmon-triage-fleet.jar --out OUT INPUTS...
# FLEET_JAR runs another build of the jar (a before/after comparison). FLEET_XMX sets the heap (default 2g); FLEET_JAVA_OPTS adds JVM options (e.g. -Dspark.eventLog.enabled=true).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
master="$1"
shift
jar="${FLEET_JAR:-$here/app/target/sysmon-triage-fleet.jar}"
[ -f "$jar" ] || { echo "build it first: mvn -q -DskipTests package" >&2; exit 2; }
cp_file="$here/app/target/spark-classpath.txt"
if [ ! -s "$cp_file" ]; then
  (cd "$here/app" && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$cp_file" >&2)
fi
# Spark's own jars only: what the GUI needs (JavaFX & co.) and what the fleet jar bundles (picocli) are left out
spark_cp="$(tr ':' '\n' < "$cp_file" | grep -Ev '/(javafx-|controlsfx-|atlantafx-|ikonli-|picocli-)' | paste -sd: -)"
opens="$(sed -n 's:.*<spark.argLine>\(.*\)</spark.argLine>.*:\1:p' "$here/app/pom.xml")"
# shellcheck disable=SC2086
exec java -Xmx"${FLEET_XMX:-2g}" ${FLEET_JAVA_OPTS:-} $opens -cp "$jar:$spark_cp" org.sysmontriage.fleet.FleetJob --master "$master" "$@"
