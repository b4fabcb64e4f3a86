/**
 * Acting on the experience: {@link io.cxs.journey.action.Rule rules} (an event pattern,
 * optionally followed or not followed by another event within a time, conditions on the
 * customer, and actions), run by an {@link io.cxs.journey.action.Orchestrator} that schedules
 * delays and deadlines on a {@link io.cxs.journey.action.Scheduler}, keeps pending timers in a
 * {@link io.cxs.journey.action.TimerStore}, enforces consent, a frequency cap and quiet hours
 * ({@link io.cxs.journey.action.ContactPolicy}), delivers through the host's
 * {@link io.cxs.journey.action.ActionHandler} with retries, and records every decision in an
 * {@link io.cxs.journey.action.ActionLog}. {@link io.cxs.journey.action.ClosedLoop} opens
 * follow-up cases for detractors and complaints and measures how the loop is closed.
 *
 * <p>Nothing here accepts or returns {@code null}; absence is {@link java.util.Optional} or an
 * empty collection.
 *
 * @since 0.1
 */
package io.cxs.journey.action;
