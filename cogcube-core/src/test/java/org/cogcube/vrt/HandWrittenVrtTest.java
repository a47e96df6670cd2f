package org.cogcube.vrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cogcube.raster.Window;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.GdalInfo;
import org.junit.jupiter.api.Test;

/**
 * VRTs written by hand over the mosaics' rasters, each exercising one part of the format, read
 * as GDAL reads them: scaling, overlapping sources, type conversion, absolute paths, resampled
 * sources, sources reaching past their raster, nested VRTs.
 */
class HandWrittenVrtTest {

    private static final String HEADER = "<VRTDataset rasterXSize=\"%d\" rasterYSize=\"%d\">\n"
            + "  <SRS>EPSG:32630</SRS>\n"
            + "  <GeoTransform>600000, 10, 0, 800000, 0, -10</GeoTransform>\n";

    @Test
    void scalesOverlappingSourcesIntoAByteBandClampingAndRoundingAsGdal() {
        assertReadsAsGdal("scaled_overlap_byte.vrt", HEADER.formatted(700, 500) + """
                  <VRTRasterBand dataType="Byte" band="1">
                    <NoDataValue>200</NoDataValue>
                    <ComplexSource>
                      <SourceFilename relativeToVRT="1">u16/chunk_r0_c0.tif</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <SrcRect xOff="0" yOff="0" xSize="256" ySize="300"/>
                      <DstRect xOff="0" yOff="0" xSize="256" ySize="300"/>
                      <ScaleOffset>-3.5</ScaleOffset>
                      <ScaleRatio>0.0625</ScaleRatio>
                    </ComplexSource>
                    <ComplexSource>
                      <SourceFilename relativeToVRT="1">u16/chunk_r0_c1.tif</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <SrcRect xOff="10" yOff="20" xSize="200" ySize="250"/>
                      <DstRect xOff="100" yOff="50" xSize="200" ySize="250"/>
                      <NODATA>0</NODATA>
                      <ScaleOffset>0.5</ScaleOffset>
                      <ScaleRatio>0.01</ScaleRatio>
                    </ComplexSource>
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">overlap/b.tif</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <SrcRect xOff="0" yOff="0" xSize="150" ySize="100"/>
                      <DstRect xOff="250" yOff="280" xSize="150" ySize="100"/>
                    </SimpleSource>
                  </VRTRasterBand>
                </VRTDataset>
                """);
    }

    @Test
    void scalesIntoSignedAndFloatBandsInGdalsWorkingPrecision() {
        String source = """
                    <ComplexSource>
                      <SourceFilename relativeToVRT="1">u16/chunk_r1_c2.tif</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <NODATA>0</NODATA>
                      <ScaleOffset>-1000.25</ScaleOffset>
                      <ScaleRatio>-0.3333333</ScaleRatio>
                    </ComplexSource>
                """;
        for (String type : List.of("Int16", "Float32", "Float64", "Int32", "UInt32")) {
            assertReadsAsGdal("scaled_" + type + ".vrt", HEADER.formatted(188, 200)
                    + "  <VRTRasterBand dataType=\"" + type + "\" band=\"1\">\n" + source
                    + "  </VRTRasterBand>\n</VRTDataset>\n");
        }
    }

    @Test
    void convertsFloatSourcesIntoIntegerBandsAsGdal() {
        for (String type : List.of("UInt16", "Byte", "Float64")) {
            assertReadsAsGdal("f32_as_" + type + ".vrt", HEADER.formatted(350, 250)
                    + "  <VRTRasterBand dataType=\"" + type + "\" band=\"1\">\n"
                    + "    <SimpleSource><SourceFilename relativeToVRT=\"1\">f32/chunk_r0_c0.tif</SourceFilename>"
                    + "<SourceBand>1</SourceBand></SimpleSource>\n"
                    + "  </VRTRasterBand>\n</VRTDataset>\n");
        }
    }

    @Test
    void readsSourcesNamedByAbsolutePathsNotRelativeToTheVrt() {
        StringBuilder sources = new StringBuilder();
        int[][] rects = {{0, 0, 256, 300}, {256, 0, 256, 300}, {0, 300, 256, 200}, {256, 300, 256, 200}};
        String[] chunks = {"chunk_r0_c0", "chunk_r0_c1", "chunk_r1_c0", "chunk_r1_c1"};
        for (int i = 0; i < 4; i++) {
            int[] r = rects[i];
            sources.append("    <SimpleSource><SourceFilename relativeToVRT=\"0\">")
                    .append(Mosaics.path("u16/" + chunks[i] + ".tif").toAbsolutePath())
                    .append("</SourceFilename><SourceBand>1</SourceBand>")
                    .append("<SrcRect xOff=\"0\" yOff=\"0\" xSize=\"").append(r[2]).append("\" ySize=\"").append(r[3])
                    .append("\"/><DstRect xOff=\"").append(r[0]).append("\" yOff=\"").append(r[1])
                    .append("\" xSize=\"").append(r[2]).append("\" ySize=\"").append(r[3]).append("\"/>")
                    .append("</SimpleSource>\n");
        }
        Path vrt = write("sub/absolute.vrt", HEADER.formatted(512, 500) + "  <VRTRasterBand dataType=\"UInt16\">\n"
                + sources + "  </VRTRasterBand>\n</VRTDataset>\n");
        assertReadsAsGdal(vrt);
    }

    @Test
    void resamplesSourcesOfAnotherSizeByNearestNeighbourAsGdal() {
        assertReadsAsGdal("resampled.vrt", HEADER.formatted(400, 300) + """
                  <VRTRasterBand dataType="UInt16" band="1">
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">u16/full.tif</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <SrcRect xOff="5" yOff="7" xSize="100" ySize="80"/>
                      <DstRect xOff="0" yOff="0" xSize="200" ySize="160"/>
                    </SimpleSource>
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">u16/full.tif</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <SrcRect xOff="300" yOff="100" xSize="300" ySize="300"/>
                      <DstRect xOff="200" yOff="0" xSize="200" ySize="150"/>
                    </SimpleSource>
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">u16/full.tif</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <SrcRect xOff="0" yOff="0" xSize="70" ySize="50"/>
                      <DstRect xOff="10" yOff="170" xSize="210" ySize="110"/>
                    </SimpleSource>
                  </VRTRasterBand>
                </VRTDataset>
                """);
    }

    @Test
    void readsFractionalSrcRectsCopiedOrResampledAsGdal() {
        assertReadsAsGdal("fractional_srcrect.vrt", HEADER.formatted(300, 200) + """
                  <VRTRasterBand dataType="UInt16" band="1">
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">u16/full.tif</SourceFilename>
                      <SrcRect xOff="10.5" yOff="20.25" xSize="100" ySize="80"/>
                      <DstRect xOff="0" yOff="0" xSize="100" ySize="80"/>
                    </SimpleSource>
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">u16/full.tif</SourceFilename>
                      <SrcRect xOff="7.2" yOff="3.9" xSize="33.3" ySize="21.1"/>
                      <DstRect xOff="100" yOff="0" xSize="99" ySize="63"/>
                    </SimpleSource>
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">u16/full.tif</SourceFilename>
                      <SrcRect xOff="0.7" yOff="0.2" xSize="400.6" ySize="300.3"/>
                      <DstRect xOff="101" yOff="81" xSize="150" ySize="100"/>
                    </SimpleSource>
                  </VRTRasterBand>
                </VRTDataset>
                """);
    }

    @Test
    void paintsOnlyThePartOfASourceRectThatLiesInsideItsRaster() {
        assertReadsAsGdal("past_the_edge.vrt", HEADER.formatted(300, 300) + """
                  <VRTRasterBand dataType="UInt16" band="1">
                    <NoDataValue>9</NoDataValue>
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">u16/chunk_r1_c2.tif</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <SrcRect xOff="-20" yOff="100" xSize="250" ySize="150"/>
                      <DstRect xOff="10" yOff="20" xSize="250" ySize="150"/>
                    </SimpleSource>
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">u16/chunk_r1_c2.tif</SourceFilename>
                      <DstRect xOff="150" yOff="200" xSize="188" ySize="200"/>
                    </SimpleSource>
                  </VRTRasterBand>
                </VRTDataset>
                """);
    }

    @Test
    void readsAVrtWhoseSourcesAreVrts() {
        write("nested_inner.vrt", HEADER.formatted(700, 500) + """
                  <VRTRasterBand dataType="UInt16" band="1">
                    <ComplexSource>
                      <SourceFilename relativeToVRT="1">u16/mosaic.vrt</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <ScaleRatio>2</ScaleRatio>
                    </ComplexSource>
                  </VRTRasterBand>
                </VRTDataset>
                """);
        assertReadsAsGdal("nested_outer.vrt", HEADER.formatted(400, 300) + """
                  <VRTRasterBand dataType="Int32" band="1">
                    <SimpleSource>
                      <SourceFilename relativeToVRT="1">nested_inner.vrt</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <SrcRect xOff="150" yOff="150" xSize="400" ySize="300"/>
                      <DstRect xOff="0" yOff="0" xSize="400" ySize="300"/>
                    </SimpleSource>
                    <ComplexSource>
                      <SourceFilename relativeToVRT="1">overlap/mosaic_nodata.vrt</SourceFilename>
                      <SourceBand>1</SourceBand>
                      <SrcRect xOff="250" yOff="150" xSize="100" ySize="100"/>
                      <DstRect xOff="50" yOff="50" xSize="100" ySize="100"/>
                      <NODATA>7</NODATA>
                    </ComplexSource>
                  </VRTRasterBand>
                </VRTDataset>
                """);
    }

    static Path write(String name, String xml) {
        try {
            Path file = Mosaics.path(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertReadsAsGdal(String name, String xml) {
        assertReadsAsGdal(write(name, xml));
    }

    /** Every band, whole and in a few windows, equals what GDAL reads. */
    static void assertReadsAsGdal(Path file) {
        String path = file.toString();
        GdalInfo info = Gdal.info(path);
        try (Vrt vrt = Vrt.open(path)) {
            assertEquals(info.band(1).dataType(), vrt.type().gdalName(), "data type");
            int w = info.width();
            int h = info.height();
            List<Window> windows = List.of(Window.full(w, h), Window.of(w / 3, h / 4, w / 2, h / 2),
                    Window.of(w - 7, h - 5, 7, 5), Window.of(w / 2, h / 2, 1, 1));
            for (int band = 0; band < vrt.bandCount(); band++) {
                byte[] expected = Gdal.readWindowRaw(path, band + 1, 0, 0, w, h, -1);
                for (Window win : windows) {
                    assertArrayEquals(Mosaics.slice(expected, w, vrt.type().bytes(), win),
                            Mosaics.bytes(vrt.read(win, band), 0), file.getFileName() + " band " + (band + 1) + " " + win);
                }
            }
        }
    }
}
