package org.sysmontriage.ui.bench;

/**
 * Diagnosis for the pulse probe: when the FX thread has not pulsed for a while, prints what it is
 * doing (its stack) to standard error, so a stall names its cause.
 */
final class FxStallReporter {
  private final Thread fx;
  private volatile long lastPulseMillis;
  private final Thread watcher;

  FxStallReporter(Thread fx, long stallMillis) {
    this.fx = fx;
    this.watcher = new Thread(() -> watch(stallMillis), "fx-stall-reporter");
    watcher.setDaemon(true);
  }

  void start() {
    pulsed();
    watcher.start();
  }

  void stop() {
    watcher.interrupt();
  }

  void pulsed() {
    lastPulseMillis = System.nanoTime() / 1_000_000;
  }

  private void watch(long stallMillis) {
    long reported = 0;
    long reportedAt = 0;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(stallMillis / 2);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime() / 1_000_000;
      // Once when a stall starts, then every half second while it lasts: a long stall shows each of its causes.
      if (now - lastPulseMillis > stallMillis && (lastPulseMillis != reported || now - reportedAt >= 500)) {
        reported = lastPulseMillis;
        reportedAt = now;
        StringBuilder b = new StringBuilder("FX-STALL " + (now - lastPulseMillis) + " ms, FX thread at:\n");
        StackTraceElement[] stack = fx.getStackTrace();
        for (int i = 0; i < Math.min(18, stack.length); i++) {
          b.append("    ").append(stack[i]).append('\n');
        }
        System.err.print(b);
      }
    }
  }
}
