/**
 * An emulated network link on loopback, for benchmarks that must show how a client behaves on a
 * slow access link (a farm office's 20 Mbit/s with 100 ms to the server) on a kernel without
 * {@code netem}.
 *
 * <p>Terms: the <em>link</em> is one access link shared by every connection through it, as a
 * household's line is; it has a <em>rate</em> (bits per second, per direction) and a
 * <em>one-way delay</em> (per direction; the round trip is twice it). <em>Up</em> is client to
 * server, <em>down</em> server to client. A <em>segment</em> is what one read from a socket
 * returned: it leaves the link's queue after the segments ahead of it (serialised at the rate)
 * and arrives one delay later, so many segments are in flight at once, as on a real pipe.
 */
package org.cogcube.bench.link;
