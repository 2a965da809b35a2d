package org.sysmontriage.detect.lsass;

import java.util.ArrayList;
import java.util.List;

/**
 * A process access mask (Sysmon {@code GrantedAccess}, Security {@code AccessMask}) read as bits, in
 * whatever spelling the exporter used ({@code 0x001fffff}, {@code 0x1FFFFF}, decimal).
 */
public record AccessRights(long mask) {
  public static final long TERMINATE = 0x1;
  public static final long CREATE_THREAD = 0x2;
  public static final long VM_OPERATION = 0x8;
  public static final long VM_READ = 0x10;
  public static final long VM_WRITE = 0x20;
  public static final long DUP_HANDLE = 0x40;
  public static final long CREATE_PROCESS = 0x80;
  public static final long QUERY_INFORMATION = 0x400;
  public static final long QUERY_LIMITED = 0x1000;
  /** Every process-specific right (0xFFFF) plus the standard rights: what OpenProcess(PROCESS_ALL_ACCESS) asks. */
  public static final long ALL_ACCESS = 0x1F0FFF;

  /** Parses hex ({@code 0x...}) or decimal; null when the text is no number (or longer than 16 hex digits). */
  public static AccessRights parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    boolean hex = s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
    int from = hex ? 2 : 0;
    if (s.length() - from > 16 || s.length() == from) {
      return null;
    }
    long v = 0;
    for (int i = from; i < s.length(); i++) {
      int d = Character.digit(s.charAt(i), hex ? 16 : 10);
      if (d < 0) {
        return null;
      }
      v = v * (hex ? 16 : 10) + d;
    }
    return new AccessRights(v);
  }

  public boolean has(long bits) {
    return (mask & bits) == bits;
  }

  public boolean canReadMemory() {
    return has(VM_READ);
  }

  /** A handle that can be duplicated out of LSASS (handle-duplication dumpers), without reading it directly. */
  public boolean canDuplicateHandles() {
    return has(DUP_HANDLE);
  }

  /** Rights to write into LSASS or start a thread in it (injection, memssp-style patching). */
  public boolean canInject() {
    return has(VM_WRITE | VM_OPERATION) || has(CREATE_THREAD);
  }

  public boolean isAllAccess() {
    return has(ALL_ACCESS);
  }

  /** Whether the mask gives anything beyond querying, synchronising or terminating. */
  public boolean isSensitive() {
    return canReadMemory() || canDuplicateHandles() || canInject();
  }

  /** The sensitive rights in words, e.g. {@code PROCESS_VM_READ | PROCESS_DUP_HANDLE}. */
  public String describe() {
    if (isAllAccess()) {
      return "PROCESS_ALL_ACCESS (reads and writes memory, duplicates handles)";
    }
    List<String> parts = new ArrayList<>();
    if (has(VM_READ)) {
      parts.add("PROCESS_VM_READ");
    }
    if (has(VM_WRITE)) {
      parts.add("PROCESS_VM_WRITE");
    }
    if (has(VM_OPERATION)) {
      parts.add("PROCESS_VM_OPERATION");
    }
    if (has(CREATE_THREAD)) {
      parts.add("PROCESS_CREATE_THREAD");
    }
    if (has(DUP_HANDLE)) {
      parts.add("PROCESS_DUP_HANDLE");
    }
    return parts.isEmpty() ? "query rights only" : String.join(" | ", parts);
  }

  @Override
  public String toString() {
    return "0x" + Long.toHexString(mask);
  }
}
