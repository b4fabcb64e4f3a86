package io.cxs.core.jdbc;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The SQL dialects the JDBC stores speak. Each has its own schema scripts under
 * {@code io/cxs/core/jdbc/<folder>/} in the jar.
 *
 * @since 0.1
 */
public enum Dialect {
  /** H2 2.x, the embedded default (a file database such as {@code jdbc:h2:./data/cxs}). */
  H2("h2", "?", ""),
  /** PostgreSQL 12 or later, for production. */
  POSTGRESQL("postgresql", "CAST(? AS JSON)", " ON CONFLICT DO NOTHING");

  private final String folder;
  private final String jsonParameter;
  private final String insertIgnoreSuffix;

  Dialect(String folder, String jsonParameter, String insertIgnoreSuffix) {
    this.folder = folder;
    this.jsonParameter = jsonParameter;
    this.insertIgnoreSuffix = insertIgnoreSuffix;
  }

  /**
   * The dialect of a JDBC URL, by its subprotocol.
   *
   * @param jdbcUrl a URL such as {@code jdbc:h2:mem:x} or {@code jdbc:postgresql://host/db}
   * @return the dialect, or empty if the URL names another database
   */
  public static Optional<Dialect> fromUrl(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    String u = jdbcUrl.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:h2:")) {
      return Optional.of(H2);
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return Optional.of(POSTGRESQL);
    }
    return Optional.empty();
  }

  /**
   * The dialect of a database product name, as reported by
   * {@link java.sql.DatabaseMetaData#getDatabaseProductName()}.
   *
   * @param productName such as {@code "H2"} or {@code "PostgreSQL"}
   * @return the dialect, or empty if the product is not supported
   */
  public static Optional<Dialect> fromProductName(String productName) {
    Objects.requireNonNull(productName, "productName");
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.equals("h2")) {
      return Optional.of(H2);
    }
    if (p.contains("postgresql")) {
      return Optional.of(POSTGRESQL);
    }
    return Optional.empty();
  }

  /** The resource folder of this dialect's schema scripts. */
  String folder() {
    return folder;
  }

  /** The parameter marker for a JSON column. */
  String jsonParameter() {
    return jsonParameter;
  }

  /** What ends an INSERT so that a duplicate key inserts nothing; empty if the dialect cannot. */
  String insertIgnoreSuffix() {
    return insertIgnoreSuffix;
  }

  /** An upsert of one customer profile: parameters tenant, customer id, profile JSON. */
  String upsertCustomer() {
    if (this == H2) {
      return "MERGE INTO cxs_customer (tenant, customer_id, profile) KEY (tenant, customer_id)"
          + " VALUES (?, ?, ?)";
    }
    return "INSERT INTO cxs_customer (tenant, customer_id, profile) VALUES (?, ?, " + jsonParameter
        + ") ON CONFLICT (tenant, customer_id) DO UPDATE SET profile = EXCLUDED.profile";
  }
}
