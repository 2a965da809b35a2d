package org.sysmontriage.ui.common;

import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Work for a view that only matters when the view can be seen: done at once while the node shows, else kept
 * (the latest only) and done in the first pulse in which it shows again (its tab selected). A view on a tab
 * that is not selected then costs the FX thread nothing when the hits change behind it.
 */
public final class WhenShown {
  private final Node node;
  private final BooleanSupplier ready;
  private Runnable pending;

  public WhenShown(Node node) {
    this(node, () -> true);
  }

  /** Work that also waits while {@code ready} is false (checked with the node's showing, after each pulse's layout). */
  public WhenShown(Node node, BooleanSupplier ready) {
    this.node = node;
    this.ready = ready;
    Runnable check = () -> {
      if (pending != null && showing(node) && ready.getAsBoolean()) {
        Runnable r = pending;
        pending = null;
        r.run();
      }
    };
    node.sceneProperty().addListener((o, a, b) -> {
      if (a != null) {
        a.removePostLayoutPulseListener(check);
      }
      if (b != null) {
        b.addPostLayoutPulseListener(check);
      }
    });
    Scene s = node.getScene();
    if (s != null) {
      s.addPostLayoutPulseListener(check);
    }
  }

  /** Runs the work now if the node shows, else when it first does (replacing work kept before). */
  public void run(Runnable work) {
    if (showing(node) && ready.getAsBoolean()) {
      pending = null;
      work.run();
    } else {
      pending = work;
    }
  }

  /** Runs work kept for later now, whether the node shows or not (something reads the view's state). */
  public void flush() {
    Runnable r = pending;
    pending = null;
    if (r != null) {
      r.run();
    }
  }

  /** True while work waits for the node to show. */
  public boolean waiting() {
    return pending != null;
  }

  /** True when the node and every parent of it are visible in a window that shows. */
  public static boolean showing(Node node) {
    if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
      return false;
    }
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
