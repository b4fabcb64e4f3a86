package io.cxs.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.Scale;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class IdentityTest {

  @Test
  void email_isNormalizedToLowerCase() {
    assertThat(Identity.email("  Ann@Example.COM ")).isEqualTo(Identity.email("ann@example.com"));
  }

  @Test
  void phone_keepsDigitsAndLeadingPlus() {
    assertThat(Identity.phone("+1 (555) 010-0000").value()).isEqualTo("+15550100000");
  }

  @Test
  void parse_readsBackKey() {
    Identity i = Identity.external("zendesk", "123");
    assertThat(i.key()).isEqualTo("external:zendesk:123");
    assertThat(Identity.parse(i.key())).isEqualTo(i);
  }

  @Test
  void invalidValues_areRejectedNamingTheValue() {
    assertThatThrownBy(() -> Identity.email("nobody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email identity must look like name@domain but was 'nobody'");
    assertThatThrownBy(() -> Identity.userId(" "))
        .hasMessage("user_id identity must not be blank but was ' '");
    assertThatThrownBy(() -> Identity.parse("planet:x"))
        .hasMessage("identity key has unknown kind 'planet' in 'planet:x'");
  }

  @Test
  void channel_acceptsAliasesAndRejectsBadNames() {
    assertThat(Channel.of("App")).isEqualTo(Channel.MOBILE_APP);
    assertThat(Channel.of("kiosk").name()).isEqualTo("kiosk");
    assertThatThrownBy(() -> Channel.of("a/b"))
        .hasMessage("channel must be 1 to 64 letters, digits, '_' or '-' but was 'a/b'");
  }

  @Test
  void money_rejectsBadCurrencyAndNormalizesAmount() {
    assertThat(Money.of("1.50", "EUR")).isEqualTo(Money.of("1.5", "EUR"));
    assertThatThrownBy(() -> Money.of("1", "eur"))
        .hasMessage("currency must be an ISO 4217 code of three upper-case letters but was 'eur'");
  }

  @Test
  void feedback_scoreOutsideScale_isRejectedNamingScaleAndValue() {
    assertThatThrownBy(() -> Feedback.survey("f1", Identity.userId("u"), Instant.EPOCH, "nps",
        Scale.NPS, 11)).hasMessage("score must be in [0, 10] for survey 'nps' but was 11");
  }

  @Test
  void scale_invalid_isRejected() {
    assertThatThrownBy(() -> Scale.of(5, 5))
        .hasMessage("scale must satisfy min < max <= min + 100 within [-100, 1000] but was [5, 5]");
  }
}
