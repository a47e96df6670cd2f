/**
 * Arithmetic on layers: {@link org.cogcube.expression.Expression}s such as
 * {@code (B08 - B04) / (B08 + B04)}, parsed once and evaluated per pixel, used by {@code ingest}
 * to derive layers and by the client to compute variables from the bands it cut.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>name</b>: what an expression reads, a layer or band (B04), resolved by the caller;</li>
 *   <li><b>no data</b>: NaN. It propagates: an operation with NaN gives NaN. A division by zero
 *       gives NaN too, never an infinity;</li>
 *   <li><b>named expression</b>: {@code NAME=EXPRESSION}, what a derived layer or a computed
 *       variable is called and how it is computed.</li>
 * </ul>
 */
package org.cogcube.expression;
