package org.sysmontriage.ui.details;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import javafx.scene.control.TreeItem;
import org.sysmontriage.incident.ProcessNode;

/**
 * A tree's items, made from nodes given depth-first with their depths, and the first marked one (or null). Items
 * are not part of the scene until shown, so they may be made on any thread (an incident's thousands of processes
 * are made beside the incidents, off the FX thread); each parent's children are added in one change.
 */
public record ProcessTreeItems<T>(TreeItem<T> root, TreeItem<T> marked) {
  /** The items of an incident's or a lineage's process nodes (depth-first, with their depths). */
  public static ProcessTreeItems<ProcessNode> of(List<ProcessNode> nodes) {
    return of(nodes, ProcessNode::depth, ProcessNode::marked);
  }

  /** The items of {@code nodes} given depth-first: a node deeper than one below the last is put one below it. */
  static <T> ProcessTreeItems<T> of(List<T> nodes, ToIntFunction<T> depthOf, Predicate<T> markedOf) {
    TreeItem<T> root = new TreeItem<>();
    List<TreeItem<T>> path = new ArrayList<>(); // the last item seen at each depth
    List<List<TreeItem<T>>> kids = new ArrayList<>(); // children not added yet: kids[0] the root's, kids[d + 1] path[d]'s
    kids.add(new ArrayList<>());
    TreeItem<T> marked = null;
    for (T p : nodes) {
      TreeItem<T> item = new TreeItem<>(p);
      item.setExpanded(true);
      int depth = Math.min(depthOf.applyAsInt(p), path.size());
      while (path.size() > depth) {
        flush(path.remove(path.size() - 1), kids.remove(kids.size() - 1));
      }
      kids.get(depth).add(item);
      path.add(item);
      kids.add(new ArrayList<>());
      if (markedOf.test(p) && marked == null) {
        marked = item;
      }
    }
    while (!path.isEmpty()) {
      flush(path.remove(path.size() - 1), kids.remove(kids.size() - 1));
    }
    flush(root, kids.remove(0));
    return new ProcessTreeItems<>(root, marked);
  }

  private static <T> void flush(TreeItem<T> parent, List<TreeItem<T>> children) {
    if (!children.isEmpty()) {
      parent.getChildren().addAll(children);
    }
  }
}
