package io.cxs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ActionsExampleTest {

  @Test
  void run_printsTheWholeLoop() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ActionsExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("2026-03-02T11:00:00Z  deliver email  to ann@example.com")
        .contains("2026-03-02T11:10:00Z  suppressed cart-abandonment for c-3 (no consent for "
            + "purpose 'marketing' on channel email)")
        .doesNotContain("cart-abandonment for c-2")
        .contains("opened case-m5 for c-2: detractor: nps 4 (threshold 6), owner agent-ann")
        .contains("2026-03-09T15:20:00Z  deliver survey to bob@example.com")
        .contains("closed loop: 1 opened, 1 closed, closure rate 100%, median time to close PT3H,"
            + " followed-up detractors recovered 1 of 1 re-surveyed")
        .contains("1. accessory-offer  eligible: value 20.00")
        .contains("c-2: lamp   bought together with tent by 1 customers")
        .contains("c-3: tent   popular: bought by 3 customers");
  }
}
