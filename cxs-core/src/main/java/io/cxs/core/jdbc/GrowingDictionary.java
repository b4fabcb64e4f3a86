package io.cxs.core.jdbc;

import io.cxs.core.customer.Identity;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.touchpoint.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The dictionary of one streaming scan. The scan first reads the distinct subjects, names and
 * channels of the tenant and then {@linkplain #seal() seals} the dictionary, so that it is
 * {@linkplain #complete() complete} from the first batch on; a row whose value is not in it
 * arrived after that read (a concurrent write) and is skipped, as a scan may skip rows added
 * while it runs. Unsealed, codes are assigned as values first appear. Used by the scanning thread
 * only.
 */
final class GrowingDictionary implements ScanDictionary {
  private boolean sealed;
  private final Codes<String> subjectKeys = new Codes<>();
  private final List<Identity> subjects = new ArrayList<>();
  private final Codes<String> names = new Codes<>();
  private final Codes<String> channelNames = new Codes<>();
  private final List<Channel> channels = new ArrayList<>();

  /** Dense codes for distinct values. */
  static final class Codes<T> {
    private final Map<T, Integer> codes = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    int encode(T value, boolean sealed) {
      Integer c = codes.get(value);
      if (c != null) {
        return c;
      }
      if (sealed) {
        return -1;
      }
      int code = values.size();
      values.add(value);
      codes.put(value, code);
      return code;
    }

    OptionalInt code(T value) {
      Integer c = codes.get(value);
      return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    T value(int code) {
      return values.get(code);
    }

    int size() {
      return values.size();
    }
  }

  /** From now on, values not yet encoded get -1 instead of a new code. */
  void seal() {
    sealed = true;
  }

  @Override
  public boolean complete() {
    return sealed;
  }

  /** @return the subject's code, or -1 if the dictionary is sealed and does not have it */
  int encodeSubject(String key) {
    int code = subjectKeys.encode(key, sealed);
    if (code == subjects.size()) {
      subjects.add(Identity.parse(key));
    }
    return code;
  }

  /** @return the name's code, or -1 if the dictionary is sealed and does not have it */
  int encodeName(String name) {
    return names.encode(name, sealed);
  }

  /** @return the channel's code, or -1 if the dictionary is sealed and does not have it */
  int encodeChannel(String name) {
    int code = channelNames.encode(name, sealed);
    if (code == channels.size()) {
      channels.add(new Channel(name));
    }
    return code;
  }

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
    return subjectKeys.code(subject.key());
  }

  @Override
  public int nameCount() {
    return names.size();
  }

  @Override
  public String name(int code) {
    return names.value(code);
  }

  @Override
  public OptionalInt nameCode(String name) {
    return names.code(name);
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
    return channelNames.code(channel.name());
  }
}
