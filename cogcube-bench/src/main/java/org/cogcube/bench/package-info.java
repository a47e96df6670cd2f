/**
 * Entry points of the benchmarks in {@code bench/}, which run them beside GDAL in the same run
 * and compare. Nothing here is a test: timings belong to the benchmark harness, not to
 * {@code mvn verify}.
 *
 * <p>Terms: a <em>window set</em> is a list of windows read one after another, first an
 * untimed <em>warm-up</em> list (so that the JIT has compiled the read path) and then the
 * <em>timed</em> list. <em>Decoded bytes</em> are the bytes of the samples returned, which is
 * what a caller gets, whatever the compression.
 */
package org.cogcube.bench;
