package org.cogcube.client;

import java.util.List;

/** Zonal statistics as CSV text ({@link ZonalStatistics#csv}). */
final class ZonalCsv {
    static final String HEADER = "feature_id,date,variable,valid_pixels,total_pixels,mean,std,min,median,max";

    private ZonalCsv() {
    }

    static String of(List<ZonalStatistics.Row> rows) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (ZonalStatistics.Row row : rows) {
            Statistics t = row.statistics();
            s.append(field(row.featureId())).append(',').append(row.date()).append(',').append(field(row.variable()))
                    .append(',').append(t.validPixels()).append(',').append(t.totalPixels());
            for (double v : new double[] {t.mean(), t.std(), t.min(), t.median(), t.max()}) {
                s.append(',');
                if (t.validPixels() > 0) {
                    s.append(Decimals.repr(v));
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** A field as RFC 4180 has it: quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
