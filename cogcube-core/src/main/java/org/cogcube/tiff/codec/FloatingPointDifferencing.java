package org.cogcube.tiff.codec;

/**
 * Predictor 3 on a chunk, as libtiff implements it. For each row of {@code n} samples of
 * {@code bytes} bytes: the row is rearranged into {@code bytes} planes of {@code n} bytes, the
 * plane of most significant bytes first, whatever the file's byte order; then every byte of the
 * rearranged row, from the {@code stride}-th on, is replaced by its difference from the byte
 * {@code stride} before it.
 */
final class FloatingPointDifferencing {
    private FloatingPointDifferencing() {
    }

    static void decode(byte[] d, int off, int samplesPerRow, int rows, int stride, int bytes, boolean bigEndian) {
        int rowBytes = samplesPerRow * bytes;
        byte[] planes = new byte[rowBytes];
        for (int r = 0; r < rows; r++) {
            int start = off + r * rowBytes;
            int end = start + rowBytes;
            if (rowBytes == 0) {
                continue;
            }
            if (stride == 1) {
                // The running sum in a register, so the loop does not wait on its own stores.
                byte sum = d[start];
                planes[0] = sum;
                for (int i = 1; i < rowBytes; i++) {
                    sum += d[start + i];
                    planes[i] = sum;
                }
            } else {
                for (int i = start + stride; i < end; i++) {
                    d[i] += d[i - stride];
                }
                System.arraycopy(d, start, planes, 0, rowBytes);
            }
            for (int k = 0; k < bytes; k++) {
                int plane = k * samplesPerRow;
                int at = start + (bigEndian ? k : bytes - 1 - k);
                for (int s = 0; s < samplesPerRow; s++, at += bytes) {
                    d[at] = planes[plane + s];
                }
            }
        }
    }

    static void encode(byte[] d, int off, int samplesPerRow, int rows, int stride, int bytes, boolean bigEndian) {
        int rowBytes = samplesPerRow * bytes;
        byte[] planes = new byte[rowBytes];
        for (int r = 0; r < rows; r++) {
            int start = off + r * rowBytes;
            for (int k = 0; k < bytes; k++) {
                int plane = k * samplesPerRow;
                int at = start + (bigEndian ? k : bytes - 1 - k);
                for (int s = 0; s < samplesPerRow; s++, at += bytes) {
                    planes[plane + s] = d[at];
                }
            }
            for (int i = rowBytes - 1; i >= stride; i--) {
                planes[i] -= planes[i - stride];
            }
            System.arraycopy(planes, 0, d, start, rowBytes);
        }
    }
}
