package org.cogcube.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cogcube.catalog.Catalogs;

/**
 * Finds and deletes what no catalogue of a cube references: generations of layer files replaced
 * by an earlier ingest, and temporary files a killed ingest left. Run under the cube's lock, before
 * anything new is written, so it never touches a file of the current catalogues nor one being
 * written.
 */
final class Garbage {
    /** A generation: {@code LAYER[.rRcC].HASH.tif|vrt}. */
    static final Pattern GENERATION = Pattern.compile(".+\\.[0-9a-f]{" + Durable.HASH_DIGITS + "}\\.(tif|vrt)");
    /** A date folder. */
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A temporary file of cogcube's (ingest, COG writer, atomic catalogue writes). */
    static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(tmp|partial)");
    private static final Pattern SOURCE = Pattern.compile("<SourceFilename[^>]*>([^<]+)</SourceFilename>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Garbage() {
    }

    /** Deletes the garbage of a cube; returns how many files went. */
    static int collect(Path cube) throws IOException {
        Set<Path> referenced = referenced(cube);
        int deleted = 0;
        deleted += deleteTemporaries(cube);
        try (DirectoryStream<Path> dates = Files.newDirectoryStream(cube)) {
            for (Path date : dates) {
                if (!Files.isDirectory(date) || !DATE.matcher(date.getFileName().toString()).matches()) {
                    continue;
                }
                deleted += deleteTemporaries(date);
                try (DirectoryStream<Path> files = Files.newDirectoryStream(date)) {
                    for (Path f : files) {
                        if (GENERATION.matcher(f.getFileName().toString()).matches()
                                && !referenced.contains(f.toAbsolutePath().normalize())) {
                            Durable.deleteQuietly(f);
                            deleted++;
                        }
                    }
                }
                try (DirectoryStream<Path> left = Files.newDirectoryStream(date)) {
                    if (!left.iterator().hasNext()) {
                        Durable.deleteQuietly(date);
                    }
                }
            }
        }
        return deleted;
    }

    private static int deleteTemporaries(Path folder) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && TEMPORARY.matcher(f.getFileName().toString()).matches()) {
                    Durable.deleteQuietly(f);
                    n++;
                }
            }
        }
        return n;
    }

    /** Every local file either catalogue names, with the chunks of the VRTs among them. */
    static Set<Path> referenced(Path cube) throws IOException {
        Set<Path> files = new HashSet<>();
        for (String name : new String[] {Catalogs.STAC_FILE, Catalogs.SIMPLE_FILE}) {
            Path catalogue = cube.resolve(name);
            if (Files.exists(catalogue)) {
                collectHrefs(JSON.readTree(Files.readAllBytes(catalogue)), cube.toAbsolutePath().normalize().toUri(),
                        files);
            }
        }
        for (Path f : Set.copyOf(files)) {
            if (f.getFileName().toString().endsWith(".vrt") && Files.exists(f)) {
                Matcher m = SOURCE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    files.add(f.getParent().resolve(m.group(1).strip()).toAbsolutePath().normalize());
                }
            }
        }
        return files;
    }

    /** Every string of the JSON that resolves to a local file (hrefs, and the simple catalogue's URLs). */
    private static void collectHrefs(JsonNode node, URI base, Set<Path> out) {
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.endsWith(".tif") || s.endsWith(".vrt")) {
                try {
                    URI u = base.resolve(s);
                    if ("file".equals(u.getScheme())) {
                        out.add(Path.of(u).toAbsolutePath().normalize());
                    }
                } catch (IllegalArgumentException e) {
                    // not a URI: not a file of ours
                }
            }
            return;
        }
        for (JsonNode child : node) {
            collectHrefs(child, base, out);
        }
    }
}
