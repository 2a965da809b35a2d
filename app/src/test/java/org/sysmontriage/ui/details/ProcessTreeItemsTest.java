package org.sysmontriage.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/**
 * A process tree's items are made from nodes given depth-first with their depths (off the FX thread for an incident's
 * thousands of processes), each parent's children added at once: the same tree as adding them one by one.
 */
class ProcessTreeItemsTest {
  record Node(String name, int depth, boolean marked) {}

  @Test
  void nodesGivenDepthFirstMakeTheTreeOfTheirDepths() {
    List<Node> nodes = List.of(n("a", 0), n("b", 1), n("c", 2), n("d", 2), n("e", 1), n("f", 0), n("g", 1), n("h", 2),
        n("i", 0));
    ProcessTreeItems<Node> items = items(nodes);
    assertEquals("(a(b(c)(d))(e))(f(g(h)))(i)", shape(items.root()));
    assertEquals(shape(oneByOne(nodes)), shape(items.root()));
  }

  @Test
  void aNodeDeeperThanOneBelowTheLastIsPutOneBelowIt() {
    List<Node> nodes = List.of(n("a", 3), n("b", 5), n("c", 1), n("d", 0));
    assertEquals("(a(b)(c))(d)", shape(items(nodes).root()));
    assertEquals(shape(oneByOne(nodes)), shape(items(nodes).root()));
  }

  @Test
  void theFirstMarkedNodeIsFoundAndEveryItemIsExpanded() {
    List<Node> nodes = List.of(n("a", 0), new Node("b", 1, true), new Node("c", 1, true));
    ProcessTreeItems<Node> items = items(nodes);
    assertSame(items.root().getChildren().get(0).getChildren().get(0), items.marked());
    assertEquals("b", items.marked().getValue().name());
    assertEquals(true, items.root().getChildren().get(0).isExpanded());
    assertNull(items(List.of(n("a", 0))).marked());
    assertEquals("", shape(items(List.of()).root()));
  }

  @Test
  void aLongChainAndAWideLevelKeepTheirOrder() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      nodes.add(n("c" + i, i));
    }
    for (int i = 0; i < 500; i++) {
      nodes.add(n("w" + i, 1));
    }
    assertEquals(shape(oneByOne(nodes)), shape(items(nodes).root()));
  }

  private static Node n(String name, int depth) {
    return new Node(name, depth, false);
  }

  private static ProcessTreeItems<Node> items(List<Node> nodes) {
    return ProcessTreeItems.of(nodes, Node::depth, Node::marked);
  }

  /** The tree as the window made it before: each item added to its parent as it came. */
  private static TreeItem<Node> oneByOne(List<Node> nodes) {
    TreeItem<Node> root = new TreeItem<>();
    List<TreeItem<Node>> path = new ArrayList<>();
    for (Node p : nodes) {
      TreeItem<Node> item = new TreeItem<>(p);
      int depth = Math.min(p.depth(), path.size());
      (depth == 0 ? root : path.get(depth - 1)).getChildren().add(item);
      while (path.size() > depth) {
        path.remove(path.size() - 1);
      }
      path.add(item);
    }
    return root;
  }

  private static String shape(TreeItem<Node> item) {
    StringBuilder b = new StringBuilder();
    for (TreeItem<Node> c : item.getChildren()) {
      b.append('(').append(c.getValue().name()).append(shape(c)).append(')');
    }
    return b.toString();
  }
}
