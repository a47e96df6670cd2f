package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cogcube.server.Validators.Outcome;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
    static final String TAG = "\"1f-3e8-5\"";
    static final long MODIFIED = 1_500_000_000_500L;

    @Test
    void writesAndReadsHttpDates() {
        assertEquals("Fri, 14 Jul 2017 02:40:00 GMT", Validators.httpDate(MODIFIED));
        assertEquals(1_500_000_000_000L, Validators.parseHttpDate("Fri, 14 Jul 2017 02:40:00 GMT"));
        assertEquals(-1, Validators.parseHttpDate("yesterday"));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndWinsOverIfModifiedSince() {
        assertEquals(Outcome.NOT_MODIFIED, eval(null, null, TAG, null));
        assertEquals(Outcome.NOT_MODIFIED, eval(null, null, "\"x\", W/" + TAG, null));
        assertEquals(Outcome.NOT_MODIFIED, eval(null, null, "*", null));
        assertEquals(Outcome.PROCEED, eval(null, null, "\"other\"", "Fri, 14 Jul 2017 02:40:00 GMT"));
        assertEquals(Outcome.NOT_MODIFIED, eval(null, null, null, "Fri, 14 Jul 2017 02:40:00 GMT"));
        assertEquals(Outcome.PROCEED, eval(null, null, null, "Fri, 14 Jul 2017 02:39:59 GMT"));
    }

    @Test
    void ifMatchComparesStronglyAndFailsThePrecondition() {
        assertEquals(Outcome.PROCEED, eval(TAG, null, null, null));
        assertEquals(Outcome.PRECONDITION_FAILED, eval("W/" + TAG, null, null, null));
        assertEquals(Outcome.PRECONDITION_FAILED, eval("\"old\"", null, null, null));
        assertEquals(Outcome.PRECONDITION_FAILED,
                Validators.evaluate(null, "Fri, 14 Jul 2017 02:39:59 GMT", null, null, TAG, MODIFIED));
    }

    @Test
    void ifRangeHoldsOnlyForTheSameStrongTagOrExactDate() {
        assertTrue(Validators.ifRangeHolds(TAG, TAG, MODIFIED));
        assertFalse(Validators.ifRangeHolds("W/" + TAG, TAG, MODIFIED));
        assertFalse(Validators.ifRangeHolds("\"stale\"", TAG, MODIFIED));
        assertTrue(Validators.ifRangeHolds("Fri, 14 Jul 2017 02:40:00 GMT", TAG, MODIFIED));
        assertFalse(Validators.ifRangeHolds("Fri, 14 Jul 2017 02:41:00 GMT", TAG, MODIFIED));
    }

    @Test
    void splitsTagListsOutsideQuotes() {
        assertEquals(List.of("\"a,b\"", "W/\"c\"", "*"), Validators.entityTags(" \"a,b\" ,W/\"c\", *,"));
    }

    private static Outcome eval(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince) {
        return Validators.evaluate(ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince, TAG, MODIFIED);
    }
}
