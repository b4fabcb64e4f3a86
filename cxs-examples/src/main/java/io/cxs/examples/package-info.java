/** cxs examples. */
package io.cxs.examples;
