/**
 * Helpers shared by the journey packages. <strong>Unsupported:</strong> not part of the API; may
 * change or disappear in any release.
 *
 * <p>Every parameter and return value is non-null.
 */
package io.cxs.journey.internal;
