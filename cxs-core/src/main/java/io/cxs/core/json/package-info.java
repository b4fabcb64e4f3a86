/**
 * JSON mapping: {@link io.cxs.core.json.CxsJson} gives a Jackson {@code ObjectMapper} that reads
 * and writes every model type, and {@link io.cxs.core.json.EventReader} parses Segment-style
 * JSON Lines events with Jackson's streaming parser. Jackson appears only in this package.
 */
package io.cxs.core.json;
