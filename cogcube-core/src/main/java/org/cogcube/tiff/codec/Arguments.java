package org.cogcube.tiff.codec;

import java.util.Objects;

/** Checks of the arguments every codec receives; failures are the caller's bugs, not the file's. */
final class Arguments {
    private Arguments() {
    }

    static void checkDecode(byte[] src, int off, int len, int expectedLength) {
        Objects.checkFromIndexSize(off, len, src.length);
        if (expectedLength < 0) {
            throw new IllegalArgumentException("expected length must be >= 0, found " + expectedLength);
        }
    }

    static void checkDecodeInto(byte[] src, int off, int len, byte[] out, int expectedLength) {
        checkDecode(src, off, len, expectedLength);
        Objects.checkFromIndexSize(0, expectedLength, out.length);
    }

    static void checkEncode(byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
    }

    static void checkLevel(String codec, int level, int min, int max) {
        if (level < min || level > max) {
            throw new IllegalArgumentException(codec + " level must be " + min + " to " + max + ", found " + level);
        }
    }
}
