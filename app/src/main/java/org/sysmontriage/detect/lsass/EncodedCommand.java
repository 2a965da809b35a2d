package org.sysmontriage.detect.lsass;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * PowerShell's {@code -EncodedCommand} (any prefix PowerShell accepts: {@code -e}, {@code -en},
 * {@code -enc}, ..., and {@code -ec}): the script as base64 of its UTF-16LE bytes, decoded so the
 * dump commands inside it are read like any other command line.
 */
final class EncodedCommand {
  /** Longest base64 argument decoded (characters): PowerShell itself limits a command line to 32,767. */
  static final int MAX = 65_536;

  private EncodedCommand() {}

  /** The decoded script when {@code argv} runs PowerShell with an encoded command, else null. */
  static String decode(String imageKey, List<String> argv) {
    int from = isPowerShell(imageKey) ? 1 : -1;
    for (int i = 1; from < 0 && i < argv.size(); i++) {
      if (isPowerShell(DumpSyntax.toolKey(argv.get(i)))) {
        from = i + 1;
      }
    }
    if (from < 0) {
      return null;
    }
    for (int i = from; i + 1 < argv.size(); i++) {
      String a = argv.get(i);
      if (WinArgs.isSwitch(a) && isEncodedSwitch(WinArgs.switchName(a))) {
        return utf16(argv.get(i + 1));
      }
    }
    return null;
  }

  static boolean isPowerShell(String key) {
    return key.equals("powershell") || key.equals("pwsh") || key.equals("powershell_ise");
  }

  /** {@code e}, {@code en}, ..., {@code encodedcommand} and {@code ec}; {@code ex} (ExecutionPolicy) and {@code encodedarguments} are not. */
  static boolean isEncodedSwitch(String s) {
    return s.equals("ec") || (!s.isEmpty() && "encodedcommand".startsWith(s));
  }

  private static String utf16(String b64) {
    if (b64.length() > MAX) {
      return null;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(b64.trim());
      return new String(bytes, StandardCharsets.UTF_16LE);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
