/**
 * Customer lifetime value: RFM summaries from transactions ({@link
 * io.cxs.metrics.clv.RfmSummaries}), historical value, and the probabilistic customer-base models
 * fitted by maximum likelihood — {@link io.cxs.metrics.clv.BgNbdModel BG/NBD}, {@link
 * io.cxs.metrics.clv.ParetoNbdModel Pareto/NBD}, {@link io.cxs.metrics.clv.MbgNbdModel MBG/NBD}
 * and the {@link io.cxs.metrics.clv.GammaGammaModel Gamma-Gamma} spend model — with P(alive),
 * conditional expected purchases and discounted {@link io.cxs.metrics.clv.ClvCalculator CLV}.
 *
 * <pre>{@code
 * List<RfmSummary> summaries =
 *     RfmSummaries.fromTransactions(transactions, LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS);
 * BgNbdModel purchases = BgNbdModel.fit(summaries).model();
 * GammaGammaModel spend = GammaGammaModel.fit(summaries).model();
 * ClvCalculator clv = ClvCalculator.builder(purchases, spend).horizon(52).build();
 * }</pre>
 *
 * <p>All types are immutable values or stateless utilities and safe to share between threads.
 * Nothing here accepts or returns {@code null}. Caller mistakes throw {@link
 * java.lang.IllegalArgumentException} naming the value; a fit that does not converge throws
 * {@link io.cxs.metrics.clv.ModelFitException}.
 */
package io.cxs.metrics.clv;
