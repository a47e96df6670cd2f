package org.cogcube.ingest;

import java.nio.file.Path;
import java.util.List;
import org.cogcube.warp.Kernel;

/**
 * A child process that runs one ingest of the Landsat cube, to be killed at a random moment by
 * {@link KillTest}. Two variants write different content, so successive runs replace layers:
 * {@code 0} nearest, one COG per layer; {@code 1} average, chunks of 128 and a VRT, and a derived
 * layer. Prints {@code done} when the ingest finished.
 */
public final class IngestChild {
    private IngestChild() {
    }

    public static void main(String[] args) {
        Path cube = Path.of(args[0]);
        IngestOptions options = args[1].equals("0") ? IngestOptions.defaults()
                : IngestOptions.defaults().withResampling(Kernel.AVERAGE).withChunkSize(128)
                        .withDerivations(List.of(Derivation.parse("ND=(B4-B3)/(B4+B3)")));
        Ingest.run(cube, LandsatCube.DATE, LandsatCube.bands(), options);
        System.out.println("done");
    }
}
