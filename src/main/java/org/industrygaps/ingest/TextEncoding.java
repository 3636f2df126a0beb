package org.industrygaps.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Which encoding a drop file is in: UTF-8 (with or without BOM) or GB18030 (a superset of GBK and
 * GB2312, the usual export of Chinese Excel). Decided from the first {@link #SNIFF_BYTES} bytes:
 * a BOM means UTF-8; text that is valid UTF-8 is UTF-8; else text that is valid GB18030 is GB18030.
 * Decoding is strict afterwards too, so a bad byte later in the file is reported, never replaced.
 */
public final class TextEncoding {
  static final int SNIFF_BYTES = 1 << 16;
  public static final Charset GB18030 = Charset.forName("GB18030");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private TextEncoding() {}

  /** The encoding and whether a BOM (to skip) starts the stream. */
  public record Detected(Charset charset, boolean bom) {}

  /** Sniffs {@code in}, which must support mark/reset, and leaves it at its start. */
  public static Detected detect(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_BYTES + 1);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    boolean whole = in.read() < 0;
    in.reset();
    if (head.length >= 3 && Arrays.equals(Arrays.copyOf(head, 3), UTF8_BOM)) {
      return new Detected(StandardCharsets.UTF_8, true);
    }
    if (decodes(head, StandardCharsets.UTF_8, whole)) {
      return new Detected(StandardCharsets.UTF_8, false);
    }
    if (decodes(head, GB18030, whole)) {
      return new Detected(GB18030, false);
    }
    return null;
  }

  /**
   * The encoding that drop.json declares, with a UTF-8 BOM to skip; null when a GB18030 file starts
   * with a UTF-8 BOM (the declaration is wrong). Leaves {@code in} at its start.
   */
  public static Detected declared(BufferedInputStream in, Charset charset) throws IOException {
    in.mark(UTF8_BOM.length);
    byte[] head = in.readNBytes(UTF8_BOM.length);
    in.reset();
    boolean bom = Arrays.equals(head, UTF8_BOM);
    if (bom && !charset.equals(StandardCharsets.UTF_8)) {
      return null;
    }
    return new Detected(charset, bom);
  }

  /** What else a file that is neither UTF-8 nor GB18030 may be, for the message; or "". */
  static String hint(BufferedInputStream in) throws IOException {
    in.mark(2);
    byte[] head = in.readNBytes(2);
    in.reset();
    if (head.length == 2
        && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
            || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
      return " (it starts with a UTF-16 byte order mark, as Excel's \"Unicode text\" does:"
          + " save it as \"CSV UTF-8\")";
    }
    return "";
  }

  /** Whether {@code bytes} decode without error (a sequence cut at the end is fine unless whole). */
  static boolean decodes(byte[] bytes, Charset charset, boolean whole) {
    CharsetDecoder decoder = strict(charset);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, whole);
    if (result.isError()) {
      return false;
    }
    return !whole || !decoder.flush(out).isError();
  }

  /** A decoder that reports bad bytes instead of replacing them. */
  public static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Whether {@code e} or a cause is a decoding error. */
  public static boolean isDecodingError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  static InputStream skipBom(InputStream in, Detected d) throws IOException {
    if (d.bom()) {
      in.skipNBytes(UTF8_BOM.length);
    }
    return in;
  }
}
