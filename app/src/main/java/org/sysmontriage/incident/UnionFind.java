package org.sysmontriage.incident;

/** Disjoint sets over 0..n-1 (path halving); the smallest index of a set is its root. */
final class UnionFind {
  private final int[] parent;

  UnionFind(int n) {
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
  }

  int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins the sets of {@code a} and {@code b}; returns the joined set's root. */
  int union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    int root = Math.min(ra, rb);
    parent[Math.max(ra, rb)] = root;
    return root;
  }
}
