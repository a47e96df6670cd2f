package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ContentRangeTest {
    /** The header's grammar (RFC 9110, 14.4) as regular expressions, numbers of at most 18 digits. */
    private static final Pattern SATISFIED = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
    private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/(\\d{1,18})");

    @Test
    void readsARangeItsTotalAndAnUnknownTotal() {
        assertEquals(Optional.of(new ContentRange(0, 16383, 199771548)),
                ContentRange.parse("bytes 0-16383/199771548"));
        assertEquals(Optional.of(new ContentRange(5, 5, -1)), ContentRange.parse(" bytes 5-5/* "));
        assertEquals(Optional.of(new ContentRange(-1, -1, 100)), ContentRange.parse("bytes */100"));
    }

    @Test
    void refusesInconsistentOrMalformedValues() {
        for (String bad : new String[] {"bytes 9-5/100", "bytes 0-100/100", "bytes */*", "bytes 1-2-3/9", "bytes 1-/9",
                "bytes -2/9", "bytes 1-2/", "items 1-2/9", "bytes  1-2/9", "bytes 1-2/9x", "bytes +1-2/9",
                "bytes 1-2/1234567890123456789", "bytes 1-2"}) {
            assertEquals(Optional.empty(), ContentRange.parse(bad), bad);
        }
        assertEquals(Optional.empty(), ContentRange.parse(null));
    }

    @Property(tries = 3000)
    void agreesWithTheGrammarOnAnyValueOfItsAlphabet(@ForAll("values") String value) {
        assertEquals(byGrammar(value), ContentRange.parse(value), value);
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.longs().between(0, 2000).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(20));
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-/* x").ofMaxLength(3);
        Arbitrary<String> shaped = Combinators.combine(Arbitraries.of("bytes ", "bytes", "Bytes ", " bytes "),
                Arbitraries.oneOf(number, Arbitraries.just("*")), Arbitraries.of("-", "/", "--", ""), number,
                Arbitraries.of("/", "-", ""), Arbitraries.oneOf(number, Arbitraries.just("*")), noise)
                .as((unit, a, s1, b, s2, c, tail) -> unit + a + s1 + b + s2 + c + tail);
        return Arbitraries.oneOf(shaped, Arbitraries.strings().withChars("bytes 0123456789-/*").ofMaxLength(24));
    }

    private static Optional<ContentRange> byGrammar(String header) {
        String value = header.trim();
        Matcher m = SATISFIED.matcher(value);
        if (m.matches()) {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
            return last < first || (total >= 0 && last >= total) ? Optional.empty()
                    : Optional.of(new ContentRange(first, last, total));
        }
        m = UNSATISFIED.matcher(value);
        return m.matches() ? Optional.of(new ContentRange(-1, -1, Long.parseLong(m.group(1)))) : Optional.empty();
    }
}
