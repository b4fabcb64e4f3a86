package io.cxs.journey.timeline;

import io.cxs.core.customer.Identity;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.touchpoint.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A copy of a scan's dictionary as its last batch had it, for visitors that see the timelines
 * only after the scan (a scan whose dictionary grew): a batch, and so its dictionary, is valid
 * only during the call that receives it. Code look-ups build their maps on first use.
 */
final class FrozenDictionary implements ScanDictionary {
  private final List<Identity> subjects;
  private final List<String> names;
  private final List<Channel> channels;
  private Map<Identity, Integer> subjectCodes;
  private Map<String, Integer> nameCodes;
  private Map<Channel, Integer> channelCodes;

  private FrozenDictionary(ScanDictionary d) {
    subjects = new ArrayList<>(d.subjects());
    names = new ArrayList<>(d.nameCount());
    for (int i = 0; i < d.nameCount(); i++) {
      names.add(d.name(i));
    }
    channels = new ArrayList<>(d.channelCount());
    for (int i = 0; i < d.channelCount(); i++) {
      channels.add(d.channel(i));
    }
  }

  static FrozenDictionary copyOf(ScanDictionary dictionary) {
    return new FrozenDictionary(Objects.requireNonNull(dictionary, "dictionary"));
  }

  @Override
  public boolean complete() {
    return true;
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
  public synchronized OptionalInt subjectCode(Identity subject) {
    if (subjectCodes == null) {
      subjectCodes = index(subjects);
    }
    return code(subjectCodes, subject);
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
  public synchronized OptionalInt nameCode(String name) {
    if (nameCodes == null) {
      nameCodes = index(names);
    }
    return code(nameCodes, name);
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
  public synchronized OptionalInt channelCode(Channel channel) {
    if (channelCodes == null) {
      channelCodes = index(channels);
    }
    return code(channelCodes, channel);
  }

  private static <T> Map<T, Integer> index(List<T> values) {
    Map<T, Integer> m = new HashMap<>(Math.max(16, (int) (values.size() / 0.75f) + 1));
    for (int i = 0; i < values.size(); i++) {
      m.putIfAbsent(values.get(i), i);
    }
    return m;
  }

  private static <T> OptionalInt code(Map<T, Integer> codes, T value) {
    Integer c = codes.get(Objects.requireNonNull(value, "value"));
    return c == null ? OptionalInt.empty() : OptionalInt.of(c);
  }
}
