package org.cogcube.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Reading what commands are given: VRT mosaics told from GeoTIFFs, nodata values. */
final class Inputs {
    private Inputs() {
    }

    /** Whether a path or URL names a VRT ({@code .vrt}, ignoring a URL's query and case). */
    static boolean isVrt(String location) {
        String path = location;
        int q = path.indexOf('?');
        if (q >= 0 && path.contains("://")) {
            path = path.substring(0, q);
        }
        return path.toLowerCase(Locale.ROOT).endsWith(".vrt");
    }

    /** The value of a {@code --nodata} option: a number or {@code nan}; anything else is a usage error. */
    static double nodata(String text, CommandLine commandLine) {
        try {
            return text.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(commandLine, "--nodata must be a number or nan, not '" + text
                    + "'");
        }
    }
}
