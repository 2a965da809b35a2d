package org.sysmontriage.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javafx.application.Platform;

/**
 * No exception is lost: warnings and errors go to {@code sysmon-triage.log} in the application's
 * folder, and an exception nobody caught (on any thread) is logged and shown to the user.
 */
public final class ErrorLog {
  private static final Logger LOG = Logger.getLogger("org.sysmontriage");
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private ErrorLog() {}

  public static Path file() {
    return AppHome.dir().resolve("sysmon-triage.log");
  }

  /** Logs to {@link #file()} and hands every uncaught exception to {@code show} on the FX thread. */
  public static void install(Consumer<Throwable> show) {
    if (!INSTALLED.compareAndSet(false, true)) {
      return;
    }
    try {
      Files.createDirectories(AppHome.dir());
      FileHandler handler = new FileHandler(file().toString(), 4 << 20, 1, true);
      handler.setFormatter(new SimpleFormatter());
      handler.setLevel(Level.INFO);
      LOG.addHandler(handler);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot write the log file " + file(), e);
    }
    Thread.UncaughtExceptionHandler handler = (thread, e) -> {
      LOG.log(Level.SEVERE, "uncaught exception on thread " + thread.getName(), e);
      if (Platform.isFxApplicationThread()) {
        show.accept(e);
      } else {
        Platform.runLater(() -> show.accept(e));
      }
    };
    Thread.setDefaultUncaughtExceptionHandler(handler);
    if (Platform.isFxApplicationThread()) {
      Thread.currentThread().setUncaughtExceptionHandler(handler);
    }
  }
}
