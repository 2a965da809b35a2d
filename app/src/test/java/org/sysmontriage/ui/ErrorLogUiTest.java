package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Logger;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.AppHome;
import org.sysmontriage.ui.common.ErrorLog;
import org.testfx.api.FxToolkit;

/** No exception is swallowed: one nobody caught, on any thread, is written to sysmon-triage.log and shown to the user. */
class ErrorLogUiTest {
  @TempDir Path home;

  @Test
  void anExceptionNobodyCaughtIsLoggedAndShownOnTheFxThread() throws Exception {
    FxToolkit.registerPrimaryStage();
    String oldHome = System.getProperty(AppHome.PROPERTY);
    Thread.UncaughtExceptionHandler oldDefault = Thread.getDefaultUncaughtExceptionHandler();
    Logger root = Logger.getLogger("org.sysmontriage");
    java.util.List<Handler> before = java.util.List.of(root.getHandlers());
    System.setProperty(AppHome.PROPERTY, home.toString());
    try {
      CompletableFuture<String> shown = new CompletableFuture<>();
      ErrorLog.install(e -> shown.complete((Platform.isFxApplicationThread() ? "fx: " : "other: ") + e.getMessage()));
      Thread worker = new Thread(() -> {
        throw new IllegalStateException("the store index is damaged");
      }, "filter-worker");
      worker.start();
      worker.join();
      assertEquals("fx: the store index is damaged", shown.get(30, TimeUnit.SECONDS), "shown to the user, on the FX thread");
      for (Handler h : root.getHandlers()) {
        h.flush();
      }
      String log = Files.readString(home.resolve("sysmon-triage.log"));
      assertTrue(log.contains("uncaught exception on thread filter-worker"), log);
      assertTrue(log.contains("java.lang.IllegalStateException: the store index is damaged"), "with its stack trace: " + log);
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(oldDefault);
      for (Handler h : root.getHandlers()) {
        if (!before.contains(h)) {
          root.removeHandler(h);
          h.close();
        }
      }
      if (oldHome == null) {
        System.clearProperty(AppHome.PROPERTY);
      } else {
        System.setProperty(AppHome.PROPERTY, oldHome);
      }
    }
  }
}
