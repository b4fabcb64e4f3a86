/**
 * Durable stores over JDBC: {@link io.cxs.core.jdbc.JdbcStores} gives the customer, touchpoint
 * and feedback stores of one tenant over a host's {@link javax.sql.DataSource}, in H2 (embedded,
 * the default for tools) or PostgreSQL (production). The schema is plain SQL shipped in the jar
 * and applied by {@link io.cxs.core.jdbc.JdbcSchema#migrate}; no migration framework is needed.
 * This package uses only {@code java.sql}: the JDBC driver is the host's choice.
 *
 * <p>No method accepts or returns {@code null}.
 */
package io.cxs.core.jdbc;
