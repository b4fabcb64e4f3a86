package io.cxs.core.jdbc;

import io.cxs.core.internal.Sql;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.spi.CustomerStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** The JDBC {@link CustomerStore}: one row per customer, the profile as a JSON document. */
final class JdbcCustomerStore implements CustomerStore {
  private final Sql sql;
  private final Dialect dialect;
  private final String tenant;
  private final int fetchSize;

  JdbcCustomerStore(Sql sql, Dialect dialect, String tenant, int fetchSize) {
    this.sql = sql;
    this.dialect = dialect;
    this.tenant = tenant;
    this.fetchSize = fetchSize;
  }

  @Override
  public Optional<Customer> find(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return sql.autoCommit("CustomerStore.find", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT profile FROM cxs_customer WHERE tenant = ? AND customer_id = ?")) {
        ps.setString(1, tenant);
        ps.setString(2, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(CustomerCodec.read(id.value(), rs.getString(1)))
              : Optional.<Customer>empty();
        }
      }
    });
  }

  @Override
  public void put(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    String json = CustomerCodec.write(customer);
    sql.autoCommit("CustomerStore.put", c -> {
      upsert(c, customer, json);
      return null;
    });
  }

  private void upsert(java.sql.Connection c, Customer customer, String json)
      throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect.upsertCustomer())) {
      ps.setString(1, tenant);
      ps.setString(2, customer.id().value());
      ps.setString(3, json);
      ps.executeUpdate();
    }
  }

  @Override
  public void replace(Customer merged, Collection<CustomerId> removed) {
    Objects.requireNonNull(merged, "merged");
    List<CustomerId> gone = List.copyOf(removed);
    String json = CustomerCodec.write(merged);
    sql.transaction("CustomerStore.replace", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM cxs_customer WHERE tenant = ? AND customer_id = ?")) {
        for (CustomerId id : gone) {
          if (!id.equals(merged.id())) {
            ps.setString(1, tenant);
            ps.setString(2, id.value());
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
      upsert(c, merged, json);
      return null;
    });
  }

  @Override
  public boolean delete(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return sql.autoCommit("CustomerStore.delete", c -> delete(c, id));
  }

  boolean delete(java.sql.Connection c, CustomerId id) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM cxs_customer WHERE tenant = ? AND customer_id = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, id.value());
      return ps.executeUpdate() > 0;
    }
  }

  /** Streams every customer of the tenant with the configured fetch size, in one read transaction. */
  @Override
  public void forEach(Consumer<? super Customer> action) {
    Objects.requireNonNull(action, "action");
    sql.transaction("CustomerStore.forEach", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT customer_id, profile FROM cxs_customer WHERE tenant = ?")) {
        ps.setFetchSize(fetchSize);
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            action.accept(CustomerCodec.read(rs.getString(1), rs.getString(2)));
          }
        }
      }
      return null;
    });
  }

  @Override
  public long count() {
    return sql.autoCommit("CustomerStore.count", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM cxs_customer WHERE tenant = ?")) {
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @Override
  public String toString() {
    return "JdbcCustomerStore[" + dialect + ", tenant " + tenant + "]";
  }

  @Override
  public boolean containsIdentify(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    return sql.autoCommit("CustomerStore.containsIdentify", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM cxs_identify WHERE tenant = ? AND event_id = ?")) {
        ps.setString(1, tenant);
        ps.setString(2, messageId);
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public void addIdentify(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    sql.autoCommit("CustomerStore.addIdentify", c -> {
      String insert = dialect.insertIgnoreSuffix().isEmpty()
          ? "INSERT INTO cxs_identify (tenant, event_id) SELECT ?, ? WHERE NOT EXISTS"
              + " (SELECT 1 FROM cxs_identify WHERE tenant = ? AND event_id = ?)"
          : "INSERT INTO cxs_identify (tenant, event_id) VALUES (?, ?)"
              + dialect.insertIgnoreSuffix();
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setString(1, tenant);
        ps.setString(2, messageId);
        if (dialect.insertIgnoreSuffix().isEmpty()) {
          ps.setString(3, tenant);
          ps.setString(4, messageId);
        }
        ps.executeUpdate();
      } catch (java.sql.SQLException e) {
        if (!io.cxs.core.internal.Sql.isUniqueViolation(e)) {
          throw e;
        }
      }
      return null;
    });
  }
}
