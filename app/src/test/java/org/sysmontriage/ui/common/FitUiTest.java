package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Text widths: those of a text node laid out in the font, each (font, text) laid out once, the kept widths bounded. */
@ExtendWith(ApplicationExtension.class)
class FitUiTest {
  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new Label("fit"), 200, 100));
    stage.show();
  }

  private static double fresh(String s, Font f) {
    Text t = new Text(s);
    t.setFont(f);
    return Math.ceil(t.getLayoutBounds().getWidth());
  }

  @Test
  void widthsAreThoseOfTheTextInItsFontAndEachIsLaidOutOnce(FxRobot robot) {
    robot.interact(() -> {
      Font small = Font.font(12);
      Font big = Font.font(null, FontWeight.BOLD, 20);
      List<String> texts = List.of("C:\\Windows\\System32\\lsass.exe", "rundll32.exe", "", "comsvcs.dll,MiniDump 624 C:\\t\\l.dmp full", "W");
      for (String s : texts) { // interleaved fonts: a width is never another font's
        assertEquals(fresh(s, small), Fit.textWidth(s, small), s);
        assertEquals(fresh(s, big), Fit.textWidth(s, big), s);
      }
      assertNotEquals(Fit.textWidth("rundll32.exe", small), Fit.textWidth("rundll32.exe", big), "two fonts, two widths");
      long before = Fit.laidOut();
      for (String s : texts) {
        Fit.textWidth(s, small);
        Fit.textWidth(s, big);
      }
      assertEquals(before, Fit.laidOut(), "measured before: nothing laid out again");
      assertEquals(Fit.textWidth("", small), Fit.textWidth(null, small), "null measures as empty");
    });
  }

  @Test
  void theWidthsKeptAreBounded(FxRobot robot) {
    robot.interact(() -> {
      Font f = Font.font(13);
      Fit.textWidth("first of many", f);
      for (int i = 0; i < Fit.KEPT; i++) {
        Fit.textWidth("text " + i, f);
      }
      long before = Fit.laidOut();
      assertEquals(fresh("first of many", f), Fit.textWidth("first of many", f));
      assertEquals(before + 1, Fit.laidOut(), "the least recently used width was dropped: laid out again");
    });
  }
}
