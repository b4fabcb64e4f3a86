package io.cxs.journey.action;

/**
 * Delivers actions: the host sends the e-mail, SMS or push message, opens the case, calls the
 * webhook. The {@link Orchestrator} calls it on its scheduler's thread, never on the thread that
 * ingests events, after consent, frequency cap and quiet hours were checked.
 *
 * <p>Throwing means the delivery failed: the orchestrator retries with exponential backoff up to
 * its maximum number of attempts, then records the action as {@link ActionStatus#FAILED}. A
 * handler should be idempotent on {@link ActionRequest#id()}: after a crash between delivery and
 * recording, the same request may be delivered again.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ActionHandler {

  /**
   * @param request what to do, for whom and why
   * @throws Exception if delivery failed and should be retried
   */
  void handle(ActionRequest request) throws Exception;
}
