package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-memory {@link ActionLog}: insertion-ordered maps under one lock. */
final class InMemoryActionLog implements ActionLog {
  private final Map<String, ActionRecord> byId = new LinkedHashMap<>();
  private final Map<CustomerId, List<String>> byCustomer = new HashMap<>();

  @Override
  public synchronized boolean claim(ActionRecord record) {
    if (byId.putIfAbsent(record.id(), record) != null) {
      return false;
    }
    byCustomer.computeIfAbsent(record.customer(), c -> new ArrayList<>()).add(record.id());
    return true;
  }

  @Override
  public synchronized void update(ActionRecord record) {
    checkArgument(byId.containsKey(record.id()), "no action record with id '%s'", record.id());
    byId.put(record.id(), record);
  }

  @Override
  public synchronized Optional<ActionRecord> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<ActionRecord> timeline(CustomerId customer) {
    List<ActionRecord> out = new ArrayList<>();
    for (String id : byCustomer.getOrDefault(customer, List.of())) {
      out.add(byId.get(id));
    }
    return out;
  }

  @Override
  public synchronized List<ActionRecord> all() {
    return new ArrayList<>(byId.values());
  }

  @Override
  public synchronized int forget(CustomerId customer) {
    List<String> ids = byCustomer.remove(customer);
    if (ids == null) {
      return 0;
    }
    ids.forEach(byId::remove);
    return ids.size();
  }
}
