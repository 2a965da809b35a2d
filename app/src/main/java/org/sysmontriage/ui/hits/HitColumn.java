package org.sysmontriage.ui.hits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.sysmontriage.ui.grid.DisplayTime;
import org.sysmontriage.ui.grid.GridColumn;

/** The hits table's columns: header, cell text, kind and default width in ems. */
public enum HitColumn {
  BOOKMARK("★", GridColumn.Kind.TEXT, 3, (t, h) -> t.bookmarked(h) ? "★" : ""),
  RISK("Risk", GridColumn.Kind.NUMBER, 4.8, (t, h) -> Integer.toString(t.risk(h))),
  STATUS("Status", GridColumn.Kind.TEXT, 7, HitTable::status),
  TIME("Time", GridColumn.Kind.TIME, 15, HitTable::time),
  HOST("Host", GridColumn.Kind.TEXT, 10, HitTable::host),
  ANALYTIC("Analytic", GridColumn.Kind.TEXT, 16, HitTable::analytic),
  PACK("Pack", GridColumn.Kind.TEXT, 7, (t, h) -> t.pack(h).isEmpty() ? "LSASS" : t.pack(h)),
  USER("User", GridColumn.Kind.TEXT, 10, HitTable::user),
  TECHNIQUE("Technique", GridColumn.Kind.TEXT, 9, HitTable::technique),
  TACTIC("Tactic", GridColumn.Kind.TEXT, 9, HitTable::tactic),
  SEVERITY("Severity", GridColumn.Kind.TEXT, 7, (t, h) -> t.hit(h).analytic().severity().sigmaName()),
  PROCESS("Source image", GridColumn.Kind.PATH, 16, HitTable::process),
  TARGET("Target", GridColumn.Kind.PATH, 16, HitTable::target),
  COMMAND("Command line / file", GridColumn.Kind.TEXT, 30, HitTable::commandOrFile),
  NOTES("Tags / notes", GridColumn.Kind.TEXT, 12, HitTable::triageText);

  private final String header;
  private final GridColumn.Kind kind;
  private final double ems;
  private final BiFunction<HitTable, Integer, String> text;

  HitColumn(String header, GridColumn.Kind kind, double ems, BiFunction<HitTable, Integer, String> text) {
    this.header = header;
    this.kind = kind;
    this.ems = ems;
    this.text = text;
  }

  public String header() {
    return header;
  }

  public String text(HitTable table, int h) {
    return text.apply(table, h);
  }

  /** The key the grid and the preferences know this column by ("risk", "time"...). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The grid's columns, times shown in {@code time}'s zone. */
  public static List<GridColumn<HitTable>> grid(DisplayTime time) {
    List<GridColumn<HitTable>> out = new ArrayList<>();
    for (HitColumn c : values()) {
      out.add(switch (c) {
        case RISK -> GridColumn.number(c.key(), c.header, c.ems, c::text, (t, h) -> t.risk(h));
        case TIME -> new GridColumn<>(c.key(), c.header, c.kind, c.ems, (t, h) -> time.format(t.ticks(h)), HitTable::ticks);
        case SEVERITY -> new GridColumn<HitTable>(c.key(), c.header, c.kind, c.ems, c::text, null).sortedBy((t, h) -> t.severity(h));
        default -> new GridColumn<>(c.key(), c.header, c.kind, c.ems, c::text, null);
      });
    }
    return out;
  }
}
