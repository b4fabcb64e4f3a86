package io.cxs.core.spi;

import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.touchpoint.Touchpoint;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stores whose scans hand out batches with only the SPI accessors: they hide what an in-memory
 * store's batches offer beyond them (their column arrays), so a test can run the general path of
 * a scan that has a faster one for those arrays, and compare the two.
 */
public final class PlainBatches {
  private PlainBatches() {}

  /**
   * @param store the store to read
   * @return the same store, scanned through batches that are only {@link TouchpointBatch}es
   */
  public static TouchpointStore touchpoints(TouchpointStore store) {
    return new Touchpoints(store);
  }

  /**
   * @param store the store to read
   * @return the same store, scanned through batches that are only {@link FeedbackBatch}es
   */
  public static FeedbackStore feedback(FeedbackStore store) {
    return new Feedbacks(store);
  }

  /** A store whose batches only have the {@link TouchpointBatch} accessors. */
  private record Touchpoints(TouchpointStore store) implements TouchpointStore {
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
      store.scan(batch -> visitor.accept(new TouchpointRows(batch)));
    }
  }

  private record TouchpointRows(TouchpointBatch batch) implements TouchpointBatch {
    @Override
    public int size() {
      return batch.size();
    }

    @Override
    public ScanDictionary dictionary() {
      return batch.dictionary();
    }

    @Override
    public long epochMillis(int row) {
      return batch.epochMillis(row);
    }

    @Override
    public int subject(int row) {
      return batch.subject(row);
    }

    @Override
    public int name(int row) {
      return batch.name(row);
    }

    @Override
    public int channel(int row) {
      return batch.channel(row);
    }

    @Override
    public int stage(int row) {
      return batch.stage(row);
    }

    @Override
    public double amount(int row) {
      return batch.amount(row);
    }

    @Override
    public Map<String, Object> properties(int row) {
      return batch.properties(row);
    }
  }

  /** A store whose batches only have the {@link FeedbackBatch} accessors. */
  private record Feedbacks(FeedbackStore store) implements FeedbackStore {
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
      store.scan(batch -> visitor.accept(new FeedbackRows(batch)));
    }
  }

  private record FeedbackRows(FeedbackBatch batch) implements FeedbackBatch {
    @Override
    public int size() {
      return batch.size();
    }

    @Override
    public ScanDictionary dictionary() {
      return batch.dictionary();
    }

    @Override
    public long epochMillis(int row) {
      return batch.epochMillis(row);
    }

    @Override
    public int subject(int row) {
      return batch.subject(row);
    }

    @Override
    public int survey(int row) {
      return batch.survey(row);
    }

    @Override
    public int kind(int row) {
      return batch.kind(row);
    }

    @Override
    public int score(int row) {
      return batch.score(row);
    }

    @Override
    public int scaleMin(int row) {
      return batch.scaleMin(row);
    }

    @Override
    public int scaleMax(int row) {
      return batch.scaleMax(row);
    }

    @Override
    public int channel(int row) {
      return batch.channel(row);
    }

    @Override
    public int stage(int row) {
      return batch.stage(row);
    }

    @Override
    public String touchpointId(int row) {
      return batch.touchpointId(row);
    }

    @Override
    public String comment(int row) {
      return batch.comment(row);
    }
  }
}
