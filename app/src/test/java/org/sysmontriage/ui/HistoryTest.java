package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sysmontriage.ui.common.History;

class HistoryTest {
  @Test
  void backAndForwardLikeABrowser() {
    History<String> h = new History<>();
    assertNull(h.back());
    h.visit("hit 1");
    h.visit("hit 1");
    assertFalse(h.canGoBackProperty().get(), "the same place twice is one place");
    h.visit("related 7");
    h.visit("tree node 3");
    assertEquals("related 7", h.back());
    assertEquals("hit 1", h.back());
    assertNull(h.back());
    assertEquals("hit 1", h.current());
    assertTrue(h.canGoForwardProperty().get());
    assertEquals("related 7", h.forward());
    h.visit("incident I-2");
    assertFalse(h.canGoForwardProperty().get(), "a new place drops the forward list");
    assertNull(h.forward());
    assertEquals("related 7", h.back());
    h.clear();
    assertFalse(h.canGoBackProperty().get());
    assertNull(h.current());
  }
}
