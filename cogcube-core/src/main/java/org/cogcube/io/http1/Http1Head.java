package org.cogcube.io.http1;

import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response's status line and headers, and what they say about its body and its connection.
 *
 * @param http10 whether the server speaks HTTP/1.0
 * @param status the status code
 * @param headers the header fields
 */
record Http1Head(boolean http10, int status, HttpHeaders headers) {
    /** The most header lines accepted in one response. */
    static final int MAX_FIELDS = 200;

    /** How the body of a response ends. */
    enum Framing {
        /** There is none (a HEAD request, 1xx, 204 or 304). */
        NONE,
        /** After {@code Content-Length} bytes. */
        LENGTH,
        /** After a chunk of size 0 and the trailer, in the {@code chunked} transfer coding. */
        CHUNKED,
        /** When the server closes the connection. */
        CLOSE
    }

    /**
     * Reads the head of the next final response, skipping interim (1xx) ones.
     *
     * @throws EOFException when the connection closes before a status line
     */
    static Http1Head read(Http1Connection connection) throws IOException {
        while (true) {
            Http1Head head = readOne(connection);
            if (head.status() >= 200 || head.status() == 101) {
                return head;
            }
        }
    }

    private static Http1Head readOne(Http1Connection connection) throws IOException {
        String line = connection.readLine();
        if (line == null) {
            throw new EOFException("expected a response from " + connection.origin
                    + ", found the connection closed");
        }
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' '
                || !Character.isDigit(line.charAt(9)) || !Character.isDigit(line.charAt(10))
                || !Character.isDigit(line.charAt(11)) || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new IOException("expected an HTTP/1.1 status line from " + connection.origin + ", found "
                    + printable(line));
        }
        int status = Integer.parseInt(line, 9, 12, 10);
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String last = null;
        for (int count = 0; ; count++) {
            String field = connection.readLine();
            if (field == null) {
                throw new EOFException("expected the headers of a response from " + connection.origin
                        + ", found the connection closed");
            }
            if (field.isEmpty()) {
                break;
            }
            if (count >= MAX_FIELDS) {
                throw new IOException("expected at most " + MAX_FIELDS + " header lines from " + connection.origin
                        + ", found more");
            }
            if ((field.charAt(0) == ' ' || field.charAt(0) == '\t') && last != null) { // obsolete line folding
                List<String> values = fields.get(last);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + field.strip());
                continue;
            }
            int colon = field.indexOf(':');
            if (colon <= 0) {
                throw new IOException("expected a header line NAME: VALUE from " + connection.origin + ", found "
                        + printable(field));
            }
            last = field.substring(0, colon).strip();
            fields.computeIfAbsent(last, key -> new ArrayList<>(1)).add(field.substring(colon + 1).strip());
        }
        return new Http1Head(line.charAt(7) == '0', status, HttpHeaders.of(fields, (name, value) -> true));
    }

    /** How the body ends, for a request with {@code method}. */
    Framing framing(String method) throws IOException {
        if (method.equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return Framing.NONE;
        }
        List<String> codings = headers.allValues("Transfer-Encoding");
        if (!codings.isEmpty()) {
            String all = String.join(",", codings);
            String lastCoding = all.substring(all.lastIndexOf(',') + 1).strip();
            return lastCoding.equalsIgnoreCase("chunked") ? Framing.CHUNKED : Framing.CLOSE;
        }
        return contentLength() >= 0 ? Framing.LENGTH : Framing.CLOSE;
    }

    /** The {@code Content-Length}, or -1 without one. */
    long contentLength() throws IOException {
        List<String> values = headers.allValues("Content-Length");
        long length = -1;
        for (String value : values) {
            for (String part : value.split(",")) {
                long n;
                try {
                    n = Long.parseLong(part.strip());
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 0 || (length >= 0 && n != length)) {
                    throw new IOException("expected one Content-Length, a number, found " + values);
                }
                length = n;
            }
        }
        return length;
    }

    /** Whether the server keeps the connection open after this response. */
    boolean persistent() {
        boolean close = false;
        boolean keepAlive = false;
        for (String value : headers.allValues("Connection")) {
            for (String token : value.split(",")) {
                String t = token.strip().toLowerCase(Locale.ROOT);
                close |= t.equals("close");
                keepAlive |= t.equals("keep-alive");
            }
        }
        return !close && (!http10 || keepAlive);
    }

    static String printable(String line) {
        String cut = line.length() > 60 ? line.substring(0, 60) + "..." : line;
        StringBuilder s = new StringBuilder(cut.length() + 2).append('"');
        for (char c : cut.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return s.append('"').toString();
    }
}
