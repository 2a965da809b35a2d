package org.sysmontriage.ui.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.sysmontriage.ui.casework.RecoveryFile;
import org.sysmontriage.ui.common.ErrorLog;

/** The window's questions and its error report. Buttons have ids, so tests press them. */
public final class Dialogs {
  /** The answer to "unsaved triage": save it, drop it, or stay where you are. */
  public enum Unsaved { SAVE, DISCARD, CANCEL }

  public static final String SAVE_ID = "dialog-save";
  public static final String DISCARD_ID = "dialog-discard";
  public static final String CANCEL_ID = "dialog-cancel";
  public static final String RESTORE_ID = "dialog-restore";

  private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
  private static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);
  private static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.YES);
  private static final ButtonType DROP = new ButtonType("Discard it", ButtonBar.ButtonData.NO);

  private static boolean errorShowing;

  private Dialogs() {}

  /** Asks before unsaved verdicts, tags, notes or allowlist entries would be lost. */
  public static Unsaved askUnsaved(Window owner, String action) {
    Alert a = new Alert(Alert.AlertType.CONFIRMATION,
        "Your verdicts, tags, notes or allowlist entries are not saved in a case file yet.\n"
            + "Save them before you " + action + "?", SAVE, DISCARD, ButtonType.CANCEL);
    a.setTitle("Unsaved triage");
    a.setHeaderText("Save your triage?");
    prepare(a, owner);
    a.getDialogPane().lookupButton(SAVE).setId(SAVE_ID);
    a.getDialogPane().lookupButton(DISCARD).setId(DISCARD_ID);
    a.getDialogPane().lookupButton(ButtonType.CANCEL).setId(CANCEL_ID);
    Optional<ButtonType> b = a.showAndWait();
    return b.isEmpty() || b.get() == ButtonType.CANCEL ? Unsaved.CANCEL : b.get() == SAVE ? Unsaved.SAVE : Unsaved.DISCARD;
  }

  /** Offers the unsaved work a crashed or killed session left behind; true to restore it. */
  public static boolean askRestore(Window owner, RecoveryFile.Recovered r) {
    String logs = r.logs().size() == 1 ? r.logs().get(0) : r.logs().get(0) + " and " + (r.logs().size() - 1) + " more";
    Alert a = new Alert(Alert.AlertType.CONFIRMATION,
        "Sysmon Triage did not close normally. Triage that was not saved (" + r.caseFile().hits().size()
            + " hits with a verdict, tag or note; " + r.caseFile().allowlist().size() + " allowlist entries) was kept at "
            + r.savedAt() + ".\nLogs: " + logs + "\n\nRestore it? The logs are opened again; save the case with Ctrl+S.",
        RESTORE, DROP);
    a.setTitle("Restore unsaved triage");
    a.setHeaderText("Restore unsaved triage?");
    prepare(a, owner);
    a.getDialogPane().lookupButton(RESTORE).setId(RESTORE_ID);
    a.getDialogPane().lookupButton(DROP).setId(DISCARD_ID);
    return a.showAndWait().filter(b -> b == RESTORE).isPresent();
  }

  /** An exception nobody caught: what happened in words, the detail folded away, where the log is. */
  public static void showError(Window owner, Throwable e) {
    if (errorShowing) {
      return; // one at a time: a failure repeated every pulse must not bury the window in dialogs
    }
    Alert a = new Alert(Alert.AlertType.ERROR,
        "Something went wrong: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + "\n\nThe window keeps working. The details were written to " + ErrorLog.file()
            + "; please add that file to a bug report.");
    a.setTitle("Sysmon Triage: unexpected error");
    a.setHeaderText("Unexpected error");
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    TextArea detail = new TextArea(trace.toString());
    detail.setEditable(false);
    a.getDialogPane().setExpandableContent(detail);
    prepare(a, owner);
    errorShowing = true;
    a.setOnHidden(x -> errorShowing = false);
    a.show();
  }

  private static void prepare(Alert a, Window owner) {
    if (owner != null) {
      a.initOwner(owner);
      a.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    a.setResizable(true);
  }
}
