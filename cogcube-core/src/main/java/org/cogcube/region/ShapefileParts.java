package org.cogcube.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.cogcube.InvalidRegionException;
import org.cogcube.MalformedFileException;

/**
 * The files of one shapefile, in memory: the {@code .shp} and, when present, its {@code .dbf},
 * {@code .prj} and {@code .cpg} (same base name, extension in any case); the {@code .shx} index is not
 * needed. Read from a folder or from a zip holding exactly one {@code .shp}, without unpacking it.
 * Each file may be at most {@value #MAX_BYTES} bytes, so that a huge or zip-bombed file is refused
 * before it fills the memory.
 *
 * @param name the {@code .shp}'s path, for messages
 * @param shp the main file
 * @param dbf the attribute table, or null
 * @param prj the CRS text, or null
 * @param cpg the code page text, or null
 */
record ShapefileParts(String name, byte[] shp, byte[] dbf, String prj, String cpg) {

    static final int MAX_BYTES = 64 << 20;

    /** Whether a path names a shapefile or a zip, by its extension. */
    static boolean isShapefile(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".shp") || lower.endsWith(".zip");
    }

    /** Reads a {@code .shp} and its siblings, or a {@code .zip} holding one. */
    static ShapefileParts read(Path file) {
        try {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") ? fromZip(file)
                    : fromFolder(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shapefile " + file + ": " + e.getMessage(), e);
        }
    }

    private static ShapefileParts fromFolder(Path shp) throws IOException {
        String base = base(shp.getFileName().toString());
        Path folder = shp.toAbsolutePath().getParent();
        List<Path> siblings;
        try (Stream<Path> listing = Files.list(folder)) {
            siblings = listing.filter(p -> base(p.getFileName().toString()).equals(base)).toList();
        }
        return new ShapefileParts(shp.toString(), bytes(Files.newInputStream(shp), shp.toString()),
                sibling(siblings, ".dbf"), text(sibling(siblings, ".prj")), text(sibling(siblings, ".cpg")));
    }

    private static byte[] sibling(List<Path> siblings, String extension) throws IOException {
        for (Path p : siblings) {
            if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
                return bytes(Files.newInputStream(p), p.toString());
            }
        }
        return null;
    }

    private static ShapefileParts fromZip(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && !name.startsWith("__MACOSX/") && !leaf(name).startsWith("._")) {
                    entries.add(entry);
                }
            }
            List<ZipEntry> shps = entries.stream().filter(e -> e.getName().toLowerCase(Locale.ROOT).endsWith(".shp"))
                    .toList();
            if (shps.isEmpty()) {
                throw new InvalidRegionException(zip + ": no .shp file among its " + entries.size()
                        + " files, expected exactly one");
            }
            if (shps.size() > 1) {
                throw new InvalidRegionException(zip + ": " + shps.size() + " .shp files ("
                        + String.join(", ", shps.stream().map(ZipEntry::getName).toList())
                        + "), expected exactly one");
            }
            String shp = shps.get(0).getName();
            String base = base(shp);
            List<ZipEntry> siblings = entries.stream().filter(e -> base(e.getName()).equals(base)).toList();
            String name = zip + "!" + shp;
            return new ShapefileParts(name, bytes(z.getInputStream(shps.get(0)), name), entry(z, siblings, ".dbf", zip),
                    text(entry(z, siblings, ".prj", zip)), text(entry(z, siblings, ".cpg", zip)));
        } catch (ZipException e) {
            throw new MalformedFileException(zip + ": not a readable zip: " + e.getMessage(), e);
        }
    }

    private static byte[] entry(ZipFile z, List<ZipEntry> siblings, String extension, Path zip) throws IOException {
        for (ZipEntry e : siblings) {
            if (e.getName().toLowerCase(Locale.ROOT).endsWith(extension)) {
                return bytes(z.getInputStream(e), zip + "!" + e.getName());
            }
        }
        return null;
    }

    /** All of a stream, refusing more than {@link #MAX_BYTES}. */
    private static byte[] bytes(InputStream stream, String name) throws IOException {
        try (InputStream in = stream) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidRegionException(name + ": more than " + MAX_BYTES + " bytes, expected a region's"
                        + " shapefile of at most " + (MAX_BYTES >> 20) + " MiB");
            }
            return bytes;
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A path without its extension, lower case: what the files of one shapefile share. */
    private static String base(String path) {
        int dot = path.lastIndexOf('.');
        return (dot > path.lastIndexOf('/') ? path.substring(0, dot) : path).toLowerCase(Locale.ROOT);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
