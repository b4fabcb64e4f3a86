package io.cxs.core.touchpoint;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The channel an interaction happened on. Well-known channels are constants; any other
 * lower-case name (letters, digits, {@code _}, {@code -}) is accepted too.
 *
 * @param name the normalized (trimmed, lower-case) name
 * @since 0.1
 */
public record Channel(String name) implements Comparable<Channel> {
  /** A web site. */
  public static final Channel WEB = new Channel("web");
  /** A mobile app. */
  public static final Channel MOBILE_APP = new Channel("mobile_app");
  /** E-mail. */
  public static final Channel EMAIL = new Channel("email");
  /** SMS or other text messages. */
  public static final Channel SMS = new Channel("sms");
  /** Push notifications. */
  public static final Channel PUSH = new Channel("push");
  /** A phone call, including the call center. */
  public static final Channel PHONE = new Channel("phone");
  /** Live chat or a chatbot. */
  public static final Channel CHAT = new Channel("chat");
  /** Social media. */
  public static final Channel SOCIAL = new Channel("social");
  /** A physical store. */
  public static final Channel IN_STORE = new Channel("in_store");
  /** Used when an event names no channel. */
  public static final Channel UNKNOWN = new Channel("unknown");

  private static final List<Channel> WELL_KNOWN =
      List.of(WEB, MOBILE_APP, EMAIL, SMS, PUSH, PHONE, CHAT, SOCIAL, IN_STORE, UNKNOWN);

  /**
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank, longer than 64 characters, or has
   *     characters other than letters, digits, {@code _} and {@code -}
   */
  public Channel {
    Objects.requireNonNull(name, "name");
    name = name.trim().toLowerCase(Locale.ROOT);
    checkArgument(!name.isEmpty() && name.length() <= 64 && name.chars().allMatch(
            c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'),
        "channel must be 1 to 64 letters, digits, '_' or '-' but was '%s'", name);
  }

  /**
   * @param name a channel name, case-insensitive; {@code "app"} and {@code "mobile"} mean
   *     {@link #MOBILE_APP}, {@code "store"} means {@link #IN_STORE}
   * @return the channel
   * @throws IllegalArgumentException if the name is not a valid channel name
   */
  public static Channel of(String name) {
    Objects.requireNonNull(name, "name");
    String n = name.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    switch (n) {
      case "app":
      case "mobile":
        return MOBILE_APP;
      case "store":
      case "instore":
        return IN_STORE;
      default:
        for (Channel c : WELL_KNOWN) {
          if (c.name.equals(n)) {
            return c;
          }
        }
        return new Channel(n);
    }
  }

  /** @return the well-known channels, in declaration order */
  public static List<Channel> wellKnown() {
    return WELL_KNOWN;
  }

  @Override
  public int compareTo(Channel o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
