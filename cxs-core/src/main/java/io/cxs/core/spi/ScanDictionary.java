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
 * back. Codes are stable for the whole scan, across its batches. For feedback, "names" are the
 * survey names.
 *
 * @since 0.1
 */
public interface ScanDictionary {

  /** @return the number of subject codes; every subject code is below this */
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

  /** @return the number of name codes */
  int nameCount();

  /** @return the name with this code (the event name, or for feedback the survey name) */
  String name(int code);

  /** @return the code of this name, or empty if the scan has none */
  OptionalInt nameCode(String name);

  /** @return the number of channel codes */
  int channelCount();

  /** @return the channel with this code */
  Channel channel(int code);

  /** @return the code of this channel, or empty if the scan has none */
  OptionalInt channelCode(Channel channel);
}
