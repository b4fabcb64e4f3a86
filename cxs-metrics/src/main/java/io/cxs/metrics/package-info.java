/** cxs metrics. */
package io.cxs.metrics;
