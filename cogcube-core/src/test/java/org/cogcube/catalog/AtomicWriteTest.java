package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cogcube.CogcubeException;
import org.cogcube.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogues are replaced atomically: a reader sees the old one or the new, never part of one. */
class AtomicWriteTest {
    @TempDir
    Path folder;

    /** A cube of {@code dates} dates of two layers, big enough that a write takes many system calls. */
    static Catalog cube(int dates, Path folder) {
        List<Acquisition> acquisitions = new ArrayList<>();
        LocalDate date = LocalDate.of(2018, 1, 2);
        for (int d = 0; d < dates; d++, date = date.plusDays(5)) {
            URI dir = folder.toUri().resolve(date + "/");
            acquisitions.add(Acquisition.of(date, List.of(
                    Asset.of("B04", dir.resolve("B04.tif")).withGrid(TestCube.GRID_10M),
                    Asset.of("B11", dir.resolve("B11.tif")).withGrid(TestCube.GRID_20M))));
        }
        return Catalog.of(List.of(Sentinel2.layer("B04"), Sentinel2.layer("B11")), acquisitions);
    }

    @Test
    void readersNeverSeeAHalfWrittenCatalogue() throws Exception {
        Catalog small = cube(3, folder);
        Catalog big = cube(400, folder);
        Catalogs.write(small, folder);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    int n = Catalogs.open(folder.resolve(Catalogs.STAC_FILE).toString()).acquisitions().size();
                    if (n != 3 && n != 400) {
                        throw new AssertionError("read a catalogue of " + n + " dates");
                    }
                    Catalogs.open(folder.resolve(Catalogs.SIMPLE_FILE).toString(),
                            ReadOptions.defaults().withLayerNames(List.of("B04", "B11")));
                    reads.incrementAndGet();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    return;
                }
            }
        });
        reader.start();
        for (int i = 0; i < 40 && failure.get() == null; i++) {
            Catalogs.write(i % 2 == 0 ? big : small, folder);
        }
        done.set(true);
        reader.join();
        if (failure.get() != null) {
            throw new AssertionError("a reader failed after " + reads.get() + " reads", failure.get());
        }
        assertEquals(Set.of(Catalogs.STAC_FILE, Catalogs.SIMPLE_FILE), files(), "no temporary file is left");
    }

    @Test
    void aNewCatalogueIsReadableByAWebServerAndAReplacedOneKeepsItsPermissions() throws Exception {
        Catalogs.write(cube(2, folder), folder);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(Catalogs.STAC_FILE))));
        Files.setPosixFilePermissions(folder.resolve(Catalogs.STAC_FILE), PosixFilePermissions.fromString("rw-r-----"));
        Catalogs.write(cube(3, folder), folder);
        assertEquals("rw-r-----", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(Catalogs.STAC_FILE))));
    }

    @Test
    void aCatalogueTheSimpleFormatCannotHoldChangesNothing() throws Exception {
        Catalogs.write(cube(2, folder), folder);
        String before = Files.readString(folder.resolve(Catalogs.STAC_FILE));
        Catalog gappy = cube(3, folder).with(Acquisition.of(LocalDate.of(2019, 1, 1),
                List.of(Asset.of("B04", folder.resolve("x.tif").toUri()))));
        assertThrows(UnsupportedFeatureException.class, () -> Catalogs.write(gappy, folder));
        assertEquals(before, Files.readString(folder.resolve(Catalogs.STAC_FILE)));
        assertEquals(Set.of(Catalogs.STAC_FILE, Catalogs.SIMPLE_FILE), files());
    }

    @Test
    void writingIntoAMissingFolderSaysSo() {
        Path missing = folder.resolve("nope");
        CogcubeException e = assertThrows(CogcubeException.class, () -> Catalogs.write(cube(1, missing), missing));
        assertEquals("cannot write the catalogues into " + missing + ": expected a folder, found nothing", e.getMessage());
    }

    private Set<String> files() throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
