/**
 * Implementation details shared across cxs packages and modules. <b>Not API</b>: anything here
 * may change or disappear in any release without notice.
 */
package io.cxs.core.internal;
