package io.github.dockerlessons.command.container.options;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** run's and create's {@code -e} values as docker/cli's Go map leaves them: one per name, the last given. */
class ProcessFlagsEnvTest {
    @Test
    void aNameGivenTwiceKeepsItsLastValueAsTheCliMapDoes() {
        // docker create -e A=1 -e A=2: the CLI's container has A=2 alone (engine 20.10 keeps both if sent)
        assertEquals(List.of("A=2", "B=1"), ProcessFlags.onePerName(List.of("A=1", "B=1", "A=2")));
    }

    @Test
    void aBareNameAndAnEmptyValueAreDifferentEntriesOfOneName() {
        // FOO (unset in the environment, kept bare) and FOO= are the same name: the last one wins
        assertEquals(List.of("FOO="), ProcessFlags.onePerName(List.of("FOO", "FOO=")));
        assertEquals(List.of("FOO", "HOME=/h"), ProcessFlags.onePerName(List.of("FOO=", "HOME=/h", "FOO")));
    }
}
