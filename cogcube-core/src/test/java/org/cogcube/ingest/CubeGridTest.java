package org.cogcube.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cogcube.CogcubeException;
import org.cogcube.catalog.Catalogs;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GridGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CubeGridTest {
    @TempDir
    Path dir;

    @Test
    void createsGridAndEmptyCataloguesThatReadBack() {
        assertTrue(CubeGrid.create(dir, LandsatCube.GRID));
        assertEquals(LandsatCube.GRID, CubeGrid.grid(dir));
        assertEquals(333, LandsatCube.GRID.width());
        assertEquals(336, LandsatCube.GRID.height());
        assertTrue(Catalogs.open(dir.resolve(Catalogs.STAC_FILE).toString()).acquisitions().isEmpty());
        assertTrue(Catalogs.open(dir.resolve(Catalogs.SIMPLE_FILE).toString()).acquisitions().isEmpty());
    }

    @Test
    void createAgainWithTheSameGridChangesNothing() throws Exception {
        CubeGrid.create(dir, LandsatCube.GRID);
        byte[] before = Files.readAllBytes(dir.resolve(CubeGrid.FILE));
        assertFalse(CubeGrid.create(dir, LandsatCube.GRID));
        assertEquals(new String(before), Files.readString(dir.resolve(CubeGrid.FILE)));
    }

    @Test
    void refusesToRecreateWithAnotherGrid() {
        CubeGrid.create(dir, LandsatCube.GRID);
        GridGeometry other = CubeGrid.grid(Crs.epsg(32725), 10, 10, LandsatCube.BOUNDS);
        CogcubeException e = assertThrows(CogcubeException.class, () -> CubeGrid.create(dir, other));
        assertTrue(e.getMessage().contains("already a cube of another grid"), e.getMessage());
    }

    @Test
    void refusesBoundsThatAreNotWholePixels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CubeGrid.grid(Crs.epsg(32630), 10, 10, new double[] {0, 0, 105, 100}));
        assertTrue(e.getMessage().contains("not a whole number of pixels of 10"), e.getMessage());
    }

    @Test
    void ingestIntoAFolderThatIsNoCubeSaysSo() {
        CogcubeException e = assertThrows(CogcubeException.class, () -> Ingest.run(dir, LandsatCube.DATE,
                LandsatCube.bands(), IngestOptions.defaults()));
        assertTrue(e.getMessage().contains("is not a cube"), e.getMessage());
    }
}
