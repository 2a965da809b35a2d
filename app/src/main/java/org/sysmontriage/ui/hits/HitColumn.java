package org.sysmontriage.ui.hits;

import java.util.function.BiFunction;
import org.sysmontriage.ui.common.IntSort.IntComparator;

/** The hits table's columns: header, cell text and sort order. */
public enum HitColumn {
  RISK("Risk", (t, h) -> Integer.toString(t.risk(h))),
  STATUS("Status", HitTable::status),
  TIME("Time (UTC)", HitTable::time),
  HOST("Host", HitTable::host),
  ANALYTIC("Analytic", HitTable::analytic),
  USER("User", HitTable::user),
  TECHNIQUE("Technique", HitTable::technique),
  TACTIC("Tactic", HitTable::tactic),
  SEVERITY("Severity", (t, h) -> t.hit(h).analytic().severity().sigmaName()),
  PROCESS("Source image", HitTable::process),
  TARGET("Target", HitTable::target),
  COMMAND("Command line / file", HitTable::commandOrFile);

  private final String header;
  private final BiFunction<HitTable, Integer, String> text;

  HitColumn(String header, BiFunction<HitTable, Integer, String> text) {
    this.header = header;
    this.text = text;
  }

  public String header() {
    return header;
  }

  public String text(HitTable table, int h) {
    return text.apply(table, h);
  }

  /** Ascending order of hit indexes by this column alone. */
  public IntComparator keyComparator(HitTable t) {
    return switch (this) {
      case TIME -> (a, b) -> Long.compare(t.ticks(a), t.ticks(b));
      case RISK -> (a, b) -> Integer.compare(t.risk(a), t.risk(b));
      case SEVERITY -> (a, b) -> Integer.compare(t.severity(a), t.severity(b));
      default -> (a, b) -> text(t, a).compareToIgnoreCase(text(t, b));
    };
  }

  /** Ascending order by this column, ties by time. */
  public IntComparator comparator(HitTable t) {
    return keyComparator(t).then(TIME.keyComparator(t));
  }
}
