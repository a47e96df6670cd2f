package org.cogcube.vrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cogcube.MalformedFileException;
import org.cogcube.SourceException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.raster.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad or unsupported VRTs fail with an exception whose message names the VRT, the source and the element. */
class RefusesClearlyTest {
    @TempDir
    Path dir;

    private static final String BAND_OPEN = "<VRTDataset rasterXSize=\"10\" rasterYSize=\"10\">\n"
            + "  <VRTRasterBand dataType=\"Byte\" band=\"1\">\n";
    private static final String BAND_CLOSE = "  </VRTRasterBand>\n</VRTDataset>\n";

    @Test
    void namesTheVrtAndTheSourceWhenAChunkIsMissing() throws IOException {
        Path vrt = dir.resolve("mosaic.vrt");
        Files.copy(Mosaics.path("u16/mosaic.vrt"), vrt);
        for (String chunk : new String[] {"chunk_r0_c0", "chunk_r0_c1", "chunk_r1_c0", "chunk_r1_c2"}) {
            Files.copy(Mosaics.path("u16/" + chunk + ".tif"), dir.resolve(chunk + ".tif"));
        }
        try (Vrt mosaic = Vrt.open(vrt)) {
            SourceException e = assertThrows(SourceException.class, () -> mosaic.read(Window.of(200, 250, 300, 100)));
            assertTrue(e.getMessage().contains(vrt.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("chunk_r1_c1.tif"), e.getMessage());
            assertTrue(e.location().endsWith("chunk_r1_c1.tif"), e.location());
        }
    }

    @Test
    void readsWindowsAwayFromAMissingChunkSinceOnlyTouchedChunksAreOpened() throws IOException {
        Path vrt = dir.resolve("mosaic.vrt");
        Files.copy(Mosaics.path("u16/mosaic.vrt"), vrt);
        Files.copy(Mosaics.path("u16/chunk_r0_c0.tif"), dir.resolve("chunk_r0_c0.tif"));
        try (Vrt mosaic = Vrt.open(vrt); Vrt complete = Vrt.open(Mosaics.path("u16/mosaic.vrt"))) {
            Window w = Window.of(10, 10, 200, 250);
            assertArrayEquals(Mosaics.bytes(complete.read(w), 0), Mosaics.bytes(mosaic.read(w), 0));
            assertTrue(mosaic.openedSources() == 1, "opened " + mosaic.openedSources() + " sources for one chunk");
        }
    }

    @Test
    void namesTheVrtWhenItsXmlIsMalformed() throws IOException {
        Path vrt = write("broken.vrt", BAND_OPEN + "    <SimpleSource><SourceFilename>x.tif</SourceFil");
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Vrt.open(vrt));
        assertTrue(e.getMessage().contains(vrt.toString()) && e.getMessage().contains("well-formed"), e.getMessage());
    }

    @Test
    void refusesADoctypeSoNoExternalEntityIsEverRead() throws IOException {
        Path secret = write("secret.txt", "do not read");
        Path vrt = write("xxe.vrt", "<?xml version=\"1.0\"?>\n<!DOCTYPE VRTDataset [<!ENTITY x SYSTEM \"file://"
                + secret + "\">]>\n" + BAND_OPEN + "    <Description>&x;</Description>\n" + BAND_CLOSE);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Vrt.open(vrt));
        assertTrue(e.getMessage().contains(vrt.toString()) && e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void refusesAVrtThatIsItsOwnSource() throws IOException {
        Path vrt = write("self.vrt", BAND_OPEN + source("self.vrt") + BAND_CLOSE);
        try (Vrt self = Vrt.open(vrt)) {
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> self.read(Window.full(10, 10)));
            assertTrue(e.getMessage().contains("its own source"), e.getMessage());
        }
    }

    @Test
    void refusesACycleThroughTwoVrts() throws IOException {
        write("b.vrt", BAND_OPEN + source("a.vrt") + BAND_CLOSE);
        Path a = write("a.vrt", BAND_OPEN + source("b.vrt") + BAND_CLOSE);
        try (Vrt vrt = Vrt.open(a)) {
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> vrt.read(Window.full(10, 10)));
            assertTrue(e.getMessage().contains("a.vrt -> ") && e.getMessage().contains("b.vrt"), e.getMessage());
        }
    }

    @Test
    void readsVrtsNestedFourDeepButRefusesDeeper() throws IOException {
        Files.copy(Mosaics.path("u16/chunk_r0_c0.tif"), dir.resolve("chunk.tif"));
        write("level0.vrt", BAND_OPEN.replace("Byte", "UInt16") + source("chunk.tif") + BAND_CLOSE);
        for (int i = 1; i <= 6; i++) {
            write("level" + i + ".vrt", BAND_OPEN.replace("Byte", "UInt16") + source("level" + (i - 1) + ".vrt")
                    + BAND_CLOSE);
        }
        try (Vrt four = Vrt.open(dir.resolve("level4.vrt")); Vrt chunk = Vrt.open(dir.resolve("level0.vrt"))) {
            assertArrayEquals(Mosaics.bytes(chunk.read(Window.full(10, 10)), 0),
                    Mosaics.bytes(four.read(Window.full(10, 10)), 0));
        }
        try (Vrt six = Vrt.open(dir.resolve("level6.vrt"))) {
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                    () -> six.read(Window.full(10, 10)));
            assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "KernelFilteredSource|<KernelFilteredSource><SourceFilename>x.tif</SourceFilename></KernelFilteredSource>",
        "LUT|<ComplexSource><SourceFilename>x.tif</SourceFilename><LUT>0:0,1:10</LUT></ComplexSource>",
        "ColorTableComponent|<ComplexSource><SourceFilename>x.tif</SourceFilename>"
                + "<ColorTableComponent>1</ColorTableComponent></ComplexSource>",
        "Exponent|<ComplexSource><SourceFilename>x.tif</SourceFilename><Exponent>2</Exponent></ComplexSource>",
        "AveragedSource|<AveragedSource><SourceFilename>x.tif</SourceFilename></AveragedSource>",
        "PixelFunctionType|<PixelFunctionType>sum</PixelFunctionType>",
        "mask|<SimpleSource><SourceFilename>x.tif</SourceFilename><SourceBand>mask,1</SourceBand></SimpleSource>",
        "OpenOptions|<SimpleSource><SourceFilename>x.tif</SourceFilename>"
                + "<OpenOptions><OOI key=\"OVERVIEW_LEVEL\">0</OOI></OpenOptions></SimpleSource>",
        "fractional DstRect|<SimpleSource><SourceFilename>x.tif</SourceFilename>"
                + "<SrcRect xOff='0' yOff='0' xSize='10' ySize='10'/><DstRect xOff='3.5' yOff='0' xSize='10' ySize='10'/>"
                + "</SimpleSource>",
        "/vsizip/|<SimpleSource><SourceFilename>/vsizip/a.zip/x.tif</SourceFilename></SimpleSource>",
    })
    void refusesWhatChangesPixelsInWaysNotImplementedNamingTheElementAndTheVrt(String element, String xml)
            throws IOException {
        Path vrt = write("unsupported.vrt", BAND_OPEN + "    " + xml + "\n" + BAND_CLOSE);
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> Vrt.open(vrt));
        assertTrue(e.getMessage().contains(element) && e.getMessage().contains(vrt.toString()), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VRTDerivedRasterBand|<VRTDataset rasterXSize='10' rasterYSize='10'>"
                + "<VRTRasterBand dataType='Byte' band='1' subClass='VRTDerivedRasterBand'/></VRTDataset>",
        "VRTWarpedDataset|<VRTDataset rasterXSize='10' rasterYSize='10' subClass='VRTWarpedDataset'>"
                + "<VRTRasterBand dataType='Byte' band='1'/></VRTDataset>",
        "CFloat32|<VRTDataset rasterXSize='10' rasterYSize='10'><VRTRasterBand dataType='CFloat32' band='1'/>"
                + "</VRTDataset>",
        "EPSG|<VRTDataset rasterXSize='10' rasterYSize='10'><SRS>LOCAL_CS[\"engineering\",UNIT[\"metre\",1]]</SRS>"
                + "<VRTRasterBand dataType='Byte' band='1'/></VRTDataset>",
        "different data types|<VRTDataset rasterXSize='10' rasterYSize='10'><VRTRasterBand dataType='Byte'/>"
                + "<VRTRasterBand dataType='UInt16'/></VRTDataset>",
    })
    void refusesUnsupportedDatasetsAndBandsNamingWhatAndWhere(String what, String xml) throws IOException {
        Path vrt = write("unsupported.vrt", xml);
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> Vrt.open(vrt));
        assertTrue(e.getMessage().contains(what) && e.getMessage().contains(vrt.toString()), e.getMessage());
    }

    @Test
    void refusesASourceBandTheSourceDoesNotHave() throws IOException {
        Files.copy(Mosaics.path("u16/chunk_r0_c0.tif"), dir.resolve("chunk.tif"));
        Path vrt = write("band3.vrt", BAND_OPEN + "    <SimpleSource><SourceFilename relativeToVRT=\"1\">chunk.tif"
                + "</SourceFilename><SourceBand>3</SourceBand></SimpleSource>\n" + BAND_CLOSE);
        try (Vrt v = Vrt.open(vrt)) {
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> v.read(Window.full(10, 10)));
            assertTrue(e.getMessage().contains("SourceBand 3") && e.getMessage().contains(vrt.toString()),
                    e.getMessage());
        }
    }

    @Test
    void refusesARootOtherThanVrtDataset() throws IOException {
        Path vrt = write("other.vrt", "<svg/>");
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Vrt.open(vrt));
        assertTrue(e.getMessage().contains("VRTDataset") && e.getMessage().contains("svg"), e.getMessage());
    }

    private static String source(String name) {
        return "    <SimpleSource><SourceFilename relativeToVRT=\"1\">" + name + "</SourceFilename>"
                + "<SourceBand>1</SourceBand><SrcRect xOff=\"0\" yOff=\"0\" xSize=\"10\" ySize=\"10\"/>"
                + "<DstRect xOff=\"0\" yOff=\"0\" xSize=\"10\" ySize=\"10\"/></SimpleSource>\n";
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
