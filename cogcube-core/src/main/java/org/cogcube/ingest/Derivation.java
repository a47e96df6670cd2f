package org.cogcube.ingest;

import java.util.Objects;
import java.util.Set;

/**
 * A layer computed per pixel from other layers of the same date, written as float32 with NaN as
 * nodata: NaN where any layer it reads has no data, or where it divides by zero.
 */
public final class Derivation {
    private final String layer;
    private final String text;
    private final Expression expression;

    private Derivation(String layer, String text, Expression expression) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.text = text;
        this.expression = expression;
    }

    /** Parses {@code NAME=EXPRESSION}, e.g. {@code NDVI=(B08-B04)/(B08+B04)}. */
    public static Derivation parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected NAME=EXPRESSION (e.g. NDVI=(B08-B04)/(B08+B04)), found '"
                    + text + "'");
        }
        String name = text.substring(0, eq).strip();
        String expr = text.substring(eq + 1).strip();
        return new Derivation(name, expr, ExpressionParser.parse(expr));
    }

    /** The derived layer's name. */
    public String layer() {
        return layer;
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /** The layers the expression reads, in order of first appearance. */
    public Set<String> inputs() {
        return expression.layers();
    }

    Expression expression() {
        return expression;
    }

    @Override
    public String toString() {
        return layer + "=" + text;
    }
}
