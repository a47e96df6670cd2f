package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupTrainingTest {

    /** The launcher's archive holds only what the training loads: every step must really run. */
    @Test
    void everyTrainingStepSucceeds() {
        assertEquals(List.of(0, 0, 0, 0), StartupTraining.steps());
    }
}
