package org.sysmontriage.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded release jar, after package: JavaFX natives of every platform inside, and it starts on Linux. */
class ReleaseJarIT {
  private static final Path JAR = Path.of(System.getProperty("release.jar", "target/sysmon-triage.jar"));
  private static final List<String> CORE = List.of("glass", "javafx_font", "javafx_iio", "prism_common", "prism_sw", "decora_sse");

  @Test
  void holdsLinuxX64Natives() throws IOException {
    List<String> libs = new ArrayList<>(CORE);
    libs.addAll(List.of("glassgtk3", "prism_es2"));
    for (String lib : libs) {
      byte[] head = head("lib" + lib + ".so");
      assertTrue(head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F', lib + ": not ELF");
      assertEquals(0x3E, le(head, 18, 2), lib + ": ELF e_machine is not x86-64");
    }
  }

  @Test
  void holdsWindowsX64Natives() throws IOException {
    List<String> libs = new ArrayList<>(CORE);
    libs.addAll(List.of("prism_d3d", "vcruntime140", "msvcp140"));
    for (String lib : libs) {
      byte[] head = head(lib + ".dll");
      assertTrue(head[0] == 'M' && head[1] == 'Z', lib + ": not a PE file");
      int pe = le(head, 0x3C, 4);
      assertEquals(0x00004550, le(head, pe, 4), lib + ": no PE signature");
      assertEquals(0x8664, le(head, pe + 4, 2), lib + ": PE machine is not x64");
    }
  }

  @Test
  void holdsMacIntelNativesAtTheRootAndAppleSiliconOnesInTheirFolder() throws IOException {
    List<String> libs = new ArrayList<>(CORE);
    libs.add("prism_es2");
    for (String lib : libs) {
      assertMachO(head("lib" + lib + ".dylib"), 0x01000007, lib + " (x86_64)");
      assertMachO(head(MacArm64Natives.FOLDER + "lib" + lib + ".dylib"), 0x0100000C, lib + " (arm64)");
    }
  }

  @Test
  void launcherIsJava8BytecodeAndTheJarsMainClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertEquals(Launcher.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
    }
    for (Class<?> c : List.of(Launcher.class, JavaVersionCheck.class, MacArm64Natives.class)) {
      byte[] head = head(c.getName().replace('.', '/') + ".class");
      assertEquals(52, ((head[6] & 0xff) << 8) | (head[7] & 0xff), c + " must load on Java 8 to say Java 17 is needed");
    }
  }

  @Test
  void startsOnLinuxFromTheCommandLine() throws Exception {
    Run version = run(List.of(java(), "-jar", JAR.toString(), "--version"), 120);
    assertEquals(0, version.exit, version.output);
    assertEquals("Sysmon Triage " + System.getProperty("project.version"), version.output.strip());
    Run stats = run(List.of(java(), "-Xmx512m", "-jar", JAR.toString(), "stats", System.getProperty("sample.logs.dir")), 300);
    assertEquals(0, stats.exit, stats.output);
    assertTrue(stats.output.contains("events from"), stats.output);
  }

  /**
   * Run from the jar, the compiled-rule cache knows the code that wrote it (the jar's central
   * directory): a second load takes the rule file from the cache; a cache from another build (its
   * engine line changed here) is not used and a note says so.
   */
  @Test
  void rulesLoadFromTheCompiledCacheWhenRunFromTheJar(@TempDir Path tmp) throws Exception {
    Path rules = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(rules.resolve("r.yml"), """
        title: Procdump on LSASS
        id: 2f7c1d39-6a0e-4d6b-9d7e-000000000001
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            CommandLine|contains|all: ['-ma', 'lsass']
          condition: sel
        level: high
        """);
    List<String> check = List.of(java(), "-Xmx256m", "-Dsysmontriage.home=" + tmp.resolve("home"), "-jar", JAR.toString(),
        "rules", "check", "--timing", rules.toString());
    Run first = run(check, 120);
    assertTrue(first.exit == 0 && first.output.contains("0 file(s) from the cache"), first.output);
    Run second = run(check, 120);
    assertTrue(second.exit == 0 && second.output.contains("1 file(s) from the cache") && !second.output.contains("note:"), second.output);
    Path cache;
    try (var files = Files.list(tmp.resolve("home/cache"))) {
      cache = files.filter(f -> f.toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(cache);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("code jar ");
    assertTrue(at > 0, "the cache names the jar's code");
    bytes[at + 9] ^= 1; // another build's engine line, with a right checksum
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    ByteBuffer.wrap(bytes, bytes.length - 8, 8).putLong(crc.getValue());
    Files.write(cache, bytes);
    Run foreign = run(check, 120);
    assertTrue(foreign.exit == 0 && foreign.output.contains("0 file(s) from the cache") && foreign.output.contains("note:"), foreign.output);
  }

  /**
   * The window, on Monocle (no display here): JavaFX must load its Linux natives out of the jar into
   * a fresh cache and bring the software pipeline up. Stopped once it has; a failure ends it sooner.
   */
  @Test
  void opensTheWindowWithNativesLoadedFromTheJar(@TempDir Path cache) throws Exception {
    String monocle = classPathEntry("openjfx-monocle");
    List<String> cmd = List.of(java(), "-Xmx512m", "-cp", JAR + File.pathSeparator + monocle,
        "-Djavafx.cachedir=" + cache, "-Dprism.verbose=true", "-Dprism.order=sw", "-Dglass.platform=Monocle",
        "-Dmonocle.platform=Headless", "-Duser.home=" + cache, Launcher.class.getName(), System.getProperty("sample.logs.dir"));
    Path log = cache.resolve("out.txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (!Files.readString(log).contains("Initialized prism pipeline") && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      String out = Files.readString(log);
      assertTrue(out.contains("Initialized prism pipeline: com.sun.prism.sw.SWPipeline"), out);
      assertTrue(p.isAlive(), "the window closed by itself:\n" + out);
      try (var files = Files.walk(cache)) {
        assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("libprism_sw.so")), "no native extracted from the jar:\n" + out);
      }
    } finally {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void assertMachO(byte[] head, int cpuType, String what) {
    assertEquals(0xFEEDFACF, le(head, 0, 4), what + ": not a 64-bit Mach-O");
    assertEquals(cpuType, le(head, 4, 4), what + ": wrong CPU type");
  }

  private static byte[] head(String entry) throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      ZipEntry e = jar.getEntry(entry);
      if (e == null) {
        fail(JAR + " has no " + entry);
      }
      try (InputStream in = jar.getInputStream(e)) {
        return in.readNBytes(4096);
      }
    }
  }

  private static int le(byte[] b, int at, int len) {
    ByteBuffer buf = ByteBuffer.wrap(b, at, len).order(ByteOrder.LITTLE_ENDIAN);
    return len == 2 ? buf.getShort() & 0xffff : buf.getInt();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String classPathEntry(String part) {
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.contains(part)) {
        return e;
      }
    }
    throw new AssertionError("no " + part + " on the test class path");
  }

  private record Run(int exit, String output) {}

  private static Run run(List<String> cmd, int seconds) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(cmd + " did not end in " + seconds + " s");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
