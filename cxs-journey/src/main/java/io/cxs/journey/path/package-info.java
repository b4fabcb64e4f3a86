/**
 * Path analysis: what customers do after (or before) a given event, as the most frequent next
 * or previous events, the top paths of bounded length, and nodes and links ready for a Sankey
 * chart. Start with {@link io.cxs.journey.path.PathAnalysis#after(String)}.
 *
 * <p>Every parameter and return value is non-null.
 *
 * @since 0.1
 */
package io.cxs.journey.path;
