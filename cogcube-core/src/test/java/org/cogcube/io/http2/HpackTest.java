package org.cogcube.io.http2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HPACK against the examples of RFC 7541, Appendix C: each block decodes to the header list the
 * RFC gives, leaving the dynamic table it shows (entries newest first, and its size).
 */
class HpackTest {
    private static final String DATE_21 = "Mon, 21 Oct 2013 20:13:21 GMT";
    private static final String DATE_22 = "Mon, 21 Oct 2013 20:13:22 GMT";
    private static final String LOCATION = "https://www.example.com";
    private static final String COOKIE = "foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1";

    private static final List<List<HeaderField>> REQUESTS = List.of(
            fields(":method", "GET", ":scheme", "http", ":path", "/", ":authority", "www.example.com"),
            fields(":method", "GET", ":scheme", "http", ":path", "/", ":authority", "www.example.com",
                    "cache-control", "no-cache"),
            fields(":method", "GET", ":scheme", "https", ":path", "/index.html", ":authority", "www.example.com",
                    "custom-key", "custom-value"));
    private static final List<List<HeaderField>> REQUEST_TABLES = List.of(
            fields(":authority", "www.example.com"),
            fields("cache-control", "no-cache", ":authority", "www.example.com"),
            fields("custom-key", "custom-value", "cache-control", "no-cache", ":authority", "www.example.com"));
    private static final int[] REQUEST_TABLE_SIZES = {57, 110, 164};

    private static final List<List<HeaderField>> RESPONSES = List.of(
            fields(":status", "302", "cache-control", "private", "date", DATE_21, "location", LOCATION),
            fields(":status", "307", "cache-control", "private", "date", DATE_21, "location", LOCATION),
            fields(":status", "200", "cache-control", "private", "date", DATE_22, "location", LOCATION,
                    "content-encoding", "gzip", "set-cookie", COOKIE));
    private static final List<List<HeaderField>> RESPONSE_TABLES = List.of(
            fields("location", LOCATION, "date", DATE_21, "cache-control", "private", ":status", "302"),
            fields(":status", "307", "location", LOCATION, "date", DATE_21, "cache-control", "private"),
            fields("set-cookie", COOKIE, "content-encoding", "gzip", "date", DATE_22));
    private static final int[] RESPONSE_TABLE_SIZES = {222, 222, 215};

    @Test
    void decodesALiteralWithIndexingC21() {
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        assertEquals(fields("custom-key", "custom-header"),
                decoder.decode(hex("400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572")));
        assertEquals(fields("custom-key", "custom-header"), decoder.table().dynamicEntries());
        assertEquals(55, decoder.table().size());
    }

    @Test
    void decodesALiteralWithoutIndexingC22() {
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        assertEquals(fields(":path", "/sample/path"), decoder.decode(hex("040c 2f73 616d 706c 652f 7061 7468")));
        assertEquals(0, decoder.table().size());
    }

    @Test
    void decodesANeverIndexedLiteralC23() {
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        assertEquals(fields("password", "secret"), decoder.decode(hex("1008 7061 7373 776f 7264 0673 6563 7265 74")));
        assertEquals(0, decoder.table().size());
    }

    @Test
    void decodesAnIndexedFieldC24() {
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        assertEquals(fields(":method", "GET"), decoder.decode(hex("82")));
        assertEquals(0, decoder.table().size());
    }

    @Test
    void decodesRequestsWithoutHuffmanC3() {
        decodesInSequence(4096, List.of(
                "8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d",
                "8286 84be 5808 6e6f 2d63 6163 6865",
                "8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65"),
                REQUESTS, REQUEST_TABLES, REQUEST_TABLE_SIZES);
    }

    @Test
    void decodesRequestsWithHuffmanC4() {
        decodesInSequence(4096, List.of(
                "8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff",
                "8286 84be 5886 a8eb 1064 9cbf",
                "8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf"),
                REQUESTS, REQUEST_TABLES, REQUEST_TABLE_SIZES);
    }

    @Test
    void decodesResponsesWithEvictionWithoutHuffmanC5() {
        decodesInSequence(256, List.of(
                "4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32"
                        + " 3120 474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70 6c65 2e63 6f6d",
                "4803 3330 37c1 c0bf",
                "88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3220 474d 54c0 5a04 677a 6970"
                        + " 7738 666f 6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049 5541 5851 5745 4f49 553b 206d"
                        + " 6178 2d61 6765 3d33 3630 303b 2076 6572 7369 6f6e 3d31"),
                RESPONSES, RESPONSE_TABLES, RESPONSE_TABLE_SIZES);
    }

    @Test
    void decodesResponsesWithEvictionWithHuffmanC6() {
        decodesInSequence(256, List.of(
                "4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4 44a8 2005 9504 0b81 66e0 82a6 2d1b ff6e 919d 29ad"
                        + " 1718 63c7 8f0b 97c8 e9ae 82ae 43d3",
                "4883 640e ffc1 c0bf",
                "88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff c05a 839b d9ab 77ad 94e7 821d d7f2"
                        + " e6c7 b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f 9587 3160 65c0 03ed 4ee5 b106"
                        + " 3d50 07"),
                RESPONSES, RESPONSE_TABLES, RESPONSE_TABLE_SIZES);
    }

    @Test
    void encodesIntegersAsTheRfcsC1() {
        assertArrayEquals(hex("0a"), integer(5, 10));
        assertArrayEquals(hex("1f9a0a"), integer(5, 1337));
        assertArrayEquals(hex("2a"), integer(8, 42));
    }

    @Test
    void encodesALiteralWithoutIndexingAsC22() {
        assertArrayEquals(hex("040c 2f73 616d 706c 652f 7061 7468"),
                HpackEncoder.encode(fields(":path", "/sample/path"), false));
    }

    @Test
    void huffmanCodesAValueAsC41() {
        // :authority is static entry 1; the value is coded as in C.4.1, without indexing
        assertArrayEquals(hex("018c f1e3 c2e5 f23a 6ba0 ab90 f4ff"),
                HpackEncoder.encode(fields(":authority", "www.example.com")));
    }

    @Test
    void encodesWhatItsDecoderReadsBack() {
        List<HeaderField> request = fields(":method", "GET", ":scheme", "http", ":authority", "127.0.0.1:8080",
                ":path", "/a/b.tif?x=1", "range", "bytes=0-16383", "user-agent", "cogcube",
                "x-custom-header", "value with spaces and \u00e9", "x-long", "z".repeat(300));
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        assertEquals(request, decoder.decode(HpackEncoder.encode(request)));
        assertEquals(0, decoder.table().size(), "literals without indexing leave the table alone");
    }

    @Test
    void appliesADynamicTableSizeUpdate() {
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        decoder.decode(hex("400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572"));
        assertEquals(fields(":method", "GET"), decoder.decode(hex("20 82"))); // size 0 evicts everything
        assertEquals(0, decoder.table().size());
        assertEquals(0, decoder.table().maxSize());
    }

    @Test
    void refusesATableSizeUpdateAfterAField() {
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        assertThrows(HpackException.class, () -> decoder.decode(hex("82 20")));
    }

    @Test
    void refusesATableLargerThanAllowed() {
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        HpackException e = assertThrows(HpackException.class, () -> decoder.decode(hex("3fe21f"))); // 4097
        assertTrue(e.getMessage().contains("4096") && e.getMessage().contains("4097"), e.getMessage());
    }

    @Test
    void refusesIndexesOutsideTheTables() {
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        assertThrows(HpackException.class, () -> decoder.decode(hex("80")));
        HpackException e = assertThrows(HpackException.class, () -> decoder.decode(hex("be"))); // 62, table empty
        assertTrue(e.getMessage().contains("62"), e.getMessage());
    }

    @Test
    void refusesTruncatedBlocks() {
        HpackDecoder decoder = new HpackDecoder(4096, 1 << 16);
        assertThrows(HpackException.class, () -> decoder.decode(hex("400a 6375 7374")));
        assertThrows(HpackException.class, () -> decoder.decode(hex("1f")));
        assertThrows(HpackException.class, () -> decoder.decode(hex("1fffffffffff0f"))); // integer too large
    }

    @Test
    void refusesHeaderListsLargerThanAllowed() {
        HpackDecoder decoder = new HpackDecoder(4096, 100);
        assertThrows(HpackException.class, () -> decoder.decode(HpackEncoder.encode(fields("x-big", "y".repeat(100)))));
    }

    private static void decodesInSequence(int tableSize, List<String> blocks, List<List<HeaderField>> lists,
            List<List<HeaderField>> tables, int[] sizes) {
        HpackDecoder decoder = new HpackDecoder(tableSize, 1 << 16);
        for (int i = 0; i < blocks.size(); i++) {
            assertEquals(lists.get(i), decoder.decode(hex(blocks.get(i))), "header list " + (i + 1));
            assertEquals(tables.get(i), decoder.table().dynamicEntries(), "dynamic table after block " + (i + 1));
            assertEquals(sizes[i], decoder.table().size(), "table size after block " + (i + 1));
        }
    }

    private static byte[] integer(int prefix, int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HpackEncoder.integer(out, 0, prefix, value);
        return out.toByteArray();
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    static List<HeaderField> fields(String... namesAndValues) {
        List<HeaderField> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(new HeaderField(namesAndValues[i], namesAndValues[i + 1]));
        }
        return fields;
    }
}
