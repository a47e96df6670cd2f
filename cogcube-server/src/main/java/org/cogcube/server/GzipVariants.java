package org.cogcube.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip variants of small text files (catalogues, VRTs), compressed once per version and kept
 * while they are asked for. A variant is keyed by the version's ETag, so a replaced catalogue is
 * compressed afresh and the old variant ages out. Its own ETag is the version's with
 * {@code -gzip} inside the quotes: two representations, two strong validators.
 */
final class GzipVariants {
    /** Larger text files are sent as they are: compressing them per version would cost too much memory. */
    static final long MAX_SOURCE_BYTES = 8L << 20;
    /** Smaller files gain nothing worth the header. */
    static final long MIN_SOURCE_BYTES = 256;
    private static final long MAX_CACHED_BYTES = 32L << 20;

    private final Map<String, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    /** Whether this version is worth a gzip variant. */
    static boolean worthIt(FileVersion file) {
        return file.size >= MIN_SOURCE_BYTES && file.size <= MAX_SOURCE_BYTES
                && ContentTypes.compressible(file.path.getFileName().toString());
    }

    /** The ETag of the gzip variant of a version. */
    static String etag(FileVersion file) {
        return file.etag.substring(0, file.etag.length() - 1) + "-gzip\"";
    }

    /** Whether an Accept-Encoding header accepts gzip (by name or {@code *}, with a q above 0). */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0) {
                return true;
            }
        }
        return false;
    }

    /** The gzip bytes of a version, read through its channel (so they are of that version). */
    byte[] get(FileVersion file) throws IOException {
        String key = file.path + "\u0000" + file.etag;
        synchronized (this) {
            byte[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] compressed = compress(file);
        synchronized (this) {
            if (cache.put(key, compressed) == null) {
                cachedBytes += compressed.length;
            }
            Iterator<byte[]> eldest = cache.values().iterator();
            while (cachedBytes > MAX_CACHED_BYTES && eldest.hasNext()) {
                cachedBytes -= eldest.next().length;
                eldest.remove();
            }
        }
        return compressed;
    }

    private static byte[] compress(FileVersion file) throws IOException {
        ByteBuffer source = ByteBuffer.allocate((int) file.size);
        while (source.hasRemaining()) {
            if (file.channel.read(source, source.position()) < 0) {
                throw new IOException(file.path + " is shorter than the " + file.size + " bytes it had when opened");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (file.size / 4) + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(source.array(), 0, source.limit());
        }
        return out.toByteArray();
    }
}
