package io.cxs.core.spi;

import io.cxs.core.StorageException;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.touchpoint.Touchpoint;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stores that fail one write: the {@code n}-th write call (1-based) over all the stores wrapped
 * by one {@code FaultyStores} throws a {@link StorageException}, once; every other call goes to
 * the wrapped store. Write calls are {@code put}, {@code replace} and {@code delete} of a
 * {@link CustomerStore}, and {@code add}, {@code addAll} and {@code delete} of a
 * {@link TouchpointStore} or {@link FeedbackStore}; reads and scans are never failed nor
 * counted.
 *
 * <p>The {@link Mode} says whether the failing call reaches the wrapped store: {@link
 * Mode#BEFORE_WRITE} fails before it (nothing is written, like a refused connection), {@link
 * Mode#AFTER_WRITE} after it (the write took effect but the caller sees an error, like a commit
 * whose acknowledgement was lost).
 *
 * <p>For tests of what the engine makes of a storage failure. With {@link #none()} nothing fails
 * and the stores only count writes, to learn how many write calls a stream makes.
 *
 * <p>Thread-safe.
 */
public final class FaultyStores {
  /** Where the failing call fails. */
  public enum Mode {
    /** The call throws without calling the wrapped store: nothing is written. */
    BEFORE_WRITE,
    /** The call reaches the wrapped store, then throws: written, but reported as failed. */
    AFTER_WRITE
  }

  private final int failAt;
  private final Mode mode;
  private int writes;
  private Optional<String> failed = Optional.empty();

  private FaultyStores(int failAt, Mode mode) {
    this.failAt = failAt;
    this.mode = mode;
  }

  /**
   * @param n the write call to fail, from 1
   * @param mode whether it fails before or after reaching the wrapped store
   * @return wrappers that fail the {@code n}-th write call over all the stores they wrap
   * @throws IllegalArgumentException if {@code n} is below 1
   */
  public static FaultyStores failingWrite(int n, Mode mode) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1 but was " + n);
    }
    return new FaultyStores(n, Objects.requireNonNull(mode, "mode"));
  }

  /** @return wrappers that only count write calls */
  public static FaultyStores none() {
    return new FaultyStores(Integer.MAX_VALUE, Mode.BEFORE_WRITE);
  }

  /** @return the write calls made so far, the failed one included */
  public synchronized int writes() {
    return writes;
  }

  /**
   * @return the failed call, such as {@code "write 7 (CustomerStore.replace) before the write"},
   *     or empty if none failed yet
   */
  public synchronized Optional<String> failed() {
    return failed;
  }

  /**
   * @param store the store to wrap
   * @return a customer store that fails this wrapper set's failing write
   */
  public CustomerStore customers(CustomerStore store) {
    return new Customers(Objects.requireNonNull(store, "store"));
  }

  /**
   * @param store the store to wrap
   * @return a touchpoint store that fails this wrapper set's failing write
   */
  public TouchpointStore touchpoints(TouchpointStore store) {
    return new Touchpoints(Objects.requireNonNull(store, "store"));
  }

  /**
   * @param store the store to wrap
   * @return a feedback store that fails this wrapper set's failing write
   */
  public FeedbackStore feedback(FeedbackStore store) {
    return new Feedbacks(Objects.requireNonNull(store, "store"));
  }

  @Override
  public synchronized String toString() {
    return failAt == Integer.MAX_VALUE ? "FaultyStores[no fault]"
        : "FaultyStores[write " + failAt + " fails " + mode + "]";
  }

  /** Runs one write call, failing it if it is the chosen one. */
  private <T> T write(String operation, Supplier<T> call) {
    boolean fail;
    int number;
    synchronized (this) {
      number = ++writes;
      fail = number == failAt;
    }
    if (!fail) {
      return call.get();
    }
    if (mode == Mode.AFTER_WRITE) {
      call.get();
    }
    String what = "write " + number + " (" + operation + ") "
        + (mode == Mode.BEFORE_WRITE ? "before the write" : "after the write");
    synchronized (this) {
      failed = Optional.of(what);
    }
    throw new StorageException(operation, "injected fault at " + what, null);
  }

  private void writeVoid(String operation, Runnable call) {
    write(operation, () -> {
      call.run();
      return null;
    });
  }

  private final class Customers implements CustomerStore {
    private final CustomerStore store;

    Customers(CustomerStore store) {
      this.store = store;
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
      return store.find(id);
    }

    @Override
    public void put(Customer customer) {
      writeVoid("CustomerStore.put", () -> store.put(customer));
    }

    @Override
    public void replace(Customer merged, Collection<CustomerId> removed) {
      writeVoid("CustomerStore.replace", () -> store.replace(merged, removed));
    }

    @Override
    public boolean delete(CustomerId id) {
      return write("CustomerStore.delete", () -> store.delete(id));
    }

    @Override
    public void forEach(Consumer<? super Customer> action) {
      store.forEach(action);
    }

    @Override
    public long count() {
      return store.count();
    }

    @Override
    public String toString() {
      return "Faulty" + store;
    }
  }

  private final class Touchpoints implements TouchpointStore {
    private final TouchpointStore store;

    Touchpoints(TouchpointStore store) {
      this.store = store;
    }

    @Override
    public boolean add(Touchpoint touchpoint) {
      return write("TouchpointStore.add", () -> store.add(touchpoint));
    }

    @Override
    public int addAll(Collection<Touchpoint> touchpoints) {
      return write("TouchpointStore.addAll", () -> store.addAll(touchpoints));
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
      return write("TouchpointStore.delete", () -> store.delete(subject));
    }

    @Override
    public long count() {
      return store.count();
    }

    @Override
    public void scan(Consumer<? super TouchpointBatch> visitor) {
      store.scan(visitor);
    }

    @Override
    public String toString() {
      return "Faulty" + store;
    }
  }

  private final class Feedbacks implements FeedbackStore {
    private final FeedbackStore store;

    Feedbacks(FeedbackStore store) {
      this.store = store;
    }

    @Override
    public boolean add(Feedback feedback) {
      return write("FeedbackStore.add", () -> store.add(feedback));
    }

    @Override
    public int addAll(Collection<Feedback> feedback) {
      return write("FeedbackStore.addAll", () -> store.addAll(feedback));
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
      return write("FeedbackStore.delete", () -> store.delete(subject));
    }

    @Override
    public long count() {
      return store.count();
    }

    @Override
    public void scan(Consumer<? super FeedbackBatch> visitor) {
      store.scan(visitor);
    }

    @Override
    public String toString() {
      return "Faulty" + store;
    }
  }
}
