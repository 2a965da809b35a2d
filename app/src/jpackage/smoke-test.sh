#!/usr/bin/env bash
# Smoke test of the Linux installers built by `mvn -Pinstallers verify` (app/pom.xml): the app image
# and the .deb (unpacked into a temporary folder, not installed) must start with their bundled runtime,
# read the sample logs, and bring up JavaFX (on Monocle, no display here); the .deb must carry the
# desktop entry and the .evtx file association; the installed program's JVM runs with the product's options
# (app/pom.xml installer.javaOptions, given as the fourth argument).
set -euo pipefail
target="$1"; samples="$2"; monocle="$3"; java_options="$4"
image="$target/installer/sysmon-triage"
deb=$(ls "$target"/installer/sysmon-triage_*.deb)
fail() { echo "installer smoke test: $*" >&2; exit 1; }

check_install() { # $1 = folder holding bin/ lib/runtime lib/app
  local root="$1"
  local v
  v=$("$root/bin/sysmon-triage" --version) || fail "$root/bin/sysmon-triage --version failed"
  [[ "$v" == "Sysmon Triage "* ]] || fail "$root: --version printed '$v'"
  "$root/bin/sysmon-triage" stats "$samples" >/dev/null || fail "$root: stats on the sample logs failed"
  # The JVM itself reads JAVA_TOOL_OPTIONS (also how a user of the installed program adds -Xmx): it prints the flags
  # it was given, which must hold the product's options from the launcher's configuration.
  local flags
  flags=$(JAVA_TOOL_OPTIONS=-XX:+PrintCommandLineFlags "$root/bin/sysmon-triage" --version 2>&1) || fail "$root: --version with JAVA_TOOL_OPTIONS failed"
  for o in $java_options; do
    grep -q -- "$o" <<<"$flags" || fail "$root: the JVM did not get $o (flags: $flags)"
  done
  # The window, on Monocle (no display here), with the bundled runtime: a copy of the install gets the
  # Monocle jar on its class path and the headless settings in its launcher configuration.
  local home; home=$(mktemp -d)
  local log="$home/gui.txt"
  cp -r "$root" "$home/copy"
  cp "$monocle" "$home/copy/lib/app/"
  local cfg="$home/copy/lib/app/sysmon-triage.cfg"
  sed -i "s|^app.classpath=.*|&\napp.classpath=\$APPDIR/$(basename "$monocle")|" "$cfg"
  printf 'java-options=%s\n' -Dprism.verbose=true -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    "-Duser.home=$home" "-Djavafx.cachedir=$home/fx" >>"$cfg"
  "$home/copy/bin/sysmon-triage" "$samples" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    grep -q "Initialized prism pipeline" "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  local ok=0; grep -q "Initialized prism pipeline: com.sun.prism.sw.SWPipeline" "$log" && kill -0 "$pid" 2>/dev/null && ok=1
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  [ "$ok" = 1 ] || { cat "$log" >&2; fail "$root: the window did not come up on the bundled runtime"; }
  rm -rf "$home"
  echo "installer smoke test: $root: $v, sample logs read, JVM options $java_options, window up on the bundled runtime"
}

check_install "$image"

unpacked=$(mktemp -d)
dpkg-deb -x "$deb" "$unpacked"
check_install "$unpacked/opt/sysmon-triage"
desktop=$(find "$unpacked" -type f -name '*.desktop' | head -n 1)
[ -n "$desktop" ] || fail "no desktop entry in $deb"
grep -q '^Exec=/opt/sysmon-triage/bin/sysmon-triage' "$desktop" || fail "$desktop does not start the program"
grep -q 'MimeType=.*application/x-ms-evtx' "$desktop" || fail "$desktop does not open .evtx files"
dpkg-deb -e "$deb" "$unpacked/DEBIAN"
grep -q 'xdg-mime\|evtx' "$unpacked/DEBIAN/postinst" || fail "the .deb's postinst registers no .evtx type"
echo "installer smoke test: $deb: desktop entry $(basename "$desktop") with application/x-ms-evtx; runtime $(du -sh "$unpacked/opt/sysmon-triage/lib/runtime" | cut -f1)"
rm -rf "$unpacked"
