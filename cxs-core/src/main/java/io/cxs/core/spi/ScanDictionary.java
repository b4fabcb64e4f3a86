package io.cxs.core.spi;

import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.Channel;
import java.util.OptionalInt;

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
