package io.cxs.core.jdbc;

import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.MergeRecord;
import io.cxs.core.json.JsonText;
import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer profile as one JSON document (everything but the id, which is its own column):
 * identities as keys, traits as JSON values, instants as ISO-8601 text (full precision).
 */
final class CustomerCodec {
  private CustomerCodec() {}

  static String write(Customer c) {
    Map<String, Object> doc = new LinkedHashMap<>();
    List<Object> ids = new ArrayList<>();
    for (Identity i : c.identities()) {
      ids.add(i.key());
    }
    doc.put("identities", ids);
    doc.put("traits", c.traits());
    Map<String, Object> times = new LinkedHashMap<>();
    c.traitTimes().forEach((k, v) -> times.put(k, v.toString()));
    doc.put("traitTimes", times);
    List<Object> consents = new ArrayList<>();
    for (Consent k : c.consents()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("purpose", k.purpose());
      k.channel().ifPresent(ch -> m.put("channel", ch.name()));
      m.put("status", k.status().name());
      m.put("at", k.at().toString());
      consents.add(m);
    }
    doc.put("consents", consents);
    doc.put("createdAt", c.createdAt().toString());
    doc.put("updatedAt", c.updatedAt().toString());
    List<Object> merges = new ArrayList<>();
    for (MergeRecord r : c.merges()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("into", r.into().value());
      m.put("merged", r.merged().value());
      m.put("via", r.via().key());
      m.put("messageId", r.messageId());
      m.put("at", r.at().toString());
      m.put("reason", r.reason());
      merges.add(m);
    }
    doc.put("merges", merges);
    return JsonText.write(doc);
  }

  @SuppressWarnings("unchecked")
  static Customer read(String customerId, String json) {
    Map<String, Object> doc = JsonText.readObject(json);
    List<Identity> ids = new ArrayList<>();
    for (Object k : (List<Object>) doc.get("identities")) {
      ids.add(Identity.parse((String) k));
    }
    Map<String, Object> traits = (Map<String, Object>) doc.get("traits");
    Map<String, Instant> times = new LinkedHashMap<>();
    ((Map<String, Object>) doc.get("traitTimes"))
        .forEach((k, v) -> times.put(k, Instant.parse((String) v)));
    List<Consent> consents = new ArrayList<>();
    for (Object o : (List<Object>) doc.get("consents")) {
      Map<String, Object> m = (Map<String, Object>) o;
      consents.add(new Consent((String) m.get("purpose"),
          Optional.ofNullable((String) m.get("channel")).map(Channel::new),
          ConsentStatus.valueOf((String) m.get("status")), Instant.parse((String) m.get("at"))));
    }
    List<MergeRecord> merges = new ArrayList<>();
    for (Object o : (List<Object>) doc.get("merges")) {
      Map<String, Object> m = (Map<String, Object>) o;
      merges.add(new MergeRecord(CustomerId.of((String) m.get("into")),
          CustomerId.of((String) m.get("merged")), Identity.parse((String) m.get("via")),
          (String) m.get("messageId"), Instant.parse((String) m.get("at")),
          (String) m.get("reason")));
    }
    return new Customer(CustomerId.of(customerId), ids, traits, times, consents,
        Instant.parse((String) doc.get("createdAt")), Instant.parse((String) doc.get("updatedAt")),
        merges);
  }
}
