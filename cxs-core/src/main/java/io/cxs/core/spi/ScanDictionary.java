package io.cxs.core.spi;

import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.Channel;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.RandomAccess;

/**
 * The codes of one scan: rows of a {@link TouchpointBatch} or {@link FeedbackBatch} carry dense
 * int codes ({@code 0..count-1}) for subjects, names and channels, and this dictionary maps them
 * back. For feedback, "names" are the survey names.
 *
 * <h2>A growing snapshot</h2>
 * A code never changes meaning during a scan, across all its batches; but a later batch may
 * bring codes that an earlier one did not have. The dictionary a batch returns covers at least
 * every code of that batch and of every batch before it, so its counts may grow from one batch
 * to the next (a streaming database scan assigns codes as values first appear) and never
 * shrink. Consumers therefore read the counts again at every batch, and must not size a table
 * by the first batch's counts alone; they may rely on {@link #complete()} when a store promises
 * more.
 *
 * @since 0.1
 */
public interface ScanDictionary {

  /**
   * @return the number of subject codes so far; every subject code of this batch and of the
   *     batches before it is below this
   */
  int subjectCount();

  /** @return the identity with this subject code */
  Identity subject(int code);

  /** @return the code of this subject, or empty if the scan has none */
  OptionalInt subjectCode(Identity subject);

  /** @return the subjects in code order, as a list view (no copy) */
  default List<Identity> subjects() {
    int n = subjectCount();
    final class Subjects extends AbstractList<Identity> implements RandomAccess {
      @Override
      public Identity get(int index) {
        return subject(Objects.checkIndex(index, n));
      }

      @Override
      public int size() {
        return n;
      }
    }
    return new Subjects();
  }

  /**
   * A token for this dictionary's subject codes, so that a resolver can keep per-code work from
   * one scan to the next: dictionaries that return the same object (compared with {@code ==})
   * give every subject code they both have the same identity, and never give a code to another
   * identity later. The default, the dictionary itself, promises this only for one scan; the
   * in-memory stores, whose codes live as long as the store, return one token per store.
   *
   * @return the token; compared by identity, never null
   */
  default Object subjectCodeSpace() {
    return this;
  }

  /** @return the number of name codes so far (see {@link #subjectCount()}) */
  int nameCount();

  /** @return the name with this code (the event name, or for feedback the survey name) */
  String name(int code);

  /** @return the code of this name, or empty if the scan has none */
  OptionalInt nameCode(String name);

  /** @return the number of channel codes so far (see {@link #subjectCount()}) */
  int channelCount();

  /** @return the channel with this code */
  Channel channel(int code);

  /** @return the code of this channel, or empty if the scan has none */
  OptionalInt channelCode(Channel channel);

  /**
   * Whether this dictionary, as the first batch of a scan returns it, already covers every code
   * that any batch of the scan will carry, so that a consumer may size its tables once, at the
   * first batch. Stores that know their dictionary up front (the in-memory stores, and the JDBC
   * stores, which read it before the rows) say so; the default is {@code false}, and consumers
   * then handle codes that first appear in a later batch (at some cost: a timeline scan copies
   * every row aside until the scan ends, because a customer's later subject may show up in any
   * batch).
   *
   * @return true if no later batch of this scan brings a code this dictionary does not have
   * @since 0.1
   */
  default boolean complete() {
    return false;
  }
}
