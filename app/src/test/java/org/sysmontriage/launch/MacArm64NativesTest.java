package org.sysmontriage.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MacArm64NativesTest {
  /** Loaded from the fake jar by the loader under test, as JavaFX's NativeLibLoader is from the real one. */
  public static final class Probe {}

  @Test
  void appliesOnlyToAppleSiliconMacs() {
    assertTrue(MacArm64Natives.applies("Mac OS X", "aarch64"));
    assertFalse(MacArm64Natives.applies("Mac OS X", "x86_64"));
    assertFalse(MacArm64Natives.applies("Linux", "aarch64"));
    assertFalse(MacArm64Natives.applies("Windows 11", "amd64"));
  }

  @Test
  void aClassOfTheJarAskingForARootDylibGetsTheArm64One(@TempDir Path dir) throws Exception {
    Path jar = fakeJar(dir.resolve("fat.jar"));
    try (MacArm64Natives loader = (MacArm64Natives) MacArm64Natives.loaderFor(jar.toUri().toURL())) {
      Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
      assertNotSame(Probe.class, probe, "the program's classes must be the loader's own");
      assertArrayEquals(bytes("arm64"), read(probe.getResourceAsStream("/libglass.dylib")));
      assertArrayEquals(bytes("arm64"), read(loader.getResourceAsStream("libglass.dylib")));
      assertArrayEquals(bytes("intel"), read(probe.getResourceAsStream("/libonlyintel.dylib")), "no arm64 copy: the root one");
      assertArrayEquals(bytes("linux"), read(probe.getResourceAsStream("/libglass.so")));
      assertEquals(null, probe.getResourceAsStream("/libnone.dylib"));
    }
  }

  private static Path fakeJar(Path jar) throws IOException {
    String probe = Probe.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      put(j, probe, read(MacArm64NativesTest.class.getClassLoader().getResourceAsStream(probe)));
      put(j, "libglass.dylib", bytes("intel"));
      put(j, "libonlyintel.dylib", bytes("intel"));
      put(j, "libglass.so", bytes("linux"));
      put(j, MacArm64Natives.FOLDER + "libglass.dylib", bytes("arm64"));
    }
    return jar;
  }

  private static void put(JarOutputStream j, String name, byte[] data) throws IOException {
    j.putNextEntry(new JarEntry(name));
    j.write(data);
    j.closeEntry();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] read(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
