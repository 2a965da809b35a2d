package org.sysmontriage.launch;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The release jar holds JavaFX's native libraries of every platform. Those of Windows (.dll), Linux
 * (.so) and Intel Macs (.dylib) sit at the jar's root, where JavaFX looks for them; Apple-silicon Macs
 * need .dylib files of the same names, so the build stores those under {@link #FOLDER}. On such a Mac
 * the program runs in this class loader, which answers JavaFX's request for a root .dylib with the
 * arm64 one. Java 8 API only (loaded before the version check has passed).
 */
public final class MacArm64Natives extends URLClassLoader {
  public static final String FOLDER = "natives/mac-aarch64/";

  MacArm64Natives(URL jar, ClassLoader parent) {
    super(new URL[] {jar}, parent);
  }

  public static boolean applies(String osName, String osArch) {
    return osName != null && osName.startsWith("Mac") && "aarch64".equals(osArch);
  }

  /** A loader over the jar whose parent is the platform loader, so the program's classes are its own. */
  public static ClassLoader loaderFor(URL jar) {
    return new MacArm64Natives(jar, ClassLoader.getSystemClassLoader().getParent());
  }

  @Override
  public URL getResource(String name) {
    String plain = name.startsWith("/") ? name.substring(1) : name;
    if (plain.endsWith(".dylib") && plain.indexOf('/') < 0) {
      URL arm64 = findResource(FOLDER + plain);
      if (arm64 != null) {
        return arm64;
      }
    }
    return super.getResource(name);
  }
}
