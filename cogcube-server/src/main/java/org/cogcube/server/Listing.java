package org.cogcube.server;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The HTML index of a folder, sent only when listings are enabled: one link per servable entry
 * (hidden names and links leaving the root left out), folders first, in the plain
 * {@code <a href="name">} form that GDAL's {@code /vsicurl/} directory reader understands.
 */
final class Listing {

    private Listing() {
    }

    static String html(SafePaths paths, Path folder, String requestPath) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(paths::servable)
                    .sorted((a, b) -> {
                        boolean da = Files.isDirectory(a);
                        boolean db = Files.isDirectory(b);
                        return da != db ? (da ? -1 : 1) : a.getFileName().compareTo(b.getFileName());
                    })
                    .toList();
        }
        String title = "Index of " + escape(requestPath);
        StringBuilder html = new StringBuilder(256 + 96 * entries.size());
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head>\n<body><h1>").append(title).append("</h1><hr><pre>\n");
        if (!requestPath.equals("/")) {
            html.append("<a href=\"../\">../</a>\n");
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString() + (Files.isDirectory(entry) ? "/" : "");
            String href = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
            html.append("<a href=\"").append(href).append("\">").append(escape(name)).append("</a>");
            if (!Files.isDirectory(entry)) {
                html.append(" ".repeat(Math.max(1, 50 - name.length()))).append(Files.size(entry));
            }
            html.append('\n');
        }
        return html.append("</pre><hr></body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
