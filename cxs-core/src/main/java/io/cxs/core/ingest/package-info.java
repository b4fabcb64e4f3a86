/**
 * Incoming events in the Segment-style shape: {@link io.cxs.core.ingest.IdentifyEvent},
 * {@link io.cxs.core.ingest.TrackEvent} and {@link io.cxs.core.ingest.FeedbackEvent}, and the
 * {@link io.cxs.core.ingest.IngestReport report} of a batch. Immutable values; nothing here
 * accepts or returns {@code null}.
 */
package io.cxs.core.ingest;
