package org.sysmontriage.detect;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Hits of one analytic grouped as its source page's {@code stats} does, e.g. Splunk
 * fb4c31b0's {@code count min(_time) max(_time) by Computer, TargetImage, TargetProcessId,
 * SourceImage, SourceProcessId}.
 *
 * <p>A capture can have as many groups as hits (every LSASS access from its own program path), so a
 * group is kept compact: the grouping field names are shared by every group of the analytic, the
 * values are one array and the events one {@code int[]}; {@link #group()} and {@link #events()} are
 * read-only views of them.
 *
 * @param group the grouping fields and their values, in the page's order
 * @param firstTicks earliest event time (100 ns ticks since the Unix epoch, see Times)
 * @param lastTicks latest event time
 * @param events the grouped events' store indexes, in time order
 */
public record AggregateFinding(String analyticId, Map<String, String> group, int count, long firstTicks,
    long lastTicks, List<Integer> events) {
  public AggregateFinding {
    group = group instanceof Group g ? g : Collections.unmodifiableMap(new LinkedHashMap<>(group));
    events = events instanceof Events e ? e : new Events(events.stream().mapToInt(Integer::intValue).toArray());
  }

  /** A finding made from shared field names, their values (same length) and the events' indexes; the arrays are kept, not copied. */
  static AggregateFinding of(String analyticId, String[] names, String[] values, long firstTicks, long lastTicks, int[] events) {
    return new AggregateFinding(analyticId, new Group(names, values), events.length, firstTicks, lastTicks, new Events(events));
  }

  /** Field names and values in order, read-only. */
  private static final class Group extends AbstractMap<String, String> {
    private final String[] names;
    private final String[] values;

    Group(String[] names, String[] values) {
      this.names = names;
      this.values = values;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, String>> iterator() {
          return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < names.length;
            }

            @Override
            public Entry<String, String> next() {
              if (i >= names.length) {
                throw new java.util.NoSuchElementException();
              }
              Entry<String, String> e = new SimpleImmutableEntry<>(names[i], values[i]);
              i++;
              return e;
            }
          };
        }

        @Override
        public int size() {
          return names.length;
        }
      };
    }
  }

  /** Event indexes, read-only. */
  private static final class Events extends AbstractList<Integer> implements RandomAccess {
    private final int[] events;

    Events(int[] events) {
      this.events = events;
    }

    @Override
    public Integer get(int i) {
      return events[i];
    }

    @Override
    public int size() {
      return events.length;
    }
  }
}
