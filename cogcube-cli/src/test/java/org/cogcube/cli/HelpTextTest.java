package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help reads as sentences: its summary line is one whole sentence, its paragraphs are wrapped by picocli. */
class HelpTextTest {

    @Test
    void everyCommandIsSummedUpByOneWholeSentence() {
        CommandLine cl = Main.commandLine();
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            String[] description = e.getValue().getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0, e.getKey());
            assertTrue(description[0].endsWith("."), e.getKey() + ": " + description[0]);
            for (String paragraph : description) {
                assertEquals(-1, paragraph.indexOf('\n'), e.getKey() + ": " + paragraph);
            }
        }
    }

    @Test
    void theFirstSentenceEndsAtAFullStopFollowedByASpaceButNotAfterAnAbbreviation() {
        assertEquals(10, HelpText.firstSentenceEnd("One thing. Another."));
        assertEquals(26, HelpText.firstSentenceEnd("Blocks (e.g. 512) and all. Then."));
        assertEquals(-1, HelpText.firstSentenceEnd("No end here."));
    }
}
