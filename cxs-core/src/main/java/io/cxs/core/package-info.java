/**
 * The cxs entry point: {@link io.cxs.core.Cxs} ingests {@code identify}, {@code track} and
 * {@code feedback} events, resolves identities into customers and answers customer 360 views.
 *
 * <p>Everything in this package and its sub-packages is non-null: no method accepts or returns
 * {@code null}; absence is {@link java.util.Optional} or an empty collection. Packages named
 * {@code internal} are not API and may change in any release.
 */
package io.cxs.core;
