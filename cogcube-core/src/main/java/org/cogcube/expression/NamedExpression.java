package org.cogcube.expression;

import java.util.Objects;

/**
 * An expression with a name for what it computes, written {@code NAME=EXPRESSION}, e.g.
 * {@code NDVI=(B08-B04)/(B08+B04)}.
 *
 * @param name the name of the result
 * @param text the expression as written
 * @param expression the parsed expression
 */
public record NamedExpression(String name, String text, Expression expression) {

    public NamedExpression {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(expression, "expression");
        if (name.isBlank()) {
            throw new IllegalArgumentException("expected a name for the expression '" + text + "', found none");
        }
    }

    /** Parses {@code NAME=EXPRESSION}, e.g. {@code NDVI=(B08-B04)/(B08+B04)}. */
    public static NamedExpression parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || text.substring(0, eq).isBlank()) {
            throw new IllegalArgumentException("expected NAME=EXPRESSION (e.g. NDVI=(B08-B04)/(B08+B04)), found '"
                    + text + "'");
        }
        return of(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }

    /** Parses {@code expression} and names it. */
    public static NamedExpression of(String name, String expression) {
        return new NamedExpression(name, expression, Expression.parse(expression));
    }

    /** A name for itself: the value of {@code name}, unchanged (a band asked for as it is). */
    public static NamedExpression identity(String name) {
        return new NamedExpression(name, name, new Expression.Name(name));
    }

    @Override
    public String toString() {
        return name + "=" + text;
    }
}
