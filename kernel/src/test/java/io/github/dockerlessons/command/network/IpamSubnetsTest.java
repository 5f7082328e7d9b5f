package io.github.dockerlessons.command.network;

import io.github.dockerlessons.command.core.DockerError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** network create --subnet/--ip-range/--gateway consolidated as docker/cli's createIPAMConfig (issue 23). */
class IpamSubnetsTest {

    private static String refusal(List<String> subnets, List<String> ranges, List<String> gateways) {
        return assertThrows(DockerError.class, () -> IpamSubnets.consolidate(subnets, ranges, gateways)).cliText();
    }

    @Test
    void eachRangeAndGatewayGoesToTheSubnetThatHoldsIt() throws Exception {
        assertEquals(List.of(new IpamSubnets.Subnet("10.1.0.0/24", null, null),
                        new IpamSubnets.Subnet("10.2.0.0/16", "10.2.1.0/24", "10.2.0.254")),
                IpamSubnets.consolidate(List.of("10.1.0.0/24", "10.2.0.0/16"), List.of("10.2.1.0/24"),
                        List.of("10.2.0.254")));
        assertEquals(List.of(new IpamSubnets.Subnet("fd00:1::/64", null, "fd00:1::1")),
                IpamSubnets.consolidate(List.of("fd00:1::/64"), List.of(), List.of("fd00:1::1")));
    }

    @Test
    void theClisRefusalsInItsWords() {
        assertEquals("every ip-range or gateway must have a corresponding subnet",
                refusal(List.of(), List.of("10.0.0.0/24"), List.of()));
        assertEquals("multiple overlapping subnet configuration is not supported",
                refusal(List.of("10.0.0.0/16", "10.0.1.0/24"), List.of(), List.of()));
        assertEquals("no matching subnet for gateway 10.9.0.1", refusal(List.of("10.0.0.0/16"), List.of(), List.of("10.9.0.1")));
        assertEquals("no matching subnet for gateway foo", refusal(List.of("10.0.0.0/16"), List.of(), List.of("foo")));
        assertEquals("cannot configure multiple gateways (10.0.0.2, 10.0.0.1) for the same subnet (10.0.0.0/24)",
                refusal(List.of("10.0.0.0/24", "10.1.0.0/24"), List.of(), List.of("10.0.0.1", "10.0.0.2")));
        assertEquals("cannot configure multiple ranges (10.0.0.128/25, 10.0.0.0/25) on the same subnet (10.0.0.0/24)",
                refusal(List.of("10.0.0.0/24", "10.1.0.0/24"), List.of("10.0.0.0/25", "10.0.0.128/25"), List.of()));
        assertEquals("invalid CIDR address: x/y", refusal(List.of("10.0.0.0/24"), List.of("x/y"), List.of()));
        assertEquals("invalid subnet: invalid CIDR address: foo", refusal(List.of("foo"), List.of(), List.of("10.1.1.1")));
    }

    @Test
    void aSubnetAloneIsLeftToTheEngine() throws Exception {
        // The CLI reads a lone subnet only against others: the engine refuses 10.0.0.0/33 in its own words.
        assertEquals(1, IpamSubnets.consolidate(List.of("10.0.0.0/33"), List.of(), List.of()).size());
    }

    @Test
    void addressesAsGosNetParseIpReadsThem() throws Exception {
        assertTrue(IpamSubnets.matches("10.0.0.0/8", "10.255.255.255"));
        assertFalse(IpamSubnets.matches("10.0.0.0/8", "11.0.0.0"));
        assertFalse(IpamSubnets.matches("10.0.0.0/8", "010.0.0.1")); // Go refuses leading zeros
        assertFalse(IpamSubnets.matches("10.0.0.0/8", "fd00::1"));
        assertTrue(IpamSubnets.matches("0.0.0.0/0", "192.168.1.1"));
        assertFalse(IpamSubnets.matches("fd00::/8", "www.example.com"));
    }
}
