package org.cogcube.expression;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * An arithmetic expression over named values (layers, bands): numbers, names, {@code + - * /},
 * unary minus and parentheses, with the usual precedence ({@link #parse}). Evaluated on doubles:
 * NaN (no data) in, NaN out, and a division by zero gives NaN rather than an infinity.
 */
public sealed interface Expression {

    /**
     * Parses an expression such as {@code (B08 - B04) / (B08 + B04)}. Names start with a letter or
     * underscore and go on with letters, digits, underscores and dots.
     *
     * @throws IllegalArgumentException saying at which character the text is not an expression
     */
    static Expression parse(String text) {
        return ExpressionParser.parse(Objects.requireNonNull(text, "text"));
    }

    /** The value at one pixel, given each name's value there. */
    double evaluate(Map<String, Double> values);

    /**
     * The values at {@code length} pixels at once, given each name's values there (arrays of at
     * least {@code length}); a new array.
     */
    double[] evaluate(Function<String, double[]> values, int length);

    /** The names the expression reads, in order of first appearance. */
    default Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        collect(names);
        return names;
    }

    /** Adds the names the expression reads to {@code names}. */
    void collect(Set<String> names);

    /** A constant. */
    record Number(double value) implements Expression {
        @Override
        public double evaluate(Map<String, Double> values) {
            return value;
        }

        @Override
        public double[] evaluate(Function<String, double[]> values, int length) {
            double[] out = new double[length];
            java.util.Arrays.fill(out, value);
            return out;
        }

        @Override
        public void collect(Set<String> names) {
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** The value of a name (a layer, a band). */
    record Name(String name) implements Expression {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public double evaluate(Map<String, Double> values) {
            Double v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no value for '" + name + "', expected one of " + values.keySet());
            }
            return v;
        }

        @Override
        public double[] evaluate(Function<String, double[]> values, int length) {
            double[] in = values.apply(name);
            if (in == null || in.length < length) {
                throw new IllegalArgumentException("expected " + length + " values for '" + name + "', found "
                        + (in == null ? "none" : in.length));
            }
            return java.util.Arrays.copyOf(in, length);
        }

        @Override
        public void collect(Set<String> names) {
            names.add(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Unary minus. */
    record Negation(Expression operand) implements Expression {
        @Override
        public double evaluate(Map<String, Double> values) {
            return -operand.evaluate(values);
        }

        @Override
        public double[] evaluate(Function<String, double[]> values, int length) {
            double[] v = operand.evaluate(values, length);
            for (int i = 0; i < length; i++) {
                v[i] = -v[i];
            }
            return v;
        }

        @Override
        public void collect(Set<String> names) {
            operand.collect(names);
        }

        @Override
        public String toString() {
            return "-" + operand;
        }
    }

    /** {@code left OPERATOR right}, one of {@code + - * /}. */
    record Binary(char operator, Expression left, Expression right) implements Expression {
        public Binary {
            if ("+-*/".indexOf(operator) < 0) {
                throw new IllegalArgumentException("expected an operator + - * or /, found '" + operator + "'");
            }
        }

        @Override
        public double evaluate(Map<String, Double> values) {
            return apply(left.evaluate(values), right.evaluate(values));
        }

        @Override
        public double[] evaluate(Function<String, double[]> values, int length) {
            double[] a = left.evaluate(values, length);
            double[] b = right.evaluate(values, length);
            for (int i = 0; i < length; i++) {
                a[i] = apply(a[i], b[i]);
            }
            return a;
        }

        private double apply(double a, double b) {
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> b == 0 ? Double.NaN : a / b;
            };
        }

        @Override
        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }

        @Override
        public String toString() {
            return "(" + left + " " + operator + " " + right + ")";
        }
    }
}
