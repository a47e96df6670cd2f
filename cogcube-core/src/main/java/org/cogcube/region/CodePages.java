package org.cogcube.region;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import org.cogcube.UnsupportedFeatureException;

/**
 * The character set of a shapefile's text: from its {@code .cpg} file ({@code UTF-8}, {@code 1252},
 * {@code CP1252}, {@code ISO-8859-1}, {@code 88591}, ... as ESRI and GDAL write them), or from the
 * {@code .dbf} header's language driver byte (LDID) for the common code pages.
 */
final class CodePages {

    /** LDID to code page, the common entries of the dBase/ESRI table GDAL uses. */
    private static final Map<Integer, String> LANGUAGE_DRIVERS = Map.ofEntries(
            Map.entry(0x01, "IBM437"), Map.entry(0x02, "IBM850"), Map.entry(0x03, "windows-1252"),
            Map.entry(0x57, "ISO-8859-1"), Map.entry(0x64, "IBM852"), Map.entry(0x65, "IBM866"),
            Map.entry(0x66, "IBM865"), Map.entry(0x67, "IBM861"), Map.entry(0x6A, "x-IBM737"),
            Map.entry(0x6B, "IBM857"), Map.entry(0x78, "x-IBM950"), Map.entry(0x79, "x-IBM949"),
            Map.entry(0x7A, "GBK"), Map.entry(0x7B, "Shift_JIS"), Map.entry(0x7C, "x-IBM874"),
            Map.entry(0x26, "IBM866"), Map.entry(0x4D, "GBK"), Map.entry(0x4E, "x-IBM949"),
            Map.entry(0x4F, "x-IBM950"), Map.entry(0xC8, "windows-1250"), Map.entry(0xC9, "windows-1251"),
            Map.entry(0xCA, "windows-1254"), Map.entry(0xCB, "windows-1253"), Map.entry(0xCC, "windows-1257"));

    private CodePages() {
    }

    /** The charset a language driver byte names, or null (0 and unknown bytes name none). */
    static Charset ofLanguageDriver(int ldid) {
        String name = LANGUAGE_DRIVERS.get(ldid);
        return name == null || !Charset.isSupported(name) ? null : Charset.forName(name);
    }

    /** The charset a {@code .cpg} file names; {@code where} names the file in the error. */
    static Charset ofCpg(String cpg, String where) {
        String text = cpg.strip();
        String upper = text.toUpperCase(Locale.ROOT).replace(" ", "");
        if (upper.equals("UTF-8") || upper.equals("UTF8") || upper.equals("65001")) {
            return StandardCharsets.UTF_8;
        }
        if (upper.equals("88591") || upper.equals("8859-1") || upper.equals("LATIN1")) {
            return StandardCharsets.ISO_8859_1;
        }
        if (upper.matches("8859[0-9]+")) {
            upper = "ISO-8859-" + upper.substring(4);
        } else if (upper.matches("(ANSI)?125[0-9]")) {
            upper = "windows-" + upper.replace("ANSI", "");
        } else if (upper.matches("(OEM)?[0-9]{3}")) {
            upper = "IBM" + upper.replace("OEM", "");
        }
        try {
            return Charset.forName(upper);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedFeatureException(where + ": code page '" + text + "' is unknown, expected one Java"
                    + " knows, such as UTF-8, 1252 or ISO-8859-1");
        }
    }
}
