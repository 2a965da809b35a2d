package org.sysmontriage.ui.grid;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sysmontriage.event.Times;
import org.sysmontriage.ui.hits.HitTable;

/**
 * The time zone times are shown in: UTC unless the analyst picks another. Only the display changes:
 * the evidence, reports, case files and exports' raw values stay UTC. Read by worker threads too.
 */
public final class DisplayTime {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
  private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneOffset.UTC);
  private volatile ZoneId current = ZoneOffset.UTC;

  public DisplayTime() {
    zone.addListener((o, a, z) -> current = z == null ? ZoneOffset.UTC : z);
  }

  public ObjectProperty<ZoneId> zoneProperty() {
    return zone;
  }

  public ZoneId zone() {
    return current;
  }

  public boolean isUtc() {
    return current.normalized().equals(ZoneOffset.UTC);
  }

  /** "2024-03-12 08:09:38.513" in the display zone; empty for an unknown time. */
  public String format(long ticks) {
    if (ticks == Times.UNKNOWN) {
      return "";
    }
    ZoneId z = current;
    if (z.normalized().equals(ZoneOffset.UTC)) {
      return HitTable.shortTime(ticks);
    }
    return SHOWN.format(Times.toInstant(ticks).atZone(z));
  }

  /** "UTC" or the zone's id ("Europe/Paris"): what time headers say. */
  public String label() {
    ZoneId z = current;
    if (z.normalized().equals(ZoneOffset.UTC)) {
      return "UTC";
    }
    return z.getId();
  }

  /**
   * A typed time in the display zone: {@code 2024-03-12 08:09}, {@code 2024-03-12T08:09:38.5},
   * {@code 2024-03-12} (midnight), or ISO with its own offset ({@code ...Z}, {@code +02:00}).
   *
   * @throws IllegalArgumentException naming what is accepted
   */
  public long parse(String typed) {
    String s = typed == null ? "" : typed.strip().replace(' ', 'T');
    if (s.isEmpty()) {
      throw new IllegalArgumentException("Type a time such as 2024-03-12 08:09");
    }
    try {
      if (s.length() > 16 && (s.endsWith("Z") || s.charAt(s.length() - 6) == '+' || s.charAt(s.length() - 6) == '-')) {
        return Times.fromInstant(java.time.OffsetDateTime.parse(s).toInstant());
      }
      LocalDateTime t = s.length() == 10 ? LocalDateTime.parse(s + "T00:00") : LocalDateTime.parse(s);
      Instant i = t.atZone(current).toInstant();
      return Times.fromInstant(i);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("\"" + typed.strip() + "\" is not a time: type 2024-03-12 08:09[:38[.513]] (" + label()
          + "), or ISO with Z or an offset");
    }
  }
}
