package org.cogcube.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GridGeometry;
import org.cogcube.ingest.CubeGrid;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogcube create}: make a folder a cube of a fixed grid. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Make a folder a cube: fix the grid (CRS, resolution, origin and extent) that every",
            "layer of every date will be warped onto, so they overlap pixel for pixel. Writes",
            "cube.json (the grid) and empty catalogues (catalog.json, catalog-simple.json).",
            "On an existing cube of the same grid nothing changes; another grid is refused."},
        footer = {"", "Examples:",
            "  cogcube create cube --crs EPSG:32630 --resolution 10 --bounds 399960,4590240,509760,4700040",
            "  cogcube create cube --crs EPSG:32725 --resolution 30 --bounds 288750,9110700,298740,9120780"})
final class CreateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CUBE_DIR", description = "The cube's folder (created if missing).")
    Path cube;

    @Option(names = "--crs", required = true, paramLabel = "EPSG:CODE", description = "The grid's CRS, e.g. EPSG:32630.")
    String crs;

    @Option(names = "--resolution", required = true, paramLabel = "SIZE[,SIZE_Y]",
            description = "Pixel size in CRS units; one value for square pixels, or width,height.")
    String resolution;

    @Option(names = "--bounds", required = true, paramLabel = "MINX,MINY,MAXX,MAXY",
            description = "The grid's extent in the CRS; whole multiples of the resolution wide and high.")
    String bounds;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (for cron and scripts).")
    boolean quiet;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GridGeometry grid = grid();
        boolean created = CubeGrid.create(cube, grid);
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s %s: %s x %s pixels, %s%n", created ? "created cube" : "already a cube of this grid:", cube,
                    grid.width(), grid.height(), grid.crs());
            out.flush();
        }
        return 0;
    }

    private GridGeometry grid() {
        Crs c;
        try {
            c = Crs.parse(crs);
        } catch (IllegalArgumentException e) {
            throw usage("--crs: " + e.getMessage());
        }
        double[] res = numbers("--resolution", resolution);
        if (res.length != 1 && res.length != 2) {
            throw usage("--resolution expects one or two numbers, found '" + resolution + "'");
        }
        double[] b = numbers("--bounds", bounds);
        if (b.length != 4) {
            throw usage("--bounds expects minx,miny,maxx,maxy, found '" + bounds + "'");
        }
        try {
            return CubeGrid.grid(c, res[0], res.length == 2 ? res[1] : res[0], b);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private double[] numbers(String option, String text) {
        String[] parts = text.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw usage(option + " expects comma-separated numbers, found '" + text + "'");
            }
        }
        return out;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
