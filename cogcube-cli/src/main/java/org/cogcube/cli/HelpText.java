package org.cogcube.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Commands' descriptions are written as lines of source of about 100 characters, but picocli wraps
 * each element of a description on its own at the terminal's usage width (80 columns), which cut
 * every line in two. The lines are joined into paragraphs here (an empty element separates them),
 * for picocli to wrap, and the first sentence stands alone on the first line, which the list of
 * commands shows.
 */
final class HelpText {
    private HelpText() {
    }

    static void paragraphs(UsageMessageSpec usage) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : usage.description()) {
            if (line.isBlank()) {
                flush(paragraph, out);
                out.add("");
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        flush(paragraph, out);
        if (!out.isEmpty()) {
            String first = out.get(0);
            int end = firstSentenceEnd(first);
            if (end > 0 && end < first.length()) {
                out.set(0, first.substring(0, end));
                out.add(1, first.substring(end).strip());
            }
        }
        usage.description(out.toArray(String[]::new));
    }

    private static void flush(StringBuilder paragraph, List<String> out) {
        if (paragraph.length() > 0) {
            out.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }

    /** The index after the first sentence's full stop (one followed by a space), or -1. */
    static int firstSentenceEnd(String text) {
        for (int i = text.indexOf(". "); i >= 0; i = text.indexOf(". ", i + 1)) {
            if (!text.startsWith("e.g", Math.max(0, i - 3)) && !text.startsWith("i.e", Math.max(0, i - 3))) {
                return i + 1;
            }
        }
        return -1;
    }
}
