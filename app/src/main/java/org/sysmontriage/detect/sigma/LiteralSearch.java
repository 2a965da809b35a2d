package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick search for many literals at once: one pass over a text reports every literal that
 * occurs in it, each once. The shallowest states (up to a memory budget) have full transition rows
 * over the literals' ASCII characters (a character no literal has leads back to the start); other
 * states and other characters use the trie edges and failure links. Each text character moves one level deeper at most and each failure
 * step one level up, and reporting is bounded by the number of distinct literals found: time is
 * linear in the text whatever the literals are, with no backtracking.
 */
public final class LiteralSearch {
  /** Receives the index of each literal found (the literal's position in the list given to {@link #of}). */
  public interface Hits {
    void hit(int literal);
  }

  private final char[] asciiClass = new char[128];
  private final char[] otherChars;
  private final char[] otherClass;
  private final int width;
  /** Classes below this are ASCII characters (and class 0): the columns of the dense rows. */
  private final int denseWidth;
  /** Cells of dense rows one automaton may hold (4 MB): rows go to the shallowest states first. */
  private static final int DENSE_BUDGET = 1 << 20;
  /** Full transition rows of the start state and its children (the states most texts stay in). */
  private final int[] dense;
  private final int[] denseRow;
  /** Other states: their trie children sorted by character class, and failure links. */
  private final int[] firstChild;
  private final int[] childClass;
  private final int[] childState;
  private final int[] fail;
  private final int[] out;
  private final int[] dict;
  private final int literalCount;
  private final boolean numberLiteral;

  /**
   * Builds the trie from the literals in sorted order (of their folded text, which is the order of
   * their character classes): each new state then hangs below the path of the literal before it, a
   * parent's children come in class order, and the arrays are filled without maps or boxing.
   */
  private LiteralSearch(List<String> literals) {
    literalCount = literals.size();
    String[] folded = new String[literals.size()];
    boolean[] inAlphabet = new boolean[Character.MAX_VALUE + 1];
    long chars = 0;
    boolean number = false;
    for (int p = 0; p < folded.length; p++) {
      String l = literals.get(p);
      if (l.isEmpty()) {
        throw new IllegalArgumentException("an empty literal matches everywhere");
      }
      char[] f = l.toCharArray();
      for (int i = 0; i < f.length; i++) {
        f[i] = fold(f[i]);
        inAlphabet[f[i]] = true;
      }
      folded[p] = new String(f);
      chars += f.length;
      number |= isNumberText(folded[p]);
    }
    numberLiteral = number;
    int otherCount = 0;
    for (int c = 128; c < inAlphabet.length; c++) {
      otherCount += inAlphabet[c] ? 1 : 0;
    }
    otherChars = new char[otherCount];
    otherClass = new char[otherCount];
    char next = 1; // class 0: a character no literal has
    for (int c = 0, o = 0; c < inAlphabet.length; c++) {
      if (!inAlphabet[c]) {
        continue;
      }
      if (c < 128) {
        asciiClass[c] = next++;
      } else {
        otherChars[o] = (char) c;
        otherClass[o++] = next++;
      }
    }
    width = next;
    denseWidth = next - otherCount;
    Integer[] order = new Integer[folded.length];
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    Arrays.sort(order, (a, b) -> {
      int c = folded[a].compareTo(folded[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    int capacity = (int) Math.min(Integer.MAX_VALUE - 8, chars + 1);
    int[] parent = new int[capacity];
    int[] edgeClass = new int[capacity];
    int[] depthOf = new int[capacity];
    int[] outs = new int[capacity];
    outs[0] = -1;
    int states = 1;
    int[] path = new int[1];
    String previous = "";
    for (int p : order) {
      String l = folded[p];
      if (path.length < l.length() + 1) {
        path = Arrays.copyOf(path, Math.max(l.length() + 1, path.length * 2));
      }
      int common = 0;
      while (common < l.length() && common < previous.length() && l.charAt(common) == previous.charAt(common)) {
        common++;
      }
      for (int i = common; i < l.length(); i++) {
        int t = states++;
        parent[t] = path[i];
        edgeClass[t] = classOf(l.charAt(i));
        depthOf[t] = i + 1;
        outs[t] = -1;
        path[i + 1] = t;
      }
      int end = path[l.length()];
      if (outs[end] < 0 || p < outs[end]) { // duplicates report the first one's index
        outs[end] = p;
      }
      previous = l;
    }
    out = Arrays.copyOf(outs, states);
    firstChild = new int[states + 1];
    for (int t = 1; t < states; t++) {
      firstChild[parent[t] + 1]++;
    }
    for (int st = 0; st < states; st++) {
      firstChild[st + 1] += firstChild[st];
    }
    childClass = new int[states - 1];
    childState = new int[states - 1];
    int[] fill = Arrays.copyOf(firstChild, states);
    for (int t = 1; t < states; t++) { // in creation order: a parent's children in class order
      int at = fill[parent[t]]++;
      childClass[at] = edgeClass[t];
      childState[at] = t;
    }
    int maxStateDepth = 0;
    for (int t = 0; t < states; t++) {
      maxStateDepth = Math.max(maxStateDepth, depthOf[t]);
    }
    int[] perDepth = new int[maxStateDepth + 2];
    for (int t = 0; t < states; t++) {
      perDepth[depthOf[t]]++;
    }
    int maxDepth = 0;
    for (int d = 0, cells = 0; d < perDepth.length; d++) {
      cells += perDepth[d] * denseWidth;
      if (d > 0 && cells > DENSE_BUDGET) {
        break;
      }
      maxDepth = d;
    }
    denseRow = new int[states];
    Arrays.fill(denseRow, -1);
    int rows = 0;
    for (int st = 0; st < states; st++) {
      if (depthOf[st] <= maxDepth) {
        denseRow[st] = rows++;
      }
    }
    dense = new int[rows * denseWidth];
    fail = new int[states];
    dict = new int[states];
    link(states);
  }

  /** The trie child of {@code s} on class {@code c}, or -1. */
  private int child(int s, int c) {
    int start = firstChild[s];
    int end = firstChild[s + 1];
    if (end - start > 8) {
      int i = Arrays.binarySearch(childClass, start, end, c);
      return i < 0 ? -1 : childState[i];
    }
    for (int i = start; i < end; i++) {
      if (childClass[i] == c) {
        return childState[i];
      }
      if (childClass[i] > c) {
        return -1;
      }
    }
    return -1;
  }

  /** The next state from {@code s} on class {@code c}: the trie edge, else along the failure links. */
  private int step(int s, int c) {
    while (true) {
      if (c < denseWidth) {
        int row = denseRow[s];
        if (row >= 0) {
          return dense[row * denseWidth + c];
        }
      }
      int t = child(s, c);
      if (t >= 0) {
        return t;
      }
      if (s == 0) {
        return 0;
      }
      s = fail[s];
    }
  }

  /** Breadth-first: failure links, the dense rows, and each state's nearest output on its suffix chain. */
  private void link(int states) {
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    dict[0] = -1;
    queue[tail++] = 0;
    while (head < tail) {
      int s = queue[head++];
      for (int i = firstChild[s]; i < firstChild[s + 1]; i++) {
        int t = childState[i];
        int viaFail = s == 0 ? 0 : step(fail[s], childClass[i]);
        fail[t] = viaFail;
        dict[t] = out[viaFail] >= 0 ? viaFail : dict[viaFail];
        queue[tail++] = t;
      }
      int row = denseRow[s];
      if (row >= 0) { // rows are filled in breadth-first order: the failure state's (shallower) row is ready
        if (s != 0) { // where s has no child, it goes where its failure state goes
          System.arraycopy(dense, denseRow[fail[s]] * denseWidth, dense, row * denseWidth, denseWidth);
        }
        for (int i = firstChild[s]; i < firstChild[s + 1] && childClass[i] < denseWidth; i++) {
          dense[row * denseWidth + childClass[i]] = childState[i];
        }
      }
    }
  }

  /** The automaton for these literals (none empty); duplicates report the first one's index. */
  public static LiteralSearch of(List<String> literals) {
    return new LiteralSearch(literals);
  }

  public int literalCount() {
    return literalCount;
  }

  /**
   * Whether some literal can occur in a decimal number's text (an event's record id): only a literal
   * made of digits and minus signs can.
   */
  public boolean canOccurInNumber() {
    return numberLiteral;
  }

  /** Distinct characters of the literals plus one. */
  public int width() {
    return width;
  }

  /** Number of automaton states. */
  public int stateCount() {
    return out.length;
  }

  private int classOf(char c) {
    if (c < 128) {
      return asciiClass[c];
    }
    if (c == LONG_S || c == KELVIN) {
      return asciiClass[fold(c)];
    }
    int i = Arrays.binarySearch(otherChars, c);
    return i < 0 ? 0 : otherClass[i];
  }

  private static boolean isNumberText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static final char LONG_S = '\u017F';
  private static final char KELVIN = '\u212A';

  /**
   * The long s and the Kelvin sign are searched as {@code s} and {@code k} (in texts and literals):
   * RE2 folds them onto those letters and lower-casing does not turn the long s into {@code s}, so a
   * case-insensitive regular expression's literal ({@link Prerequisites}) is found wherever RE2 can
   * match it. For every other literal this only finds more, never fewer, texts.
   */
  private static char fold(char c) {
    return c == LONG_S ? 's' : c == KELVIN ? 'k' : c;
  }

  /** Per-thread scratch space that makes each literal reported once per text. */
  public final class Scanner {
    private final int[] seen = new int[out.length];
    private int stamp;

    /** Reports every literal occurring in {@code text} once (in the order their ends are met). */
    public void scan(String text, Hits hits) {
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(seen, 0);
        stamp = 1;
      }
      int s = 0;
      for (int i = 0, n = text.length(); i < n; i++) {
        s = step(s, classOf(text.charAt(i)));
        int o = out[s] >= 0 ? s : dict[s];
        while (o > 0 && seen[o] != stamp) { // a state already seen: its whole chain was reported
          seen[o] = stamp;
          hits.hit(out[o]);
          o = dict[o];
        }
      }
    }
  }

  public Scanner scanner() {
    return new Scanner();
  }

  /** Distinct literals in first-seen order, with each one's index (for building from many rules). */
  public static final class Builder {
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    public int add(String literal) {
      return ids.computeIfAbsent(literal, k -> ids.size());
    }

    public int size() {
      return ids.size();
    }

    /** The distinct literals, by index. */
    public List<String> literals() {
      return List.copyOf(ids.keySet());
    }

    public LiteralSearch build() {
      return of(new ArrayList<>(ids.keySet()));
    }
  }
}
