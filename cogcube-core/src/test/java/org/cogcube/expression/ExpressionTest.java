package org.cogcube.expression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    @Test
    void parsesPrecedenceParenthesesAndUnaryMinus() {
        Expression e = Expression.parse("-A + 2 * (B - 1) / 4");
        assertEquals(-3 + 2 * (7 - 1) / 4.0, e.evaluate(Map.of("A", 3.0, "B", 7.0)));
        assertEquals(List.of("A", "B"), List.copyOf(e.names()));
        assertEquals(1e3 - 2.5, Expression.parse("1e3-2.5").evaluate(Map.of()));
        assertEquals(2 - 3 - 4, Expression.parse("2 - 3 - 4").evaluate(Map.of()), "left to right");
    }

    @Test
    void evaluatesManyPixelsAsItEvaluatesOne() {
        Expression ndvi = Expression.parse("(B08 - B04) / (B08 + B04)");
        double[] b04 = {10, 5, Double.NaN, 0, 1, -3};
        double[] b08 = {30, -5, 7, 0, Double.NaN, 3};
        double[] all = ndvi.evaluate(name -> name.equals("B04") ? b04 : b08, b04.length);
        for (int i = 0; i < b04.length; i++) {
            double one = ndvi.evaluate(Map.of("B04", b04[i], "B08", b08[i]));
            assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(all[i]), "pixel " + i);
        }
        assertArrayEquals(new double[] {0.5, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}, all,
                "NaN in gives NaN; x/0 and 0/0 give NaN");
    }

    @Test
    void aDivisionByZeroGivesNaNNotAnInfinity() {
        assertTrue(Double.isNaN(Expression.parse("1 / 0").evaluate(Map.of())));
        assertTrue(Double.isNaN(Expression.parse("-1 / (A - A)").evaluate(Map.of("A", 2.0))));
        assertTrue(Double.isNaN(Expression.parse("1 / (1 / 0)").evaluate(Map.of())), "NaN propagates");
    }

    @Test
    void namedExpressionsSplitAtTheFirstEqualsSign() {
        NamedExpression n = NamedExpression.parse(" NDVI = (B08-B04)/(B08+B04) ");
        assertEquals("NDVI", n.name());
        assertEquals("(B08-B04)/(B08+B04)", n.text());
        assertEquals(List.of("B08", "B04"), List.copyOf(n.expression().names()));
        assertEquals(List.of("B04"), List.copyOf(NamedExpression.identity("B04").expression().names()));
    }

    @Test
    void refusesMalformedExpressionsSayingWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Expression.parse("(B08-B04/(B08+B04)"));
        assertTrue(e.getMessage().contains("expected ')'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NamedExpression.parse("(B08-B04)"));
        assertTrue(e.getMessage().contains("expected NAME=EXPRESSION"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NamedExpression.parse(" =B04"));
        assertTrue(e.getMessage().contains("expected NAME=EXPRESSION"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Expression.parse("B08 * * 2"));
        assertTrue(e.getMessage().contains("at character 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Expression.parse("B08 B04"));
        assertTrue(e.getMessage().contains("expected an operator or the end"), e.getMessage());
    }
}
