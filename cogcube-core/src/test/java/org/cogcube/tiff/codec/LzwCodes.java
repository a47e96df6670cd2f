package org.cogcube.tiff.codec;

import java.io.ByteArrayOutputStream;

/**
 * Writes LZW code sequences by hand, most significant bit first, choosing each code's width as
 * a TIFF decoder expects it: 9 bits after a Clear, one more when the table reaches 511, 1023
 * and 2047 entries, at most 12. Lets tests build streams our encoder would never write.
 */
final class LzwCodes {
    private LzwCodes() {
    }

    static byte[] pack(int... codes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bits = 0;
        int count = 0;
        int width = 9;
        int next = 258;
        boolean afterClear = true;
        for (int code : codes) {
            bits = (bits << width) | code;
            count += width;
            while (count >= 8) {
                count -= 8;
                out.write((int) (bits >>> count));
            }
            if (code == 256) {
                width = 9;
                next = 258;
                afterClear = true;
            } else if (code != 257) {
                if (!afterClear && next < 4096) {
                    next++;
                    if (next >= (1 << width) - 1 && width < 12) {
                        width++;
                    }
                }
                afterClear = false;
            }
        }
        if (count > 0) {
            out.write((int) (bits << (8 - count)));
        }
        return out.toByteArray();
    }
}
