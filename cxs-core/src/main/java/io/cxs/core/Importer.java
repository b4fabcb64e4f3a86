package io.cxs.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.IngestReport;
import io.cxs.core.ingest.LineError;
import io.cxs.core.internal.LineChunks;
import io.cxs.core.json.EventReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Imports JSON Lines into a {@link Cxs} engine: the bulk path behind
 * {@link Cxs#ingestJsonLines(Path)} and the {@code cxs} command line. Made by
 * {@link Cxs#importer()}, configured once, then {@link #run run} once.
 *
 * <pre>{@code
 * IngestReport report = cxs.importer()
 *     .threads(2)                                   // parse on two threads
 *     .progress(p -> System.err.println(p.lines() + " lines"))
 *     .run(Path.of("export.jsonl.gz"));             // gzip recognised by its magic bytes
 * }</pre>
 *
 * <p>The input is read as bytes (UTF-8; gzip-compressed input is recognised by its first two
 * bytes, whatever it is called; a byte-order mark at the start is skipped) and cut into chunks
 * of whole lines. With {@link #threads threads(n)} the chunks are parsed on {@code n} threads
 * that this importer starts and stops; the events are always ingested on the calling thread in
 * line order. So the outcome — what is stored, the counts, the line numbers of rejected lines,
 * which copy of a duplicate wins — is exactly that of one thread, whatever the thread count.
 *
 * <p>Each line is one event in the shape {@link EventReader} describes. Blank lines are skipped.
 * A line that is not valid UTF-8, not a JSON object, or not a valid event is rejected with its
 * line number, field and reason, and the lines around it are ingested. A store failure is not a
 * line's fault: the import stops with an {@link IngestFailedException} naming the line and
 * reporting what was ingested before it.
 *
 * <p>Not thread-safe; use an importer for one run.
 *
 * @since 0.1
 */
public final class Importer {
  /** The most parsing threads an importer starts. */
  public static final int MAX_THREADS = 64;

  private final Cxs cxs;
  private int threads;
  private Consumer<? super Progress> progress;
  private boolean ran;
  private int chunkBytes = LineChunks.DEFAULT_CHUNK_BYTES;

  Importer(Cxs cxs) {
    this.cxs = cxs;
  }

  /**
   * How far an import has got, handed to the {@link #progress progress listener} after each
   * chunk of lines (about a megabyte) is ingested.
   *
   * @param lines the lines read so far, blank ones included
   * @param bytes the bytes read so far (after decompression)
   * @param totalBytes the size of the input, if known (a plain file; not for gzip or a stream)
   * @param accepted events accepted so far
   * @param duplicates events skipped as duplicates so far
   * @param rejected lines rejected so far
   * @since 0.1
   */
  public record Progress(long lines, long bytes, OptionalLong totalBytes, long accepted,
      long duplicates, long rejected) {
    /** @throws NullPointerException if {@code totalBytes} is null */
    public Progress {
      Objects.requireNonNull(totalBytes, "totalBytes");
    }
  }

  /**
   * @param threads the threads that parse lines, 1 to {@link #MAX_THREADS} (default 1: the
   *     calling thread parses and ingests); more use that many threads started for the run and
   *     stopped at its end, with the same outcome
   * @return this importer
   * @throws IllegalArgumentException if {@code threads} is out of range
   * @throws IllegalStateException if already set
   */
  public Importer threads(int threads) {
    checkState(this.threads == 0, "threads was already set to %s", this.threads);
    checkArgument(threads >= 1 && threads <= MAX_THREADS,
        "threads must be in [1, %s] but was %s", MAX_THREADS, threads);
    this.threads = threads;
    return this;
  }

  /**
   * @param listener called on the calling thread after each chunk of lines is ingested; if it
   *     throws, the import stops with that exception
   * @return this importer
   * @throws IllegalStateException if already set
   */
  public Importer progress(Consumer<? super Progress> listener) {
    checkState(progress == null, "progress listener was already set");
    this.progress = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Sets the chunk size, so that tests can cut small inputs into many chunks. */
  Importer chunkBytes(int bytes) {
    checkArgument(bytes >= 1, "chunk bytes must be positive but was %s", bytes);
    this.chunkBytes = bytes;
    return this;
  }

  /**
   * Imports a file.
   *
   * @param file a JSON Lines file, plain or gzip-compressed
   * @return the report
   * @throws UncheckedIOException if the file cannot be read
   * @throws IngestFailedException if a store fails on a line
   * @throws IllegalStateException if this importer has run already
   */
  public IngestReport run(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      return run(in, OptionalLong.of(size), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Imports a stream; it is read to the end and not closed.
   *
   * @param in JSON Lines as UTF-8 bytes, plain or gzip-compressed
   * @return the report
   * @throws UncheckedIOException if the stream cannot be read
   * @throws IngestFailedException if a store fails on a line
   * @throws IllegalStateException if this importer has run already
   */
  public IngestReport run(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      return run(new java.io.FilterInputStream(in) {
        @Override
        public void close() {
          // the caller's stream stays open
        }
      }, OptionalLong.empty(), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON Lines", e);
    }
  }

  private IngestReport run(InputStream in, OptionalLong size, boolean sizeKnown)
      throws IOException {
    checkState(!ran, "this importer has run already; make a new one with cxs.importer()");
    ran = true;
    int n = threads == 0 ? 1 : threads;
    Tally tally = new Tally();
    try (LineChunks chunks = LineChunks.of(in, chunkBytes)) {
      OptionalLong total = sizeKnown && !chunks.compressed() ? size : OptionalLong.empty();
      if (n == 1) {
        for (LineChunks.Chunk c = chunks.next(); c != null; c = chunks.next()) {
          ingest(ParsedChunk.parse(c), tally, chunks, total);
        }
      } else {
        ExecutorService pool = Executors.newFixedThreadPool(n, new Named());
        try {
          ArrayDeque<Future<ParsedChunk>> inFlight = new ArrayDeque<>();
          LineChunks.Chunk c = chunks.next();
          while (c != null || !inFlight.isEmpty()) {
            while (c != null && inFlight.size() < 2 * n) {
              LineChunks.Chunk chunk = c;
              inFlight.add(pool.submit(() -> ParsedChunk.parse(chunk)));
              c = chunks.next();
            }
            ingest(await(inFlight.poll()), tally, chunks, total);
          }
        } finally {
          pool.shutdownNow();
        }
      }
    } catch (UncheckedIOException e) {
      throw e;
    }
    return tally.report();
  }

  private static ParsedChunk await(Future<ParsedChunk> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void ingest(ParsedChunk p, Tally tally, LineChunks chunks, OptionalLong total) {
    IngestOutcome[] outcomes = new IngestOutcome[p.events.size()];
    RuntimeException[] failure = new RuntimeException[1];
    int done = cxs.ingestAll(p.events, outcomes, failure);
    // rejections and outcomes in line order, up to the line whose store write failed
    long failedLine = done < p.events.size() ? p.lineOf[done] : Long.MAX_VALUE;
    int e = 0;
    for (int i = 0; i < done; i++) {
      while (e < p.errors.size() && p.errors.get(e).line() < p.lineOf[i]) {
        tally.reject(p.errors.get(e++));
      }
      if (outcomes[i] == IngestOutcome.ACCEPTED) {
        tally.accepted++;
      } else {
        tally.duplicates++;
      }
    }
    while (e < p.errors.size() && p.errors.get(e).line() < failedLine) {
      tally.reject(p.errors.get(e++));
    }
    if (failure[0] != null) {
      throw new IngestFailedException(failedLine, tally.report(), failure[0]);
    }
    tally.lines = p.firstLine + p.lines - 1;
    if (progress != null) {
      progress.accept(new Progress(tally.lines, p.endOffset, total, tally.accepted,
          tally.duplicates, tally.rejected));
    }
  }

  /** The running counts of an import. */
  private static final class Tally {
    long accepted;
    long duplicates;
    long rejected;
    long lines;
    final List<LineError> errors = new ArrayList<>();

    void reject(LineError error) {
      rejected++;
      if (errors.size() < IngestReport.MAX_ERRORS) {
        errors.add(error);
      }
    }

    IngestReport report() {
      return new IngestReport(accepted, duplicates, rejected, errors);
    }
  }

  /** The events and rejections of one chunk, in line order. */
  static final class ParsedChunk {
    final List<Event> events = new ArrayList<>();
    long[] lineOf = new long[64];
    final List<LineError> errors = new ArrayList<>(0);
    long firstLine;
    int lines;
    long endOffset;

    static ParsedChunk parse(LineChunks.Chunk c) {
      ParsedChunk p = new ParsedChunk();
      p.firstLine = c.firstLine();
      p.lines = c.lines();
      p.endOffset = c.endOffset();
      byte[] data = c.data();
      int end = c.length();
      long line = c.firstLine();
      int from = 0;
      while (from < end) {
        int to = from;
        while (to < end && data[to] != '\n') {
          to++;
        }
        int stop = to > from && data[to - 1] == '\r' ? to - 1 : to;
        if (!blank(data, from, stop)) {
          try {
            Event ev = EventReader.parse(data, from, stop - from);
            if (p.events.size() == p.lineOf.length) {
              p.lineOf = java.util.Arrays.copyOf(p.lineOf, p.lineOf.length * 2);
            }
            p.lineOf[p.events.size()] = line;
            p.events.add(ev);
          } catch (InvalidEventException e) {
            p.errors.add(new LineError(line, e.field(), e.getMessage()));
          } catch (IllegalArgumentException e) {
            p.errors.add(new LineError(line, "event", e.getMessage()));
          }
        }
        line++;
        from = to + 1;
      }
      return p;
    }

    private static boolean blank(byte[] data, int from, int to) {
      for (int i = from; i < to; i++) {
        byte b = data[i];
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }
  }

  /** Names the parsing threads, as daemons so that a forgotten import never holds up exit. */
  private static final class Named implements ThreadFactory {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private final int run = RUNS.incrementAndGet();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "cxs-import-" + run + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
