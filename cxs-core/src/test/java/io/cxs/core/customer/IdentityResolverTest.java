package io.cxs.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class IdentityResolverTest {

  @Test
  void resolveAll_manyIdentitiesOfFewerCustomers_numbersCustomersInOrderOfFirstAppearance() {
    // user ids u<i> belong to customer k<i % 1000>; anonymous ids are unknown
    IdentityResolver resolver = id -> id.kind() == IdentityKind.USER_ID
        ? Optional.of(CustomerId.of("k" + Integer.parseInt(id.value().substring(1)) % 1000))
        : Optional.empty();
    List<Identity> identities = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      identities.add(i % 5 == 4 ? Identity.anonymousId("a" + (i % 7)) : Identity.userId("u" + i));
    }
    int[] customers = new int[identities.size()];
    List<CustomerId> ids = resolver.resolveAll(identities, customers);
    assertThat(ids).doesNotHaveDuplicates().hasSize(800 + 7); // no k<j> with j % 5 == 4
    for (int i = 0; i < identities.size(); i++) {
      Identity identity = identities.get(i);
      CustomerId want = resolver.customerOf(identity)
          .orElseGet(() -> IdentityResolver.idOfUnknown(identity));
      assertThat(ids.get(customers[i])).isEqualTo(want);
      // dense numbers in order of first appearance
      assertThat(customers[i]).isLessThanOrEqualTo(i);
    }
    assertThat(customers[0]).isZero();
  }

  @Test
  void resolveAll_shortNumbersArray_throwsNamingBothLengths() {
    IdentityResolver resolver = id -> Optional.empty();
    assertThatThrownBy(() -> resolver.resolveAll(List.of(Identity.userId("u")), new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customers has length 0 but there are 1 identities");
  }
}
