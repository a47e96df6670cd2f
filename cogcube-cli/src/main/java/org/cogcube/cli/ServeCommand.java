package org.cogcube.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cogcube.server.CubeServer;
import org.cogcube.server.ServerOptions;
import org.cogcube.server.TlsProvider;
import org.cogcube.server.TlsSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogcube serve}: publish a cube folder over HTTP/1.1 and HTTP/2 until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Publish a cube folder over HTTP, read-only, until Ctrl+C: HTTP/1.1 and HTTP/2",
            "(h2c in cleartext; h2 over TLS with a certificate), byte ranges, ETags, CORS and gzip",
            "for JSON, so GDAL, QGIS, notebooks and the cogcube client read only the tiles they need.",
            "Only files under DIR are served: no '..', no links leaving DIR, no hidden files, no",
            "folder listings unless --list. Files that ingest replaces are served whole: a reader",
            "gets the old file or the new one, never a mix."},
        footer = {"", "Examples:",
            "  cogcube serve cube                              http://127.0.0.1:8080/",
            "  cogcube serve cube --host 0.0.0.0 --port 80     every interface",
            "  cogcube serve cube --tls-self-signed            https with HTTP/2, to try it out",
            "  cogcube serve cube --port 443 --tls-cert fullchain.pem --tls-key privkey.pem",
            "  cogcube serve cube --access-log access.log --list",
            "", "Then, from another shell:",
            "  gdalinfo /vsicurl/http://127.0.0.1:8080/2018-01-02/B04.tif",
            "  cogcube info http://127.0.0.1:8080/2018-01-02/B04.tif"})
final class ServeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The cube folder to publish.")
    Path root;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(names = "--tls-cert", paramLabel = "PEM",
            description = "Speak TLS (h2 and http/1.1) with this PEM certificate chain; needs --tls-key.")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM",
            description = "The certificate's private key: unencrypted PKCS#8 PEM ('BEGIN PRIVATE KEY').")
    Path tlsKey;

    @Option(names = "--tls-self-signed",
            description = "Speak TLS with a certificate made at start for localhost (clients must skip"
                    + " verification: curl -k, GDAL_HTTP_UNSAFESSL=YES).")
    boolean selfSigned;

    @Option(names = "--tls-provider", defaultValue = "auto", paramLabel = "auto|jdk|conscrypt",
            converter = TlsProviderName.class,
            description = "Who encrypts: conscrypt (BoringSSL, bundled for Linux, macOS and Windows on x86-64;"
                    + " less CPU per request), jdk (the JVM's own TLS), or auto (default: conscrypt where"
                    + " it loads, else jdk).")
    TlsProvider tlsProvider;

    @Option(names = "--list", description = "Answer a folder's URL with an HTML index of its files.")
    boolean list;

    @Option(names = "--access-log", paramLabel = "FILE",
            description = "Append one line per request to FILE, in the combined log format.")
    Path accessLog;

    @Option(names = {"-q", "--quiet"}, description = "Print only the root URL, on one line, once the server"
            + " listens (for scripts, e.g. with --port 0); errors still go to standard error.")
    boolean quiet;

    @Option(names = "--max-cut-pixels", defaultValue = "16777216", paramLabel = "N",
            description = "The most pixels one request for server-side cuts may ask for, over all its files;"
                    + " larger requests get 413 and clients split them (default: ${DEFAULT-VALUE}).")
    long maxCutPixels;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ServerOptions options = options();
        CubeServer server = CubeServer.start(options);
        Serving.untilStopped(server, "serve", () -> {
            PrintWriter out = spec.commandLine().getOut();
            out.print(quiet ? server.uri() + "\n" : welcome(server));
            out.flush();
        });
        return 0;
    }

    private ServerOptions options() {
        if (port < 0 || port > 65535) {
            throw usage("--port " + port + ": expected 0 (any free port) to 65535");
        }
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw usage("--tls-cert and --tls-key go together: give both, or --tls-self-signed");
        }
        if (selfSigned && tlsCertificate != null) {
            throw usage("--tls-self-signed and --tls-cert exclude each other: choose one");
        }
        if (maxCutPixels < 1) {
            throw usage("--max-cut-pixels " + maxCutPixels + ": expected at least 1");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("cannot serve " + root + ": "
                    + (Files.exists(root) ? "not a folder" : "no such folder"));
        }
        ServerOptions options = ServerOptions.of(root).withHost(host).withPort(port).withListing(list);
        options = options.withLimits(options.limits().withMaxCutPixels(maxCutPixels));
        if (tlsCertificate != null) {
            options = options.withTls(TlsSource.pem(tlsCertificate, tlsKey));
        } else if (selfSigned) {
            options = options.withTls(TlsSource.selfSigned());
        }
        options = options.withTlsProvider(tlsProvider);
        if (accessLog != null) {
            options = options.withAccessLog(accessLog);
        }
        return options;
    }

    /** What the user needs to start reading: the URLs, and how GDAL, QGIS and Java open them. */
    String welcome(CubeServer server) {
        URI base = server.uri();
        String protocols = server.tlsProvider()
                .map(p -> "HTTP/2 and HTTP/1.1 over TLS by " + p.name().toLowerCase(java.util.Locale.ROOT))
                .orElse("HTTP/1.1 and h2c");
        StringBuilder s = new StringBuilder();
        s.append("cogcube: serving ").append(server.options().root().toAbsolutePath().normalize()).append('\n');
        s.append(String.format("  %-10s %s  (%s)%n", "URL", base, protocols));
        Optional<Path> catalogue = catalogue(root);
        s.append(String.format("  %-10s %s%n", "Catalogue",
                catalogue.map(c -> url(base, c).toString()).orElse("none yet (no .json at the top of the folder)")));
        Optional<Path> example = firstTiff(root);
        String cog = example.map(t -> url(base, t).toString()).orElse(base + "PATH/TO/LAYER.tif");
        String gdalEnv = !server.secure() ? "" : selfSigned ? "GDAL_HTTP_VERSION=2 GDAL_HTTP_UNSAFESSL=YES "
                : "GDAL_HTTP_VERSION=2 ";
        s.append("Open it from\n");
        s.append(String.format("  %-10s %sgdalinfo /vsicurl/%s%n", "GDAL", gdalEnv, cog));
        s.append(String.format("  %-10s Layer > Add Layer > Add Raster Layer > Protocol: HTTP(S), URI %s%n", "QGIS", cog));
        s.append(String.format("  %-10s GeoTiff.open(\"%s\")%s%n", "Java", cog,
                selfSigned ? "  (the JVM must trust the certificate)" : ""));
        s.append("Press Ctrl+C to stop.\n");
        return s.toString();
    }

    private static URI url(URI base, Path relative) {
        StringBuilder path = new StringBuilder();
        for (Path name : relative) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(java.net.URLEncoder.encode(name.toString(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return base.resolve(path.toString());
    }

    /** The catalogue at the top of the folder: catalog.json, collection.json, cube.json, else the first .json. */
    static Optional<Path> catalogue(Path root) {
        for (String name : List.of("catalog.json", "collection.json", "cube.json")) {
            if (Files.isRegularFile(root.resolve(name))) {
                return Optional.of(Path.of(name));
            }
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && !hidden(root.relativize(p)))
                    .map(root::relativize).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A GeoTIFF to show in the examples: the first one found, shallowest first. */
    static Optional<Path> firstTiff(Path root) {
        try (Stream<Path> s = Files.walk(root, 4)) {
            return s.map(root::relativize)
                    .filter(p -> !hidden(p) && p.getFileName().toString().matches("(?i).*\\.tiff?"))
                    .min((a, b) -> a.getNameCount() != b.getNameCount()
                            ? Integer.compare(a.getNameCount(), b.getNameCount()) : a.compareTo(b));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** {@code auto}, {@code jdk} or {@code conscrypt}, in any case. */
    static final class TlsProviderName implements CommandLine.ITypeConverter<TlsProvider> {
        @Override
        public TlsProvider convert(String value) {
            for (TlsProvider p : TlsProvider.values()) {
                if (p.name().equalsIgnoreCase(value)) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "': expected auto, jdk or conscrypt");
        }
    }
}
