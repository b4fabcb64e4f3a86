/**
 * The storage SPI: one small store per aggregate ({@link io.cxs.core.spi.CustomerStore},
 * {@link io.cxs.core.spi.TouchpointStore}, {@link io.cxs.core.spi.FeedbackStore}), each with a
 * thread-safe in-memory default reached through {@code inMemory()}, and the columnar scan API
 * ({@link io.cxs.core.spi.TouchpointBatch}, {@link io.cxs.core.spi.FeedbackBatch}) that analytics
 * run on.
 *
 * <p>Every store is thread-safe. No method accepts or returns {@code null}.
 */
package io.cxs.core.spi;
