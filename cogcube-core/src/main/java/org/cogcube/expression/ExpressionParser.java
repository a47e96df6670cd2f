package org.cogcube.expression;

/**
 * Parses an {@link Expression} by recursive descent:
 * <pre>
 * sum     = product { ("+" | "-") product }
 * product = unary { ("*" | "/") unary }
 * unary   = "-" unary | atom
 * atom    = number | name | "(" sum ")"
 * </pre>
 * Names start with a letter or underscore and go on with letters, digits, underscores and dots.
 */
final class ExpressionParser {
    private final String text;
    private int at;

    private ExpressionParser(String text) {
        this.text = text;
    }

    static Expression parse(String text) {
        ExpressionParser p = new ExpressionParser(text);
        Expression e = p.sum();
        p.skipSpaces();
        if (p.at < text.length()) {
            throw p.error("expected an operator or the end");
        }
        return e;
    }

    private Expression sum() {
        Expression e = product();
        while (true) {
            char c = peek();
            if (c != '+' && c != '-') {
                return e;
            }
            at++;
            e = new Expression.Binary(c, e, product());
        }
    }

    private Expression product() {
        Expression e = unary();
        while (true) {
            char c = peek();
            if (c != '*' && c != '/') {
                return e;
            }
            at++;
            e = new Expression.Binary(c, e, unary());
        }
    }

    private Expression unary() {
        if (peek() == '-') {
            at++;
            return new Expression.Negation(unary());
        }
        return atom();
    }

    private Expression atom() {
        char c = peek();
        if (c == '(') {
            at++;
            Expression e = sum();
            if (peek() != ')') {
                throw error("expected ')'");
            }
            at++;
            return e;
        }
        int start = at;
        if (Character.isDigit(c) || c == '.') {
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.'
                    || text.charAt(at) == 'e' || text.charAt(at) == 'E'
                    || ((text.charAt(at) == '-' || text.charAt(at) == '+') && at > start
                    && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E')))) {
                at++;
            }
            try {
                return new Expression.Number(Double.parseDouble(text.substring(start, at)));
            } catch (NumberFormatException e) {
                at = start;
                throw error("expected a number");
            }
        }
        if (Character.isLetter(c) || c == '_') {
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                    || text.charAt(at) == '.')) {
                at++;
            }
            return new Expression.Name(text.substring(start, at));
        }
        throw error(c == 0 ? "expected a number, a layer name or '(' but the expression ended"
                : "expected a number, a layer name or '('");
    }

    private char peek() {
        skipSpaces();
        return at < text.length() ? text.charAt(at) : 0;
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("in the expression '" + text + "' at character " + (at + 1) + ": "
                + expected + (at < text.length() ? ", found '" + text.charAt(at) + "'" : ""));
    }
}
