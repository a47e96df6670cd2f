package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cogcube.MalformedCatalogException;
import org.cogcube.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;

/** Every malformed catalogue fails with a message that names the catalogue and the place. */
class MalformedCatalogTest {
    static final String WHERE = "/srv/cubes/ghana/catalog.json";

    static MalformedCatalogException fails(String json) {
        return fails(json, ReadOptions.defaults());
    }

    static MalformedCatalogException fails(String json, ReadOptions options) {
        return assertThrows(MalformedCatalogException.class,
                () -> Catalogs.read(json.getBytes(StandardCharsets.UTF_8), WHERE, options));
    }

    /** One STAC item of the given id, datetime (a JSON value) and assets (a JSON object's members). */
    static String stac(String items) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + items + "]}";
    }

    static String item(String id, String datetime, String assets) {
        return "{\"type\": \"Feature\", \"id\": \"" + id + "\", \"properties\": {\"datetime\": " + datetime
                + "}, \"assets\": {" + assets + "}}";
    }

    static String asset(String name, String href) {
        return "\"" + name + "\": {\"href\": \"" + href + "\", \"roles\": [\"data\"]}";
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        MalformedCatalogException e = fails("{\n  \"2018-01-02\": [\"a.tif\",\n  \"b.tif\"\n");
        assertEquals(WHERE, e.location());
        assertEquals(WHERE + ": malformed JSON at line 4, column 1: Unexpected end-of-input: expected close marker"
                + " for Array (start marker at [line: 2, column: 17])", e.getMessage());
    }

    @Test
    void anEmptyFileIsMalformed() {
        assertEquals(WHERE + ": malformed JSON: the file is empty (expected a JSON object)", fails("").getMessage());
    }

    @Test
    void somethingElseThanACatalogueIsNamed() {
        assertEquals(WHERE + ": expected a STAC ItemCollection (an object with \"type\": \"FeatureCollection\") or a"
                + " simple catalogue (an object mapping dates to lists of URLs), found an array", fails("[1, 2]").getMessage());
        assertEquals(WHERE + ": expected a STAC ItemCollection (type \"FeatureCollection\") or Item (type \"Feature\"),"
                + " found type \"Catalog\"", fails("{\"type\": \"Catalog\", \"links\": []}").getMessage());
    }

    @Test
    void aMissingDatetimeNamesTheItem() {
        assertEquals(WHERE + ": item 'S2A_30NVL_20180102': expected properties.datetime, an RFC 3339 date and time such"
                + " as 2018-01-02T10:40:21Z, found null",
                fails(stac(item("S2A_30NVL_20180102", "null", asset("B04", "a.tif")))).getMessage());
    }

    @Test
    void aDatetimeThatDoesNotParseNamesTheItem() {
        assertEquals(WHERE + ": item 'x': properties.datetime \"2018-13-02T00:00:00Z\" does not parse (expected RFC"
                + " 3339, such as 2018-01-02T10:40:21Z)",
                fails(stac(item("x", "\"2018-13-02T00:00:00Z\"", asset("B04", "a.tif")))).getMessage());
        assertEquals(WHERE + ": item 'x': properties.datetime \"2018-01-02\" does not parse (expected RFC 3339, such"
                + " as 2018-01-02T10:40:21Z)", fails(stac(item("x", "\"2018-01-02\"", ""))).getMessage());
    }

    @Test
    void aDateThatDoesNotParseInTheSimpleCatalogueIsNamed() {
        assertEquals(WHERE + ": date \"2018-02-30\" does not parse (expected yyyy-mm-dd, such as 2018-01-02)",
                fails("{\"2018-02-30\": [\"a.tif\"]}", ReadOptions.defaults().withLayerNames(List.of("B04")))
                        .getMessage());
    }

    @Test
    void aLayerListedTwiceInOneItemIsMalformedJson() {
        MalformedCatalogException e = fails(stac(item("x", "\"2018-01-02T10:00:00Z\"",
                asset("B04", "a.tif") + ", " + asset("B04", "b.tif"))));
        assertEquals(WHERE + ": malformed JSON at line 1, column 188: \"B04\" appears twice in one object (expected"
                + " each date, layer and field once)", e.getMessage());
    }

    @Test
    void aLayerListedTwiceOnOneDateNamesBothItems() {
        MalformedCatalogException e = fails(stac(item("morning", "\"2018-01-02T10:00:00Z\"", asset("B04", "a.tif"))
                + ", " + item("evening", "\"2018-01-02T20:00:00Z\"", asset("B04", "b.tif"))));
        assertEquals(WHERE + ": item 'evening', asset 'B04': layer 'B04' is listed twice on 2018-01-02 (also in item"
                + " 'morning'; expected one asset per layer and date)", e.getMessage());
    }

    @Test
    void aDateListedTwiceInTheSimpleCatalogueIsMalformedJson() {
        assertEquals(WHERE + ": malformed JSON at line 1, column 32: \"2018-01-02\" appears twice in one object"
                + " (expected each date, layer and field once)",
                fails("{\"2018-01-02\": [], \"2018-01-02\": []}").getMessage());
    }

    @Test
    void anHrefEscapingTheFolderNamesTheItemAndAsset() {
        MalformedCatalogException e = fails(stac(item("x", "\"2018-01-02T10:00:00Z\"", asset("B04", "../../etc/passwd"))));
        assertEquals(WHERE + ": item 'x', asset 'B04': href '../../etc/passwd' escapes the catalogue's folder"
                + " /srv/cubes/ghana (resolved to /srv/etc/passwd; expected a path inside the folder)", e.getMessage());
    }

    @Test
    void anHrefEscapingByAnAbsolutePathOrEncodedDotsIsCaughtToo() {
        assertEquals(WHERE + ": item 'x', asset 'B04': href '/etc/passwd' escapes the catalogue's folder"
                + " /srv/cubes/ghana (resolved to /etc/passwd; expected a path inside the folder)",
                fails(stac(item("x", "\"2018-01-02T10:00:00Z\"", asset("B04", "/etc/passwd")))).getMessage());
        assertEquals(WHERE + ": item 'x', asset 'B04': href '%2e%2e/other/B04.tif' escapes the catalogue's folder"
                + " /srv/cubes/ghana (resolved to /srv/cubes/other/B04.tif; expected a path inside the folder)",
                fails(stac(item("x", "\"2018-01-02T10:00:00Z\"", asset("B04", "%2e%2e/other/B04.tif")))).getMessage());
    }

    @Test
    void anHrefEscapingTheFolderInTheSimpleCatalogueNamesDateAndLayer() {
        assertEquals(WHERE + ": 2018-01-02, layer CLD (URL 2): href '../other/CLD.tif' escapes the catalogue's folder"
                + " /srv/cubes/ghana (resolved to /srv/cubes/other/CLD.tif; expected a path inside the folder)",
                fails("{\"2018-01-02\": [\"B04.tif\", \"../other/CLD.tif\"]}",
                        ReadOptions.defaults().withLayerNames(List.of("B04", "CLD"))).getMessage());
    }

    @Test
    void anHrefThatIsNoUriIsNamed() {
        assertEquals(WHERE + ": item 'x', asset 'B04': href 'a b.tif' is not a URI reference (Illegal character in"
                + " path at index 1)",
                fails(stac(item("x", "\"2018-01-02T10:00:00Z\"", asset("B04", "a b.tif")))).getMessage());
    }

    @Test
    void aListOfTheWrongLengthNamesTheDate() {
        assertEquals(WHERE + ": 2018-01-07: expected 13 URLs, one per layer (B02, B03, B04, B05, B06, B07, B08, B8A,"
                + " B11, B12, CLD, AOT, TCWV), found 2; name the layers if the cube is not Sentinel-2's",
                fails("{\"2018-01-07\": [\"B04.tif\", \"B08.tif\"]}").getMessage());
        assertEquals(WHERE + ": 2018-01-07: expected 3 URLs, one per layer (B04, B08, CLD), found 2",
                fails("{\"2018-01-07\": [\"B04.tif\", \"B08.tif\"]}",
                        ReadOptions.defaults().withLayerNames(List.of("B04", "B08", "CLD"))).getMessage());
    }

    @Test
    void aLayerNamedTwiceInTheLayerListIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalogs.read(
                "{}".getBytes(StandardCharsets.UTF_8), WHERE,
                ReadOptions.defaults().withLayerNames(List.of("B04", "B08", "B04"))));
        assertEquals("layer names for " + WHERE + ": B04 is listed twice (expected each layer once)", e.getMessage());
    }

    @Test
    void aNonStringUrlNamesDateAndLayer() {
        assertEquals(WHERE + ": 2018-01-02, layer B08 (URL 2): expected a URL (a string), found the number 7",
                fails("{\"2018-01-02\": [\"B04.tif\", 7]}", ReadOptions.defaults().withLayerNames(List.of("B04", "B08")))
                        .getMessage());
    }

    @Test
    void aBadProjTransformNamesTheAsset() {
        String bad = "\"B04\": {\"href\": \"a.tif\", \"proj:epsg\": 32630, \"proj:shape\": [30, 40],"
                + " \"proj:transform\": [10, 0, 600000, 0, -10]}";
        assertEquals(WHERE + ": item 'x', asset 'B04': expected proj:transform, 6 numbers [a, b, c, d, e, f] (or 9"
                + " ending 0, 0, 1), found [10,0,600000,0,-10]",
                fails(stac(item("x", "\"2018-01-02T10:00:00Z\"", bad))).getMessage());
    }

    @Test
    void aCatalogueTheSimpleFormatCannotHoldIsRefusedBeforeWriting() {
        Catalog gappy = CatalogTest.threeDates();
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> Catalogs.toSimple(gappy, java.net.URI.create("file:///cube/")));
        assertEquals("the simple catalogue cannot say that 2018-01-12 has no CLD (expected every layer, B04, CLD, at"
                + " every date)", e.getMessage());
    }
}
