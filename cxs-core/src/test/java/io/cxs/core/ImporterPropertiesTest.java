package io.cxs.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.Customer;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.ingest.IngestReport;
import io.cxs.core.touchpoint.Touchpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The importer (bytes in, chunks parsed on any number of threads, gzip or not) ends in exactly
 * the state and report of the line-at-a-time path: the same stored events, customers, counts,
 * and rejected lines with the same numbers, whatever the thread count and chunk size.
 */
final class ImporterPropertiesTest {

  /** Random Segment-style lines: duplicates, anonymous then identified, bad and blank lines. */
  static String stream(Random rnd) {
    StringBuilder b = new StringBuilder();
    int lines = rnd.nextInt(120);
    int people = 1 + rnd.nextInt(10);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      int p = rnd.nextInt(people);
      String ts = String.format("2026-03-%02dT%02d:%02d:00%s", 1 + rnd.nextInt(28),
          rnd.nextInt(24), rnd.nextInt(60), rnd.nextBoolean() ? "Z" : ".25+02:00");
      String line;
      switch (rnd.nextInt(9)) {
        case 0 -> line = "{\"type\":\"identify\",\"messageId\":\"i" + i + "\",\"userId\":\"u" + p
            + "\",\"anonymousId\":\"a" + p + "\",\"timestamp\":\"" + ts
            + "\",\"traits\":{\"email\":\"p" + p + "@example.com\",\"plan\":\"" + (i % 3) + "\"}}";
        case 1 -> line = "{\"type\":\"feedback\",\"messageId\":\"f" + i + "\",\"userId\":\"u" + p
            + "\",\"timestamp\":\"" + ts + "\",\"survey\":\"nps\",\"score\":" + rnd.nextInt(11)
            + ",\"comment\":\"ok \\u00e9\"}";
        case 2 -> line = rnd.nextBoolean() ? "not json" : "{\"type\":\"track\",\"messageId\":\"x"
            + i + "\",\"event\":\"No Id\",\"timestamp\":\"" + ts + "\"}";
        case 3 -> line = rnd.nextBoolean() ? "" : "   ";
        case 4 -> line = sent.isEmpty() ? "" : sent.get(rnd.nextInt(sent.size()));
        case 5 -> line = "{\"type\":\"track\",\"messageId\":\"t" + i + "\",\"anonymousId\":\"a" + p
            + "\",\"event\":\"Viewed\",\"timestamp\":\"" + ts
            + "\",\"context\":{\"channel\":\"web\"},\"properties\":{\"sku\":\"S" + i % 4 + "\"}}";
        default -> line = "{\"type\":\"track\",\"messageId\":\"t" + i + "\",\"userId\":\"u" + p
            + "\",\"event\":\"Order Completed\",\"timestamp\":\"" + ts
            + "\",\"properties\":{\"revenue\":" + (i % 7) + ".5}}";
      }
      if (line.startsWith("{")) {
        sent.add(line);
      }
      b.append(line).append(rnd.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    if (rnd.nextBoolean() && b.length() > 0) {
      b.setLength(b.length() - 1); // no line feed after the last line
    }
    return b.toString();
  }

  static Map<String, Object> state(Cxs cxs) {
    Map<String, Object> s = new TreeMap<>();
    cxs.customers().forEach(c -> s.put("customer " + c.id().value(), describe(c)));
    cxs.customers().forEach(c -> {
      var view = cxs.customer(c.id()).orElseThrow();
      s.put("touchpoints " + c.id().value(), view.touchpoints().stream().map(Touchpoint::toString)
          .toList());
      s.put("feedback " + c.id().value(), view.feedback().stream().map(Feedback::toString)
          .toList());
    });
    s.put("counts", List.of(cxs.customers().count(), cxs.touchpoints().count(),
        cxs.feedback().count()));
    return s;
  }

  private static String describe(Customer c) {
    return c.identities() + " " + c.traits() + " " + c.traitTimes() + " " + c.consents() + " "
        + c.createdAt() + " " + c.updatedAt() + " " + c.merges();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Property(tries = 300)
  void importer_anyThreadsAndChunks_equalsLineAtATime(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int threads,
      @ForAll @IntRange(min = 1, max = 600) int chunkBytes, @ForAll boolean gzip,
      @ForAll boolean byteOrderMark) {
    String text = stream(new Random(seed));
    Cxs lineByLine = Cxs.builder().build();
    IngestReport expected = lineByLine.ingestJsonLines(new StringReader(text));

    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (byteOrderMark) {
      byte[] withMark = new byte[bytes.length + 3];
      withMark[0] = (byte) 0xEF;
      withMark[1] = (byte) 0xBB;
      withMark[2] = (byte) 0xBF;
      System.arraycopy(bytes, 0, withMark, 3, bytes.length);
      bytes = withMark;
    }
    Cxs bulk = Cxs.builder().build();
    List<Importer.Progress> progress = new ArrayList<>();
    IngestReport actual = bulk.importer().threads(threads).chunkBytes(chunkBytes)
        .progress(progress::add)
        .run(new ByteArrayInputStream(gzip ? gzip(bytes) : bytes));

    assertThat(actual).isEqualTo(expected);
    assertThat(state(bulk)).isEqualTo(state(lineByLine));
    if (!progress.isEmpty()) {
      Importer.Progress last = progress.get(progress.size() - 1);
      assertThat(last.accepted()).isEqualTo(expected.accepted());
      assertThat(last.rejected()).isEqualTo(expected.rejected());
      assertThat(last.totalBytes()).isEmpty();
    }
  }
}
