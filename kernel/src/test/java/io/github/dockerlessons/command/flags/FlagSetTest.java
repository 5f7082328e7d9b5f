package io.github.dockerlessons.command.flags;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pflag's rules, as docker users know them, and its words for each mistake. */
class FlagSetTest {
    private static final Flag<Boolean> ALL = Flag.bool('a', "all");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Integer> LAST = Flag.integer('n', "last", -1);
    private static final Flag<List<String>> ENV = Flag.list('e', "env");
    private static final Flag<String> NAME = Flag.string("name");
    private final FlagSet flags = new FlagSet(List.of(ALL, QUIET, LAST, ENV, NAME));

    private FlagSet.Result parse(boolean interspersed, String... words) throws FlagError {
        return flags.parse(List.of(words), interspersed);
    }

    private String error(String... words) {
        return assertThrows(FlagError.class, () -> parse(true, words)).getMessage();
    }

    @Test
    void longAndShortFormsAndClusters() throws Exception {
        FlagSet.Result r = parse(true, "-aq", "--last=3", "--name", "web", "-eA=1", "-e", "B=2", "x");
        assertTrue(r.flags().get(ALL));
        assertTrue(r.flags().get(QUIET));
        assertEquals(3, r.flags().get(LAST));
        assertEquals("web", r.flags().get(NAME));
        assertEquals(List.of("A=1", "B=2"), r.flags().get(ENV));
        assertEquals(List.of("x"), r.args());
    }

    @Test
    void shorthandValuesGluedWithOrWithoutEquals() throws Exception {
        assertEquals(5, parse(true, "-n5").flags().get(LAST));
        assertEquals(5, parse(true, "-n=5").flags().get(LAST));
        assertEquals(5, parse(true, "-an", "5").flags().get(LAST));
    }

    @Test
    void boolsTakeOnlyAnEqualsValue() throws Exception {
        assertFalse(parse(true, "--all=false").flags().get(ALL));
        FlagSet.Result r = parse(true, "--all", "false");
        assertTrue(r.flags().get(ALL));
        assertEquals(List.of("false"), r.args());
    }

    @Test
    void defaultsAndIsSet() throws Exception {
        FlagSet.Result r = parse(true);
        assertEquals(-1, r.flags().get(LAST));
        assertEquals(List.of(), r.flags().get(ENV));
        assertFalse(r.flags().isSet(LAST));
        assertTrue(parse(true, "-n", "-1").flags().isSet(LAST));
    }

    @Test
    void doubleDashEndsFlagsAndDashIsAnArgument() throws Exception {
        assertEquals(List.of("-", "-a"), parse(true, "-", "--", "-a").args());
    }

    @Test
    void withoutInterspersingTheFirstArgumentEndsTheFlags() throws Exception {
        FlagSet.Result r = parse(false, "-a", "busybox", "ls", "-la", "--name", "x");
        assertTrue(r.flags().get(ALL));
        assertEquals(List.of("busybox", "ls", "-la", "--name", "x"), r.args());
        assertEquals(List.of("x", "y"), parse(true, "x", "-a", "y").args());
    }

    @Test
    void pflagWordsForEveryMistake() {
        assertEquals("unknown flag: --foo", error("--foo"));
        assertEquals("unknown flag: --foo", error("--foo=bar"));
        assertEquals("unknown shorthand flag: 'z' in -az", error("-az"));
        assertEquals("flag needs an argument: --name", error("--name"));
        assertEquals("flag needs an argument: 'n' in -n", error("-n"));
        assertEquals("flag needs an argument: 'n' in -an", error("-an"));
        assertEquals("invalid argument \"x\" for \"-n, --last\" flag: strconv.ParseInt: parsing \"x\": invalid syntax",
                error("-n", "x"));
        assertEquals("invalid argument \"maybe\" for \"-a, --all\" flag: strconv.ParseBool: parsing \"maybe\": "
                + "invalid syntax", error("--all=maybe"));
        assertEquals("invalid argument \"99999999999\" for \"-n, --last\" flag: strconv.ParseInt: parsing "
                + "\"99999999999\": value out of range", error("--last=99999999999"));
    }

    @Test
    void helpAndTheDeprecatedShorthand() throws Exception {
        assertTrue(parse(true, "--help").flags().helpRequested());
        FlagSet.Result r = parse(true, "-h");
        assertTrue(r.flags().helpRequested());
        assertTrue(r.flags().deprecatedHelpShorthand());
    }

    @Test
    void everyRunReadsFreshValues() throws Exception {
        FlagSet.Result first = parse(true, "-a", "-e", "X=1");
        FlagSet.Result second = parse(true);
        assertTrue(first.flags().get(ALL));
        assertFalse(second.flags().get(ALL));
        assertEquals(List.of(), second.flags().get(ENV));
        assertThrows(UnsupportedOperationException.class, () -> first.flags().get(ENV).add("Y=2"));
    }

    @Test
    void goIntegerSyntax() throws Exception {
        assertEquals(16, parse(true, "-n", "0x10").flags().get(LAST));
        assertEquals(8, parse(true, "-n", "010").flags().get(LAST));
        assertEquals(1000, parse(true, "-n", "1_000").flags().get(LAST));
    }
}
