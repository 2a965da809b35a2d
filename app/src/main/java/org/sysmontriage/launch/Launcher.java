package org.sysmontriage.launch;

import java.lang.reflect.InvocationTargetException;

/**
 * Main-Class of the release jar. Compiled for Java 8 bytecode (see app/pom.xml) so that an old Java
 * can load it and say in one line what is needed, instead of an UnsupportedClassVersionError. It checks
 * the version before touching any other class of the program, then hands over to {@code Main}; on an
 * Apple-silicon Mac through a class loader that serves that platform's JavaFX natives.
 */
public final class Launcher {
  static final String MAIN = "org.sysmontriage.Main";

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    String problem = JavaVersionCheck.problem(
        System.getProperty("java.specification.version"), System.getProperty("java.home"));
    if (problem != null) {
      System.err.println(problem);
      System.exit(JavaVersionCheck.EXIT_CODE);
    }
    ClassLoader loader = MacArm64Natives.applies(System.getProperty("os.name"), System.getProperty("os.arch"))
        ? MacArm64Natives.loaderFor(Launcher.class.getProtectionDomain().getCodeSource().getLocation())
        : Launcher.class.getClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      Class.forName(MAIN, true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
