package org.cogcube.tiff.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.cogcube.raster.SampleType;

/**
 * Writes the smallest classic TIFF that GDAL reads: one image in strips of already compressed
 * bytes, pixel-interleaved, in either byte order. Only for tests that hand our codecs' output
 * to GDAL; it knows nothing of georeferencing.
 */
final class TinyTiff {
    private static final short SHORT = 3;
    private static final short LONG = 4;

    private TinyTiff() {
    }

    static byte[] write(ByteOrder order, int width, int height, int samplesPerPixel, SampleType type,
            int compression, int predictor, int rowsPerStrip, List<byte[]> strips) {
        int[] bits = new int[samplesPerPixel];
        int[] formats = new int[samplesPerPixel];
        java.util.Arrays.fill(bits, type.bits());
        java.util.Arrays.fill(formats, type.sampleFormat());
        int[] offsets = new int[strips.size()];
        int[] counts = new int[strips.size()];
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(256, LONG, width));
        entries.add(new Entry(257, LONG, height));
        entries.add(new Entry(258, SHORT, bits));
        entries.add(new Entry(259, SHORT, compression));
        entries.add(new Entry(262, SHORT, 1));
        entries.add(new Entry(273, LONG, offsets));
        entries.add(new Entry(277, SHORT, samplesPerPixel));
        entries.add(new Entry(278, LONG, rowsPerStrip));
        entries.add(new Entry(279, LONG, counts));
        entries.add(new Entry(284, SHORT, 1));
        entries.add(new Entry(317, SHORT, predictor));
        if (samplesPerPixel > 1) {
            entries.add(new Entry(338, SHORT, new int[samplesPerPixel - 1]));
        }
        entries.add(new Entry(339, SHORT, formats));

        int ifdSize = 2 + 12 * entries.size() + 4;
        int at = 8 + ifdSize;
        for (Entry e : entries) {
            if (e.bytes() > 4) {
                e.offset = at;
                at += e.bytes();
            }
        }
        for (int i = 0; i < strips.size(); i++) {
            offsets[i] = at;
            counts[i] = strips.get(i).length;
            at += counts[i];
        }
        ByteBuffer out = ByteBuffer.allocate(at).order(order);
        out.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
        out.put(out.get(0));
        out.putShort((short) 42).putInt(8);
        out.putShort((short) entries.size());
        for (Entry e : entries) {
            out.putShort((short) e.tag).putShort(e.type).putInt(e.values.length);
            if (e.bytes() > 4) {
                out.putInt(e.offset);
            } else {
                int start = out.position();
                e.putValues(out);
                out.position(start + 4);
            }
        }
        out.putInt(0);
        for (Entry e : entries) {
            if (e.bytes() > 4) {
                e.putValues(out);
            }
        }
        for (byte[] strip : strips) {
            out.put(strip);
        }
        return out.array();
    }

    private static final class Entry {
        final int tag;
        final short type;
        final int[] values;
        int offset;

        Entry(int tag, short type, int... values) {
            this.tag = tag;
            this.type = type;
            this.values = values;
        }

        int bytes() {
            return values.length * (type == SHORT ? 2 : 4);
        }

        void putValues(ByteBuffer out) {
            for (int v : values) {
                if (type == SHORT) {
                    out.putShort((short) v);
                } else {
                    out.putInt(v);
                }
            }
        }
    }
}
