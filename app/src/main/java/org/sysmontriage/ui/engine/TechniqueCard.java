package org.sysmontriage.ui.engine;

import java.util.List;

/** One ATT&CK technique or sub-technique as the details pane shows it. */
public record TechniqueCard(String id, String name, List<String> tactics, String url) {
  public TechniqueCard {
    tactics = List.copyOf(tactics);
  }

  /** The parent technique id of a sub-technique ({@code T1003} for {@code T1003.001}), else the id. */
  public String parentId() {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  public boolean isSubTechnique() {
    return id.indexOf('.') >= 0;
  }
}
