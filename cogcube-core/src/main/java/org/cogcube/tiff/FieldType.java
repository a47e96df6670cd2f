package org.cogcube.tiff;

import org.cogcube.MalformedFileException;

/** The field types of TIFF 6.0 and BigTIFF, with their codes and sizes in bytes. */
public enum FieldType {
    BYTE(1, 1), ASCII(2, 1), SHORT(3, 2), LONG(4, 4), RATIONAL(5, 8), SBYTE(6, 1), UNDEFINED(7, 1),
    SSHORT(8, 2), SLONG(9, 4), SRATIONAL(10, 8), FLOAT(11, 4), DOUBLE(12, 8), IFD(13, 4),
    LONG8(16, 8), SLONG8(17, 8), IFD8(18, 8);

    private static final FieldType[] BY_CODE = new FieldType[19];

    static {
        for (FieldType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int size;

    FieldType(int code, int size) {
        this.code = code;
        this.size = size;
    }

    public int code() {
        return code;
    }

    /** Size in bytes of one value of this type. */
    public int size() {
        return size;
    }

    /** The type of a code; an unknown code is a malformed file, named with {@code where}. */
    public static FieldType of(int code, String where) {
        FieldType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (t == null) {
            throw new MalformedFileException(where + ": unknown TIFF field type " + code
                    + " (expected 1-13 or 16-18)");
        }
        return t;
    }
}
