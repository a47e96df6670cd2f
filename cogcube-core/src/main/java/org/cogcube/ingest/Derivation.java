package org.cogcube.ingest;

import java.util.Objects;
import java.util.Set;
import org.cogcube.expression.Expression;
import org.cogcube.expression.NamedExpression;

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
        NamedExpression named = NamedExpression.parse(text);
        return new Derivation(named.name(), named.text(), named.expression());
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
        return expression.names();
    }

    Expression expression() {
        return expression;
    }

    @Override
    public String toString() {
        return layer + "=" + text;
    }
}
