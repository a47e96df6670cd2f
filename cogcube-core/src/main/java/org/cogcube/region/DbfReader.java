package org.cogcube.region;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cogcube.MalformedFileException;

/**
 * Reads the attribute table of a shapefile, its {@code .dbf} (dBase III): one row of properties per
 * record, read as GDAL's shapefile driver reads them.
 * <ul>
 *   <li>C (character): text, spaces trimmed at both ends; empty is null;</li>
 *   <li>N and F (numeric): a Long when the field has no decimals and fewer than 19 digits, else a
 *       Double; blank or {@code *} filled is null;</li>
 *   <li>L (logical): true for T, t, Y, y; false for F, f, N, n; null for {@code ?} or blank (GDAL 3.6
 *       gives the letter as text);</li>
 *   <li>D (date): text {@code YYYY-MM-DD}, as ogr2ogr writes it to GeoJSON; blank or zeros is null;</li>
 *   <li>any other type: its text, trimmed.</li>
 * </ul>
 * Text is decoded with the {@code .cpg} file's code page if there is one, else the one the header's
 * language driver byte (LDID) names, else as UTF-8 where the bytes are UTF-8 and ISO-8859-1 where
 * they are not. Records marked deleted are read as {@code null} rows.
 */
final class DbfReader {

    private static final int HEADER = 32;
    private static final int FIELD = 32;

    private record Field(String name, char type, int offset, int width, int decimals) {
    }

    private DbfReader() {
    }

    /** The rows of the table, in record order; a deleted record is a null row. */
    static List<Map<String, Object>> read(byte[] dbf, Charset declared, String name) {
        ByteBuffer b = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        if (dbf.length < HEADER + 1) {
            throw new MalformedFileException(name + ": " + dbf.length + " bytes, expected a dBase header of at least "
                    + (HEADER + 1));
        }
        if ((dbf[0] & 0x07) != 3) {
            throw new MalformedFileException(name + ": version byte 0x" + Integer.toHexString(dbf[0] & 0xFF)
                    + ", expected a dBase III table (0x03 or 0x83)");
        }
        long records = b.getInt(4) & 0xFFFFFFFFL;
        int headerLength = b.getShort(8) & 0xFFFF;
        int recordLength = b.getShort(10) & 0xFFFF;
        Charset charset = declared != null ? declared : CodePages.ofLanguageDriver(dbf[29] & 0xFF);
        List<Field> fields = fields(dbf, headerLength, recordLength, charset, name);
        if (headerLength + records * recordLength > dbf.length) {
            throw new MalformedFileException(name + ": the header says " + records + " records of " + recordLength
                    + " bytes after " + headerLength + " bytes of header, the file has " + dbf.length
                    + " bytes (truncated?)");
        }
        List<Map<String, Object>> rows = new ArrayList<>((int) records);
        for (int r = 0; r < records; r++) {
            int at = headerLength + r * recordLength;
            rows.add(dbf[at] == '*' ? null : row(dbf, at, fields, charset));
        }
        return rows;
    }

    private static List<Field> fields(byte[] dbf, int headerLength, int recordLength, Charset charset, String name) {
        if (headerLength < HEADER + 1 || headerLength > dbf.length) {
            throw new MalformedFileException(name + ": a header of " + headerLength + " bytes, expected between "
                    + (HEADER + 1) + " and the file's " + dbf.length);
        }
        List<Field> fields = new ArrayList<>();
        int offset = 1; // the deletion flag
        for (int at = HEADER; dbf[at] != 0x0D; at += FIELD) {
            if (at + FIELD >= headerLength) {
                throw new MalformedFileException(name + ": field descriptor " + fields.size() + " at byte " + at
                        + " runs past the header's " + headerLength + " bytes, expected a 0x0D terminator first");
            }
            int nameLength = 0;
            while (nameLength < 11 && dbf[at + nameLength] != 0) {
                nameLength++;
            }
            String field = decode(dbf, at, nameLength, charset).strip();
            char type = (char) (dbf[at + 11] & 0xFF);
            int width = dbf[at + 16] & 0xFF;
            int decimals = dbf[at + 17] & 0xFF;
            if (type == 'C') { // long character fields keep the high byte of their width in "decimals"
                width += 256 * decimals;
                decimals = 0;
            }
            fields.add(new Field(field, type, offset, width, decimals));
            offset += width;
        }
        if (offset != recordLength) {
            throw new MalformedFileException(name + ": fields of " + (offset - 1) + " bytes and a deletion flag make"
                    + " records of " + offset + " bytes, the header says " + recordLength);
        }
        return fields;
    }

    private static Map<String, Object> row(byte[] dbf, int at, List<Field> fields, Charset charset) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field f : fields) {
            String text = decode(dbf, at + f.offset, f.width, charset).strip();
            row.put(f.name, value(f, text));
        }
        return Collections.unmodifiableMap(row);
    }

    private static Object value(Field f, String text) {
        switch (f.type) {
            case 'N', 'F' -> {
                if (text.isEmpty() || text.chars().allMatch(c -> c == '*')) {
                    return null;
                }
                double d = number(text);
                return f.decimals == 0 && f.width < 19 ? (Object) (long) d : (Object) d;
            }
            case 'L' -> {
                return text.isEmpty() ? null : switch (text.charAt(0)) {
                    case 'T', 't', 'Y', 'y' -> Boolean.TRUE;
                    case 'F', 'f', 'N', 'n' -> Boolean.FALSE;
                    default -> null;
                };
            }
            case 'D' -> {
                if (text.isEmpty() || text.chars().allMatch(c -> c == '0')) {
                    return null;
                }
                return text.length() == 8 && text.chars().allMatch(Character::isDigit)
                        ? text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6) : text;
            }
            default -> {
                return text.isEmpty() ? null : text;
            }
        }
    }

    /** A number as C's {@code strtod} reads it: the longest leading number, 0 if none. */
    private static double number(String text) {
        int end = text.length();
        while (end > 0) {
            try {
                return Double.parseDouble(text.substring(0, end));
            } catch (NumberFormatException e) {
                end--;
            }
        }
        return 0;
    }

    private static String decode(byte[] dbf, int at, int length, Charset charset) {
        if (charset != null) {
            return new String(dbf, at, length, charset);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(dbf, at, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(dbf, at, length, StandardCharsets.ISO_8859_1);
        }
    }
}
