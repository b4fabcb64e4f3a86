package io.cxs.core.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Cuts a byte stream of lines into chunks of whole lines, for parsing in parallel: each chunk
 * holds complete lines (the last line of the stream may lack its line feed) and knows the number
 * of its first line, so that a line's number does not depend on how the stream was cut. A UTF-8
 * byte-order mark at the very start is skipped. A gzip stream (recognised by its magic bytes,
 * whatever the file is called) is decompressed. Not thread-safe: one reader calls {@link #next}.
 */
public final class LineChunks implements AutoCloseable {
  /** The default chunk size: large enough to amortise a hand-off, small enough to pipeline. */
  public static final int DEFAULT_CHUNK_BYTES = 1 << 20;

  private final InputStream in;
  private final int chunkBytes;
  /** Bytes read past the last complete line of the previous chunk. */
  private byte[] carry = new byte[0];
  private int carryLength;
  private long nextLine = 1;
  private long bytesRead;
  private boolean eof;
  private boolean first = true;

  /** One chunk: {@code data[0, length)} holds whole lines, the first numbered {@code firstLine}. */
  public record Chunk(byte[] data, int length, long firstLine, int lines, long endOffset) {}

  private final boolean compressed;

  private LineChunks(InputStream in, int chunkBytes, boolean compressed) {
    this.in = in;
    this.chunkBytes = chunkBytes;
    this.compressed = compressed;
  }

  /** @return true if the stream was gzip-compressed */
  public boolean compressed() {
    return compressed;
  }

  /**
   * @param in the stream, decompressed if it starts with the gzip magic bytes; closed by
   *     {@link #close()}
   * @param chunkBytes the target size of a chunk; a longer line makes a longer chunk
   * @return the chunks of the stream
   * @throws IOException if the stream cannot be read
   */
  public static LineChunks of(InputStream in, int chunkBytes) throws IOException {
    Objects.requireNonNull(in, "in");
    if (chunkBytes < 1) {
      throw new IllegalArgumentException("chunkBytes must be positive but was " + chunkBytes);
    }
    PushbackInputStream p = new PushbackInputStream(in, 2);
    byte[] magic = new byte[2];
    int n = p.readNBytes(magic, 0, 2);
    if (n > 0) {
      p.unread(magic, 0, n);
    }
    boolean gzip = n == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
    InputStream source = gzip
        ? new BufferedInputStream(new GZIPInputStream(p, 1 << 16), 1 << 16) : p;
    return new LineChunks(source, chunkBytes, gzip);
  }

  /** @return the bytes of the (decompressed) stream read so far */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * @return the next chunk, or null at the end of the stream
   * @throws IOException if the stream cannot be read
   */
  public Chunk next() throws IOException {
    if (eof && carryLength == 0) {
      return null;
    }
    byte[] buf = new byte[Math.max(chunkBytes, carryLength + chunkBytes / 2)];
    System.arraycopy(carry, 0, buf, 0, carryLength);
    int length = carryLength;
    carryLength = 0;
    while (true) {
      while (!eof && length < buf.length) {
        int r = in.read(buf, length, buf.length - length);
        if (r < 0) {
          eof = true;
        } else {
          bytesRead += r;
          length += r;
        }
      }
      int start = 0;
      if (first && length >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB
          && (buf[2] & 0xFF) == 0xBF) {
        start = 3;
      }
      if (first && (length >= 3 || eof)) {
        first = false;
        if (start > 0) {
          System.arraycopy(buf, 3, buf, 0, length - 3);
          length -= 3;
        }
      }
      int end = lastLineEnd(buf, length);
      if (eof && end < length) {
        end = length; // the last line, without a line feed
      }
      if (end > 0 || eof) {
        carryLength = length - end;
        if (carry.length < carryLength) {
          carry = new byte[Math.max(carryLength, chunkBytes / 2)];
        }
        System.arraycopy(buf, end, carry, 0, carryLength);
        if (end == 0) {
          return null;
        }
        int lines = countLines(buf, end);
        Chunk c = new Chunk(buf, end, nextLine, lines, bytesRead - carryLength);
        nextLine += lines;
        return c;
      }
      // one line longer than the buffer: grow it and read on
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
  }

  private static int lastLineEnd(byte[] buf, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  /** @return the lines in {@code buf[0, end)}, a last one without a line feed included */
  private static int countLines(byte[] buf, int end) {
    int lines = 0;
    for (int i = 0; i < end; i++) {
      if (buf[i] == '\n') {
        lines++;
      }
    }
    return buf[end - 1] == '\n' ? lines : lines + 1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
