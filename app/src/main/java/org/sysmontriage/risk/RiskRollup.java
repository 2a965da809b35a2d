package org.sysmontriage.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Risk per host and per user, as Splunk's risk-based alerting sums it: each hit adds its risk
 * (impact x confidence / 100) to the entities it names; an entity's findings show the sum, the
 * highest single risk and how many hits and analytics contributed.
 */
public final class RiskRollup {
  /** Entity kinds. */
  public static final String HOST = "host";
  public static final String USER = "user";

  /**
   * One entity's risk.
   *
   * @param kind {@link #HOST} or {@link #USER}
   * @param analytics the ids of the analytics that contributed, first seen first
   */
  public record Finding(String kind, String name, int sum, int max, int hits, List<String> analytics) {
    public Finding {
      analytics = List.copyOf(analytics);
    }
  }

  private final List<Finding> hosts;
  private final List<Finding> users;

  private RiskRollup(List<Finding> hosts, List<Finding> users) {
    this.hosts = List.copyOf(hosts);
    this.users = List.copyOf(users);
  }

  public static RiskRollup empty() {
    return new RiskRollup(List.of(), List.of());
  }

  /** Splunk's formula: impact x confidence / 100, both 0-100. */
  public static int score(int impact, int confidence) {
    return impact * confidence / 100;
  }

  /** Hosts, highest risk sum first. */
  public List<Finding> hosts() {
    return hosts;
  }

  /** Users, highest risk sum first. */
  public List<Finding> users() {
    return users;
  }

  /** Hosts then users. */
  public List<Finding> findings() {
    List<Finding> all = new ArrayList<>(hosts);
    all.addAll(users);
    return all;
  }

  /** Collects hits; not thread-safe. */
  public static final class Builder {
    private final Map<String, Acc> hosts = new LinkedHashMap<>();
    private final Map<String, Acc> users = new LinkedHashMap<>();

    /** Adds one hit; a null or blank host or user is not counted for that entity. */
    public Builder add(String host, String user, int risk, String analyticId) {
      if (host != null && !host.isBlank()) {
        hosts.computeIfAbsent(host, k -> new Acc()).add(risk, analyticId);
      }
      if (user != null && !user.isBlank()) {
        users.computeIfAbsent(user, k -> new Acc()).add(risk, analyticId);
      }
      return this;
    }

    public RiskRollup build() {
      return new RiskRollup(findings(HOST, hosts), findings(USER, users));
    }

    private static List<Finding> findings(String kind, Map<String, Acc> m) {
      List<Finding> out = new ArrayList<>();
      m.forEach((name, a) -> out.add(new Finding(kind, name, a.sum, a.max, a.hits, new ArrayList<>(a.analytics))));
      out.sort(Comparator.comparingInt(Finding::sum).reversed().thenComparing(Finding::name));
      return out;
    }
  }

  private static final class Acc {
    int sum;
    int max;
    int hits;
    final Set<String> analytics = new LinkedHashSet<>();

    void add(int risk, String analyticId) {
      sum += risk;
      max = Math.max(max, risk);
      hits++;
      analytics.add(analyticId);
    }
  }
}
