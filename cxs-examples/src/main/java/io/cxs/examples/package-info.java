/** Runnable examples of the cxs library. Not API: nothing depends on this module. */
package io.cxs.examples;
