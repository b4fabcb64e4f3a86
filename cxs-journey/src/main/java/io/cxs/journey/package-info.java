/** cxs journey. */
package io.cxs.journey;
