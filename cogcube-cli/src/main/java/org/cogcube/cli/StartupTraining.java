package org.cogcube.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.cogcube.catalog.Acquisition;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.Layer;
import org.cogcube.catalog.RasterBand;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.io.net.TlsDialer;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.server.CubeServer;
import org.cogcube.server.ServerOptions;
import org.cogcube.server.TlsProvider;
import org.cogcube.server.TlsSource;
import picocli.CommandLine.Command;

/**
 * The launcher's training run for its class-data-sharing archive: the JVM archives the classes a
 * run loads, so this run loads those that a user's {@code extract} and {@code stats} load (the
 * catalogue's JSON, regions and their reprojection, the HTTP clients, the COG reader and writer,
 * masking, statistics) by running them, quietly, on a tiny cube of its own served on loopback, in
 * cleartext and over TLS (the handshake, the trust store a user names with
 * {@code -Djavax.net.ssl.trustStore}, HTTP/2 over TLS).
 * What it computes is thrown away; it always exits 0, since a failed step only means fewer
 * classes archived.
 */
@Command(name = "train-startup", hidden = true,
        description = "Run by ./cogcube after a build to record which classes extract and stats load.")
final class StartupTraining implements Callable<Integer> {
    private static final GridGeometry GRID = new GridGeometry(64, 64, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));
    private static final List<String> LAYERS = List.of("B04", "B08", "CLD");
    private static final String STORE_PASSWORD = "changeit";

    @Override
    public Integer call() {
        steps();
        return 0;
    }

    /**
     * Runs the training's commands and returns their exit codes (all 0 when every step worked);
     * an empty list when the cube could not be written.
     */
    static List<Integer> steps() {
        List<Integer> codes = new ArrayList<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cogcube-startup-");
            Path field = writeCube(dir);
            String out = dir.resolve("out").toString();
            try (CubeServer server = CubeServer.start(ServerOptions.of(dir).withPort(0))) {
                String catalog = server.uri().resolve("catalog.json").toString();
                codes.add(Main.commandLine().execute("extract", catalog, "--bands", "B04,B08", "--roi",
                        field.toString(), "--cloud-mask", "CLD:20", "--out", out, "-q"));
                codes.add(Main.commandLine().execute("extract", catalog, "--bands", "B04,B08", "--roi",
                        field.toString(), "--cloud-mask", "CLD:20", "--out", out, "-q", "--no-server-subset"));
            }
            codes.add(overTls(dir, field, out));
            codes.add(Main.commandLine().execute("stats", dir.resolve("catalog.json").toString(), "--roi",
                    field.toString(), "--expr", "NDVI=(B08-B04)/(B08+B04)", "--out", dir.resolve("stats.csv").toString(),
                    "-q"));
        } catch (IOException | RuntimeException e) {
            // Training only: whatever ran has loaded its classes.
        } finally {
            delete(dir);
        }
        return codes;
    }

    /**
     * An extract over https from a server with a self-signed certificate, which the JVM trusts as a
     * user's would: through a trust store named by {@code javax.net.ssl.trustStore} (set here, in
     * a process that only trains).
     */
    private static int overTls(Path dir, Path field, String out) throws IOException {
        try (CubeServer server = CubeServer.start(ServerOptions.of(dir).withPort(0).withTls(TlsSource.selfSigned())
                .withTlsProvider(TlsProvider.JDK))) {
            Path store = dir.resolve("truststore.p12");
            trustStore(server.uri(), store);
            Map<String, String> before = new LinkedHashMap<>();
            before.put("javax.net.ssl.trustStore", System.setProperty("javax.net.ssl.trustStore", store.toString()));
            before.put("javax.net.ssl.trustStorePassword",
                    System.setProperty("javax.net.ssl.trustStorePassword", STORE_PASSWORD));
            try {
                String catalog = server.uri().resolve("catalog.json").toString();
                return Main.commandLine().execute("extract", catalog, "--bands", "B04,B08", "--roi", field.toString(),
                        "--cloud-mask", "CLD:20", "--out", out, "-q");
            } finally {
                before.forEach((name, value) -> {
                    if (value == null) {
                        System.clearProperty(name);
                    } else {
                        System.setProperty(name, value);
                    }
                });
            }
        }
    }

    /** Writes the certificate {@code server} presents into a new PKCS#12 trust store at {@code store}. */
    private static void trustStore(URI server, Path store) throws IOException {
        try (SSLSocket socket = (SSLSocket) TlsDialer.context(true).getSocketFactory()
                .createSocket(server.getHost(), server.getPort())) {
            socket.startHandshake();
            Certificate certificate = socket.getSession().getPeerCertificates()[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setCertificateEntry("training", certificate);
            try (OutputStream file = Files.newOutputStream(store)) {
                keys.store(file, STORE_PASSWORD.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the training's trust store: " + e.getMessage(), e);
        }
    }

    private static Path writeCube(Path dir) {
        List<Layer> layers = new ArrayList<>();
        for (String name : LAYERS) {
            SampleType type = name.equals("CLD") ? SampleType.UINT8 : SampleType.UINT16;
            layers.add(Layer.named(name).withBand(RasterBand.of(type)));
        }
        List<Acquisition> dates = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            LocalDate date = LocalDate.of(2018, 1, 2 + 7 * d);
            List<Asset> assets = new ArrayList<>();
            for (String name : LAYERS) {
                Path file = dir.resolve(date.toString()).resolve(name + ".tif");
                SampleType type = name.equals("CLD") ? SampleType.UINT8 : SampleType.UINT16;
                CogWriter.write(RasterSource.of(ramp(type, d + name.length())), file, CogOptions.defaults());
                assets.add(Asset.of(name, file.toAbsolutePath().normalize().toUri()).withGrid(GRID));
            }
            dates.add(Acquisition.of(date, assets));
        }
        Catalogs.write(Catalog.of(layers, dates), dir);
        Path field = dir.resolve("field.geojson");
        try {
            Files.writeString(field, DemoCube.polygonGeoJson(GRID,
                    new int[][] {{16, 16}, {48, 16}, {48, 48}, {16, 48}, {16, 16}}) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return field;
    }

    private static Raster ramp(SampleType type, int seed) {
        int n = GRID.width() * GRID.height();
        ByteBuffer bytes = ByteBuffer.allocate(n * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            int v = (i * 7 + seed * 13) % (type == SampleType.UINT8 ? 40 : 3000) + 1;
            if (type == SampleType.UINT8) {
                bytes.put((byte) v);
            } else {
                bytes.putShort((short) v);
            }
        }
        return Raster.wrap(type, GRID, OptionalDouble.empty(), bytes.array());
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
