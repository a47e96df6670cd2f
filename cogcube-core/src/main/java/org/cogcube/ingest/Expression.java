package org.cogcube.ingest;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An arithmetic expression over layers: numbers, layer names, {@code + - * /}, unary minus and
 * parentheses, with the usual precedence. Evaluated per pixel on doubles: NaN (no data) in, NaN
 * out, and a division by zero gives NaN rather than an infinity.
 */
sealed interface Expression {

    /** The value at one pixel, given each layer's value there. */
    double evaluate(Map<String, Double> values);

    /** The layer names the expression reads, in order of first appearance. */
    default Set<String> layers() {
        Set<String> names = new LinkedHashSet<>();
        collect(names);
        return names;
    }

    void collect(Set<String> names);

    record Number(double value) implements Expression {
        @Override
        public double evaluate(Map<String, Double> values) {
            return value;
        }

        @Override
        public void collect(Set<String> names) {
        }
    }

    record LayerValue(String name) implements Expression {
        @Override
        public double evaluate(Map<String, Double> values) {
            return values.get(name);
        }

        @Override
        public void collect(Set<String> names) {
            names.add(name);
        }
    }

    record Negation(Expression operand) implements Expression {
        @Override
        public double evaluate(Map<String, Double> values) {
            return -operand.evaluate(values);
        }

        @Override
        public void collect(Set<String> names) {
            operand.collect(names);
        }
    }

    record Binary(char operator, Expression left, Expression right) implements Expression {
        @Override
        public double evaluate(Map<String, Double> values) {
            double a = left.evaluate(values);
            double b = right.evaluate(values);
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> b == 0 ? Double.NaN : a / b;
                default -> throw new IllegalStateException("unknown operator " + operator);
            };
        }

        @Override
        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }
    }
}
