package org.cogcube.testing;

/**
 * The verdict of GDAL's COG validator ({@code validate_cloud_optimized_geotiff}) on one file.
 *
 * @param valid whether the validator accepted the file (exit status 0)
 * @param output everything it printed: the verdict, and its errors and warnings
 */
public record CogValidation(boolean valid, String output) {
}
