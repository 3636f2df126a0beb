package org.industrygaps.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream strictly and counts the lines it has decoded, so that a byte that is not
 * valid text is reported with the line it is on (a plain InputStreamReader decodes ahead in blocks
 * and knows no lines).
 */
final class StrictTextReader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final String encoding;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private long line = 1;
  private boolean eof;
  private boolean done;

  /** A byte sequence that is not valid text, with its line. */
  static final class DecodingException extends CharacterCodingException {
    private final String message;

    DecodingException(String message) {
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }

  StrictTextReader(InputStream in, Charset charset) {
    this.in = in;
    this.decoder = TextEncoding.strict(charset);
    this.encoding = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (out.position() == offset && !done) {
      CoderResult result = decoder.decode(bytes, out, eof);
      if (result.isError()) {
        count(buffer, offset, out.position());
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < result.length() && bytes.hasRemaining(); i++) {
          bad.append(String.format(" 0x%02X", bytes.get() & 0xFF));
        }
        throw new DecodingException("bytes that are not valid " + encoding + " text at line "
            + line + " (byte" + (result.length() > 1 ? "s" : "") + bad + ")");
      }
      if (result.isUnderflow()) {
        if (eof) {
          done = decoder.flush(out).isUnderflow();
        } else {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
      }
    }
    int n = out.position() - offset;
    count(buffer, offset, out.position());
    return n == 0 && done ? -1 : n;
  }

  private void count(char[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        line++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
