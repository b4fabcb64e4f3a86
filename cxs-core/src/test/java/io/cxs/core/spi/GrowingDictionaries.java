package io.cxs.core.spi;

import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Stores whose scans behave like a streaming database scan: the rows come in small batches (cut
 * at subject boundaries once a batch holds {@code rows} rows), and the dictionary assigns codes
 * as values first appear, so a later batch brings subjects, names, channels and surveys that the
 * first one did not have, and {@link ScanDictionary#complete()} is false. Codes are assigned in
 * order of first appearance, anew in every scan. Every other call goes to the wrapped store.
 *
 * <p>For tests of the analytics above the SPI: whatever they compute over the wrapped store they
 * must compute over this one.
 */
public final class GrowingDictionaries {
  private GrowingDictionaries() {}

  /**
   * @param store the store to read
   * @param rows the rows after which a batch is cut at the next subject boundary, at least 1
   * @return the same store, scanned in small batches with a growing dictionary
   */
  public static TouchpointStore touchpoints(TouchpointStore store, int rows) {
    return new Touchpoints(Objects.requireNonNull(store, "store"), positive(rows), false);
  }

  /**
   * Like {@link #touchpoints(TouchpointStore, int)}, but every batch of a scan returns the same
   * dictionary object, whose counts grow as later batches bring codes (as a streaming database
   * scan's dictionary may): a consumer must not take an unchanged object for unchanged counts.
   *
   * @param store the store to read
   * @param rows the rows after which a batch is cut at the next subject boundary, at least 1
   * @return the same store, scanned in small batches with one growing dictionary
   */
  public static TouchpointStore touchpointsSharingOneDictionary(TouchpointStore store, int rows) {
    return new Touchpoints(Objects.requireNonNull(store, "store"), positive(rows), true);
  }

  /**
   * @param store the store to read
   * @param rows the rows after which a batch is cut at the next subject boundary, at least 1
   * @return the same store, scanned in small batches with a growing dictionary
   */
  public static FeedbackStore feedback(FeedbackStore store, int rows) {
    return new Feedbacks(Objects.requireNonNull(store, "store"), positive(rows), false);
  }

  /**
   * Like {@link #feedback(FeedbackStore, int)}, but every batch of a scan returns the same
   * dictionary object, whose counts grow as later batches bring codes.
   *
   * @param store the store to read
   * @param rows the rows after which a batch is cut at the next subject boundary, at least 1
   * @return the same store, scanned in small batches with one growing dictionary
   */
  public static FeedbackStore feedbackSharingOneDictionary(FeedbackStore store, int rows) {
    return new Feedbacks(Objects.requireNonNull(store, "store"), positive(rows), true);
  }

  private static int positive(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1 but was " + rows);
    }
    return rows;
  }

  /** Codes in order of first appearance; the counts of each batch are frozen when it is cut. */
  private static final class Growing {
    final Map<Identity, Integer> subjectCodes = new HashMap<>();
    final List<Identity> subjects = new ArrayList<>();
    final Map<String, Integer> nameCodes = new HashMap<>();
    final List<String> names = new ArrayList<>();
    final Map<Channel, Integer> channelCodes = new HashMap<>();
    final List<Channel> channels = new ArrayList<>();

    static <T> int code(Map<T, Integer> codes, List<T> values, T value) {
      Integer c = codes.get(value);
      if (c == null) {
        c = values.size();
        codes.put(value, c);
        values.add(value);
      }
      return c;
    }

    /** The dictionary as it grows: one object for the whole scan. */
    final ScanDictionary live = new ScanDictionary() {
      @Override
      public int subjectCount() {
        return subjects.size();
      }

      @Override
      public Identity subject(int code) {
        return subjects.get(code);
      }

      @Override
      public OptionalInt subjectCode(Identity subject) {
        return below(subjectCodes.get(subject), subjects.size());
      }

      @Override
      public int nameCount() {
        return names.size();
      }

      @Override
      public String name(int code) {
        return names.get(code);
      }

      @Override
      public OptionalInt nameCode(String name) {
        return below(nameCodes.get(name), names.size());
      }

      @Override
      public int channelCount() {
        return channels.size();
      }

      @Override
      public Channel channel(int code) {
        return channels.get(code);
      }

      @Override
      public OptionalInt channelCode(Channel channel) {
        return below(channelCodes.get(channel), channels.size());
      }
    };

    ScanDictionary snapshot() {
      int s = subjects.size();
      int n = names.size();
      int c = channels.size();
      return new ScanDictionary() {
        @Override
        public int subjectCount() {
          return s;
        }

        @Override
        public Identity subject(int code) {
          return subjects.get(Objects.checkIndex(code, s));
        }

        @Override
        public OptionalInt subjectCode(Identity subject) {
          return below(subjectCodes.get(subject), s);
        }

        @Override
        public int nameCount() {
          return n;
        }

        @Override
        public String name(int code) {
          return names.get(Objects.checkIndex(code, n));
        }

        @Override
        public OptionalInt nameCode(String name) {
          return below(nameCodes.get(name), n);
        }

        @Override
        public int channelCount() {
          return c;
        }

        @Override
        public Channel channel(int code) {
          return channels.get(Objects.checkIndex(code, c));
        }

        @Override
        public OptionalInt channelCode(Channel channel) {
          return below(channelCodes.get(channel), c);
        }
      };
    }

    private static OptionalInt below(Integer code, int count) {
      return code == null || code >= count ? OptionalInt.empty() : OptionalInt.of(code);
    }
  }

  /** Growable columns shared by both batch kinds. */
  private abstract static class Cutter {
    final Growing dict = new Growing();
    final int rows;
    /** True if every batch returns {@link Growing#live} instead of a snapshot. */
    boolean shared;
    int size;
    long[] time = new long[16];
    int[] subject = new int[16];
    int[] name = new int[16];
    int[] channel = new int[16];
    int[] stage = new int[16];
    int lastOuter = -1;
    Object lastBatch;

    Cutter(int rows) {
      this.rows = rows;
    }

    /** Starts a row for the outer subject {@code outer} of {@code batch}; may flush first. */
    final int start(Object batch, int outer, Identity subjectIdentity) {
      boolean newSubject = batch != lastBatch || outer != lastOuter;
      if (newSubject && size >= rows) {
        flush();
      }
      lastBatch = batch;
      lastOuter = outer;
      if (size == time.length) {
        grow(size * 2);
      }
      subject[size] = Growing.code(dict.subjectCodes, dict.subjects, subjectIdentity);
      return size++;
    }

    void grow(int n) {
      time = Arrays.copyOf(time, n);
      subject = Arrays.copyOf(subject, n);
      name = Arrays.copyOf(name, n);
      channel = Arrays.copyOf(channel, n);
      stage = Arrays.copyOf(stage, n);
    }

    abstract void flush();
  }

  private static final class TouchpointCutter extends Cutter {
    final Consumer<? super TouchpointBatch> visitor;
    double[] amount = new double[16];
    List<Map<String, Object>> properties = new ArrayList<>();

    TouchpointCutter(int rows, Consumer<? super TouchpointBatch> visitor) {
      super(rows);
      this.visitor = visitor;
    }

    void add(TouchpointBatch b, int row) {
      ScanDictionary d = b.dictionary();
      int r = start(b, b.subject(row), d.subject(b.subject(row)));
      if (amount.length < time.length) {
        amount = Arrays.copyOf(amount, time.length);
      }
      time[r] = b.epochMillis(row);
      name[r] = Growing.code(dict.nameCodes, dict.names, d.name(b.name(row)));
      channel[r] = Growing.code(dict.channelCodes, dict.channels, d.channel(b.channel(row)));
      stage[r] = b.stage(row);
      amount[r] = b.amount(row);
      properties.add(b.properties(row));
    }

    @Override
    void flush() {
      if (size == 0) {
        return;
      }
      int n = size;
      ScanDictionary snapshot = shared ? dict.live : dict.snapshot();
      long[] t = Arrays.copyOf(time, n);
      int[] s = Arrays.copyOf(subject, n);
      int[] nm = Arrays.copyOf(name, n);
      int[] ch = Arrays.copyOf(channel, n);
      int[] st = Arrays.copyOf(stage, n);
      double[] am = Arrays.copyOf(amount, n);
      List<Map<String, Object>> props = List.copyOf(properties);
      size = 0;
      properties.clear();
      visitor.accept(new TouchpointBatch() {
        @Override
        public int size() {
          return n;
        }

        @Override
        public ScanDictionary dictionary() {
          return snapshot;
        }

        @Override
        public long epochMillis(int row) {
          return t[row];
        }

        @Override
        public int subject(int row) {
          return s[row];
        }

        @Override
        public int name(int row) {
          return nm[row];
        }

        @Override
        public int channel(int row) {
          return ch[row];
        }

        @Override
        public int stage(int row) {
          return st[row];
        }

        @Override
        public double amount(int row) {
          return am[row];
        }

        @Override
        public Map<String, Object> properties(int row) {
          return props.get(row);
        }
      });
    }
  }

  private static final class FeedbackCutter extends Cutter {
    final Consumer<? super FeedbackBatch> visitor;
    int[] kind = new int[16];
    int[] score = new int[16];
    int[] scaleMin = new int[16];
    int[] scaleMax = new int[16];
    List<String> touchpointIds = new ArrayList<>();
    List<String> comments = new ArrayList<>();

    FeedbackCutter(int rows, Consumer<? super FeedbackBatch> visitor) {
      super(rows);
      this.visitor = visitor;
    }

    void add(FeedbackBatch b, int row) {
      ScanDictionary d = b.dictionary();
      int r = start(b, b.subject(row), d.subject(b.subject(row)));
      if (kind.length < time.length) {
        kind = Arrays.copyOf(kind, time.length);
        score = Arrays.copyOf(score, time.length);
        scaleMin = Arrays.copyOf(scaleMin, time.length);
        scaleMax = Arrays.copyOf(scaleMax, time.length);
      }
      time[r] = b.epochMillis(row);
      name[r] = Growing.code(dict.nameCodes, dict.names, d.name(b.survey(row)));
      channel[r] = Growing.code(dict.channelCodes, dict.channels, d.channel(b.channel(row)));
      stage[r] = b.stage(row);
      kind[r] = b.kind(row);
      score[r] = b.score(row);
      scaleMin[r] = b.scaleMin(row);
      scaleMax[r] = b.scaleMax(row);
      touchpointIds.add(b.touchpointId(row));
      comments.add(b.comment(row));
    }

    @Override
    void flush() {
      if (size == 0) {
        return;
      }
      int n = size;
      ScanDictionary snapshot = shared ? dict.live : dict.snapshot();
      long[] t = Arrays.copyOf(time, n);
      int[] s = Arrays.copyOf(subject, n);
      int[] sv = Arrays.copyOf(name, n);
      int[] ch = Arrays.copyOf(channel, n);
      int[] st = Arrays.copyOf(stage, n);
      int[] k = Arrays.copyOf(kind, n);
      int[] sc = Arrays.copyOf(score, n);
      int[] lo = Arrays.copyOf(scaleMin, n);
      int[] hi = Arrays.copyOf(scaleMax, n);
      List<String> tps = List.copyOf(touchpointIds);
      List<String> cs = List.copyOf(comments);
      size = 0;
      touchpointIds.clear();
      comments.clear();
      visitor.accept(new FeedbackBatch() {
        @Override
        public int size() {
          return n;
        }

        @Override
        public ScanDictionary dictionary() {
          return snapshot;
        }

        @Override
        public long epochMillis(int row) {
          return t[row];
        }

        @Override
        public int subject(int row) {
          return s[row];
        }

        @Override
        public int survey(int row) {
          return sv[row];
        }

        @Override
        public int kind(int row) {
          return k[row];
        }

        @Override
        public int score(int row) {
          return sc[row];
        }

        @Override
        public int scaleMin(int row) {
          return lo[row];
        }

        @Override
        public int scaleMax(int row) {
          return hi[row];
        }

        @Override
        public int channel(int row) {
          return ch[row];
        }

        @Override
        public int stage(int row) {
          return st[row];
        }

        @Override
        public String touchpointId(int row) {
          return tps.get(row);
        }

        @Override
        public String comment(int row) {
          return cs.get(row);
        }
      });
    }
  }

  private record Touchpoints(TouchpointStore store, int rows, boolean shared)
      implements TouchpointStore {
    @Override
    public boolean add(Touchpoint touchpoint) {
      return store.add(touchpoint);
    }

    @Override
    public int addAll(Collection<Touchpoint> touchpoints) {
      return store.addAll(touchpoints);
    }

    @Override
    public boolean contains(String eventId) {
      return store.contains(eventId);
    }

    @Override
    public Optional<Touchpoint> find(String eventId) {
      return store.find(eventId);
    }

    @Override
    public List<Touchpoint> timeline(Identity subject) {
      return store.timeline(subject);
    }

    @Override
    public int delete(Identity subject) {
      return store.delete(subject);
    }

    @Override
    public long count() {
      return store.count();
    }

    @Override
    public void scan(Consumer<? super TouchpointBatch> visitor) {
      Objects.requireNonNull(visitor, "visitor");
      TouchpointCutter cutter = new TouchpointCutter(rows, visitor);
      cutter.shared = shared;
      store.scan(b -> {
        for (int r = 0; r < b.size(); r++) {
          cutter.add(b, r);
        }
      });
      cutter.flush();
    }
  }

  private record Feedbacks(FeedbackStore store, int rows, boolean shared)
      implements FeedbackStore {
    @Override
    public boolean add(Feedback feedback) {
      return store.add(feedback);
    }

    @Override
    public int addAll(Collection<Feedback> feedback) {
      return store.addAll(feedback);
    }

    @Override
    public boolean contains(String eventId) {
      return store.contains(eventId);
    }

    @Override
    public Optional<Feedback> find(String eventId) {
      return store.find(eventId);
    }

    @Override
    public List<Feedback> timeline(Identity subject) {
      return store.timeline(subject);
    }

    @Override
    public int delete(Identity subject) {
      return store.delete(subject);
    }

    @Override
    public long count() {
      return store.count();
    }

    @Override
    public void scan(Consumer<? super FeedbackBatch> visitor) {
      Objects.requireNonNull(visitor, "visitor");
      FeedbackCutter cutter = new FeedbackCutter(rows, visitor);
      cutter.shared = shared;
      store.scan(b -> {
        for (int r = 0; r < b.size(); r++) {
          cutter.add(b, r);
        }
      });
      cutter.flush();
    }
  }
}
