package org.sysmontriage.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clone's launcher {@code ./sysmon-triage} runs the JVM with the product's options: a copy of the script
 * beside a ready jar, with a fake {@code java} first on the PATH that prints the arguments it was given.
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("..", "sysmon-triage");
  private static final Path POM = Path.of("pom.xml");

  @TempDir Path dir;

  /** The fake java: answers the launcher's version question as Java 17, has Shenandoah, prints its arguments one a line. */
  private static final String FAKE_JAVA = """
      #!/bin/sh
      case "$*" in
        *-XshowSettings:properties*) echo '    java.specification.version = 17' >&2; exit 0 ;;
        '-XX:+UseShenandoahGC -version') exit 0 ;;
      esac
      for a in "$@"; do printf '%s\\n' "$a"; done
      """;

  private Path root() throws IOException {
    Path root = dir.resolve("clone");
    Files.createDirectories(root.resolve("app/target"));
    Files.copy(SCRIPT, root.resolve("sysmon-triage"));
    // a jar and no sources or poms beside it: the launcher has nothing to rebuild
    Files.write(root.resolve("app/target/sysmon-triage.jar"), new byte[0]);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(bin.resolve("java"), FAKE_JAVA, StandardCharsets.UTF_8);
    assertTrue(bin.resolve("java").toFile().setExecutable(true));
    return root;
  }

  private List<String> run(Map<String, String> env, String... args) throws Exception {
    Path root = root();
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("sysmon-triage").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("SYSMON_TRIAGE_JAVA_OPTS");
    pb.environment().remove("SYSMON_TRIAGE_GC");
    pb.environment().put("PATH", dir.resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not end"); // a generous guard, no timing
    assertEquals(0, p.exitValue(), out);
    return out.lines().toList();
  }

  private List<String> tail(String... args) throws IOException {
    Path root = dir.resolve("clone").toAbsolutePath();
    List<String> t = new ArrayList<>(List.of("-Dsample.logs.dir=" + root.resolve("sample-logs"), "-jar",
        root.resolve("app/target/sysmon-triage.jar").toString()));
    t.addAll(List.of(args));
    return t;
  }

  /** The product's JVM options with G1 (the launcher's java_opts). */
  private static final List<String> PRODUCT =
      List.of("-XX:MaxGCPauseMillis=50", "-XX:+UnlockExperimentalVMOptions", "-XX:G1MaxNewSizePercent=20");

  /** The options the installers give the JVM (app/pom.xml, installer.javaOptions), split on spaces. */
  private static List<String> installerOptions() throws IOException {
    Matcher m = Pattern.compile("<installer\\.javaOptions>([^<]*)</installer\\.javaOptions>").matcher(Files.readString(POM));
    assertTrue(m.find(), "no installer.javaOptions in app/pom.xml");
    return List.of(m.group(1).trim().split("\\s+"));
  }

  @Test
  void theJvmGetsTheProductsPauseTargetThenTheArguments() throws Exception {
    List<String> got = run(Map.of(), "bench", "ui");
    List<String> want = new ArrayList<>(PRODUCT);
    want.addAll(tail("bench", "ui"));
    assertEquals(want, got);
  }

  @Test
  void theInstallersGiveTheJvmTheSameOptionsAsTheLauncher() throws Exception {
    List<String> got = run(Map.of(), "--version");
    assertEquals(installerOptions(), got.subList(0, got.size() - tail("--version").size()));
  }

  @Test
  void optionsOfTheUserComeAfterTheProductsSoTheyWin() throws Exception {
    List<String> got = run(Map.of("SYSMON_TRIAGE_JAVA_OPTS", " -Xmx5g   -XX:MaxGCPauseMillis=200 "), "scan", "a b.evtx");
    List<String> want = new ArrayList<>(PRODUCT);
    want.addAll(List.of("-Xmx5g", "-XX:MaxGCPauseMillis=200"));
    want.addAll(tail("scan", "a b.evtx"));
    assertEquals(want, got);
  }

  @Test
  void shenandoahOnRequestWithoutG1sPauseTarget() throws Exception {
    List<String> got = run(Map.of("SYSMON_TRIAGE_GC", "shenandoah", "SYSMON_TRIAGE_JAVA_OPTS", "-Xmx2g"));
    List<String> want = new ArrayList<>(List.of("-XX:+UseShenandoahGC", "-Xmx2g"));
    want.addAll(tail());
    assertEquals(want, got);
  }

  @Test
  void anUnknownCollectorIsNamedAndG1Kept() throws Exception {
    List<String> got = run(Map.of("SYSMON_TRIAGE_GC", "zgc"));
    assertTrue(got.get(0).contains("SYSMON_TRIAGE_GC='zgc' is not known"), got.toString());
    List<String> want = new ArrayList<>(PRODUCT);
    want.addAll(tail());
    assertEquals(want, got.subList(1, got.size()));
  }
}
