package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Asserts that two zonal statistics CSVs agree: same rows and counts, statistics within a relative tolerance. */
final class CsvComparison {
    private CsvComparison() {
    }

    static void assertClose(String expected, String actual, double relative) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        assertEquals(e.get(0), a.get(0), "header");
        assertEquals(e.size(), a.size(), "rows; expected\n" + expected + "\nfound\n" + actual);
        for (int i = 1; i < e.size(); i++) {
            String[] x = fields(e.get(i));
            String[] y = fields(a.get(i));
            String where = "row " + i + ": expected " + e.get(i) + ", found " + a.get(i);
            assertEquals(x.length, y.length, where);
            for (int f = 0; f < 5; f++) {
                assertEquals(x[f], y[f], where);
            }
            for (int f = 5; f < x.length; f++) {
                if (x[f].isEmpty() || y[f].isEmpty()) {
                    assertEquals(x[f], y[f], where);
                    continue;
                }
                double p = Double.parseDouble(x[f]);
                double q = Double.parseDouble(y[f]);
                assertTrue(Math.abs(p - q) <= relative * Math.abs(p) || p == q, where + " (column " + f + ")");
            }
        }
    }

    /** The fields of a line: the last nine split at commas, the first (a feature id, maybe quoted) the rest. */
    private static String[] fields(String line) {
        String[] tail = new String[10];
        int end = line.length();
        for (int f = 9; f >= 1; f--) {
            int comma = line.lastIndexOf(',', end - 1);
            tail[f] = line.substring(comma + 1, end);
            end = comma;
        }
        tail[0] = line.substring(0, end);
        return tail;
    }
}
