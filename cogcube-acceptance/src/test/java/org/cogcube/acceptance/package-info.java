/**
 * Acceptance tests: what a user does, done the user's way. They run the README's commands through
 * the {@code ./cogcube} launcher in fresh folders, and the programs of {@code examples/} from their
 * own runnable jars, and compare what they print with GDAL and with the library.
 *
 * <p>A <em>workspace</em> is a fresh folder under {@code target/} holding a {@code ./cogcube} link
 * to the launcher, standing in for a user's clone; the <em>demo cube</em> is what
 * {@code ./cogcube demo} writes there ({@code cogcube-demo/}).
 */
package org.cogcube.acceptance;
