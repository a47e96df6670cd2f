package org.cogcube.cog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cogcube.CogcubeException;
import org.cogcube.geotiff.GeoTiffTags;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.tiff.IfdWriter;
import org.cogcube.tiff.Tag;
import org.cogcube.tiff.TagValue;
import org.cogcube.tiff.TiffHeader;
import org.cogcube.tiff.codec.Predictor;

/**
 * Puts a COG together from its levels' spooled tiles, in GDAL's layout: header, ghost header,
 * the IFD of every level (full resolution first, each followed by its small values), the tile
 * offset and size arrays, then the tiles of the smallest overview first and of the full
 * resolution last.
 */
final class CogAssembler {
    /** Above this size the file is written as BigTIFF: classic TIFF offsets are 32-bit. */
    static final long CLASSIC_LIMIT = 0xFFFFFFFFL - (64L << 20);

    private final SampleType type;
    private final int bands;
    private final CogOptions options;
    private final Predictor predictor;
    private final OptionalDouble nodata;
    private final RasterSource source;

    CogAssembler(SampleType type, int bands, CogOptions options, Predictor predictor, OptionalDouble nodata,
            RasterSource source) {
        this.type = type;
        this.bands = bands;
        this.options = options;
        this.predictor = predictor;
        this.nodata = nodata;
        this.source = source;
    }

    void assemble(LevelWriter[] levels, Path out, long classicLimit) throws IOException {
        long data = 0;
        for (LevelWriter l : levels) {
            data += l.dataSize();
        }
        boolean bigTiff = data > classicLimit;
        byte[] ghost = CogWriter.ghostHeader();
        TiffHeader header = new TiffHeader(ByteOrder.LITTLE_ENDIAN, bigTiff, 0);
        long firstIfd = align(header.size() + ghost.length);
        header = new TiffHeader(ByteOrder.LITTLE_ENDIAN, bigTiff, firstIfd);

        // First pass: sizes, with zero placeholders for the tile offsets.
        long[][] zeros = new long[levels.length][];
        for (int k = 0; k < levels.length; k++) {
            zeros[k] = new long[levels[k].tileOffsets.length];
        }
        List<IfdWriter> draft = ifds(header, levels, zeros);
        long[] ifdAt = new long[levels.length];
        long pos = firstIfd;
        for (int k = 0; k < levels.length; k++) {
            ifdAt[k] = pos;
            pos += draft.get(k).size();
        }
        long[] offsetsAt = new long[levels.length];
        long[] countsAt = new long[levels.length];
        int offsetSize = header.offsetSize();
        for (int k = 0; k < levels.length; k++) {
            int n = levels[k].tileOffsets.length;
            offsetsAt[k] = pos;
            pos += align((long) n * offsetSize);
            countsAt[k] = pos;
            pos += align((long) n * 4);
        }
        long headerEnd = pos;
        long[] dataAt = new long[levels.length];
        for (int k = levels.length - 1; k >= 0; k--) {
            dataAt[k] = pos;
            pos += levels[k].dataSize();
        }
        if (!bigTiff && pos > 0xFFFFFFFFL) {
            throw new CogcubeException("internal: classic TIFF chosen for a file of " + pos + " bytes");
        }

        // Second pass: the real offsets.
        long[][] offsets = new long[levels.length][];
        for (int k = 0; k < levels.length; k++) {
            long[] t = levels[k].tileOffsets;
            offsets[k] = new long[t.length];
            for (int i = 0; i < t.length; i++) {
                offsets[k][i] = dataAt[k] + t[i];
            }
        }
        List<IfdWriter> ifds = ifds(header, levels, offsets);
        if (headerEnd > Integer.MAX_VALUE) {
            throw new CogcubeException("COG header of " + headerEnd + " bytes is too large");
        }
        ByteBuffer head = ByteBuffer.allocate((int) headerEnd).order(ByteOrder.LITTLE_ENDIAN);
        writeHeader(head, header);
        head.put(ghost);
        head.position((int) firstIfd);
        for (int k = 0; k < levels.length; k++) {
            IfdWriter w = ifds.get(k);
            w.place(Tag.TILE_OFFSETS, offsetsAt[k]);
            w.place(Tag.TILE_BYTE_COUNTS, countsAt[k]);
            head.position((int) ifdAt[k]);
            w.write(head, ifdAt[k], k + 1 < levels.length ? ifdAt[k + 1] : 0);
        }
        for (int k = 0; k < levels.length; k++) {
            head.position((int) offsetsAt[k]);
            for (long o : offsets[k]) {
                if (bigTiff) {
                    head.putLong(o);
                } else {
                    head.putInt((int) o);
                }
            }
            head.position((int) countsAt[k]);
            for (long c : levels[k].tileSizes) {
                head.putInt((int) c);
            }
        }
        head.position(0).limit((int) headerEnd);
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (head.hasRemaining()) {
                ch.write(head);
            }
            Writeback writeback = new Writeback(ch);
            for (int k = levels.length - 1; k >= 0; k--) {
                FileChannel t = levels[k].temp();
                long size = t.size();
                long done = 0;
                while (done < size) {
                    long n = t.transferTo(done, Math.min(size - done, Writeback.STEP), ch);
                    done += n;
                    writeback.wrote(n);
                }
            }
            writeback.finish();
        }
    }

    private List<IfdWriter> ifds(TiffHeader header, LevelWriter[] levels, long[][] offsets) {
        List<IfdWriter> out = new ArrayList<>();
        ByteOrder order = header.order();
        for (int k = 0; k < levels.length; k++) {
            LevelWriter l = levels[k];
            IfdWriter w = new IfdWriter(header);
            if (k > 0) {
                w.add(TagValue.ofLongs(Tag.NEW_SUBFILE_TYPE, order, 1));
            }
            w.add(dimension(Tag.IMAGE_WIDTH, order, l.width));
            w.add(dimension(Tag.IMAGE_LENGTH, order, l.height));
            w.add(TagValue.ofShorts(Tag.BITS_PER_SAMPLE, order, repeat(type.bits(), bands)));
            w.add(TagValue.ofShorts(Tag.COMPRESSION, order, options.compression().code()));
            w.add(TagValue.ofShorts(Tag.PHOTOMETRIC_INTERPRETATION, order, 1));
            w.add(TagValue.ofShorts(Tag.SAMPLES_PER_PIXEL, order, bands));
            w.add(TagValue.ofShorts(Tag.PLANAR_CONFIGURATION, order, 1));
            if (predictor != Predictor.NONE) {
                w.add(TagValue.ofShorts(Tag.PREDICTOR, order, predictor.code()));
            }
            w.add(TagValue.ofShorts(Tag.TILE_WIDTH, order, options.blockSize()));
            w.add(TagValue.ofShorts(Tag.TILE_LENGTH, order, options.blockSize()));
            w.addPlaced(header.bigTiff() ? TagValue.ofLong8s(Tag.TILE_OFFSETS, order, offsets[k])
                    : TagValue.ofLongs(Tag.TILE_OFFSETS, order, offsets[k]));
            w.addPlaced(TagValue.ofLongs(Tag.TILE_BYTE_COUNTS, order, l.tileSizes));
            if (bands > 1) {
                w.add(TagValue.ofShorts(Tag.EXTRA_SAMPLES, order, new int[bands - 1]));
            }
            w.add(TagValue.ofShorts(Tag.SAMPLE_FORMAT, order, repeat(type.sampleFormat(), bands)));
            if (k == 0) {
                for (TagValue v : GeoTiffTags.of(source.grid(), source.scales(), source.offsets(), Map.of(), order)) {
                    w.add(v);
                }
            }
            nodata.ifPresent(v -> w.add(GeoTiffTags.nodata(v, order)));
            out.add(w);
        }
        return out;
    }

    private static TagValue dimension(Tag tag, ByteOrder order, int value) {
        return value <= 0xFFFF ? TagValue.ofShorts(tag, order, value) : TagValue.ofLongs(tag, order, value);
    }

    private static int[] repeat(int value, int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private static void writeHeader(ByteBuffer b, TiffHeader h) {
        b.put((byte) 'I').put((byte) 'I');
        if (h.bigTiff()) {
            b.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(h.firstIfdOffset());
        } else {
            b.putShort((short) 42).putInt((int) h.firstIfdOffset());
        }
    }

    private static long align(long n) {
        return (n + 1) & ~1L;
    }
}
