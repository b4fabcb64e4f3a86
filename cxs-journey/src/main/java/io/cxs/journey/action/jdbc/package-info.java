/**
 * Durable {@link io.cxs.journey.action.TimerStore} and {@link io.cxs.journey.action.ActionLog}
 * over JDBC (H2 or PostgreSQL), in the tables of cxs schema version 2 that
 * {@link io.cxs.core.jdbc.JdbcSchema#migrate} creates. Entry point: {@link JdbcActionStores}.
 *
 * <p>Every parameter and return value is non-null.
 *
 * @since 0.1
 */
package io.cxs.journey.action.jdbc;
