/**
 * What customers say: survey responses on declared {@link io.cxs.core.feedback.Scale scales}
 * (NPS, CSAT, CES, custom), reviews and complaints, as {@link io.cxs.core.feedback.Feedback}.
 * Immutable values; nothing here accepts or returns {@code null}.
 */
package io.cxs.core.feedback;
