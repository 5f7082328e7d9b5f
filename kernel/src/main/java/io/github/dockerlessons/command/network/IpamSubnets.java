package io.github.dockerlessons.command.network;

import io.github.dockerlessons.command.core.DockerError;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code network create --subnet/--ip-range/--gateway}, consolidated as docker/cli's
 * createIPAMConfig does: each range and gateway goes to the one subnet that contains it, with the
 * CLI's words when one has no subnet, two fall in the same subnet, or subnets overlap. An address
 * the CLI cannot read as CIDR is refused in Go's words; the engine judges the rest.
 */
final class IpamSubnets {
    /** One subnet of the request, with the range and gateway that fell in it (null when none did). */
    record Subnet(String subnet, String ipRange, String gateway) { }

    private IpamSubnets() {
    }

    static List<Subnet> consolidate(List<String> subnets, List<String> ranges, List<String> gateways)
            throws DockerError {
        if (subnets.size() < ranges.size() || subnets.size() < gateways.size()) {
            throw error("every ip-range or gateway must have a corresponding subnet");
        }
        Map<String, String[]> bySubnet = new LinkedHashMap<>(); // subnet -> {range, gateway}
        for (String subnet : subnets) {
            for (String earlier : bySubnet.keySet()) {
                if (matches(subnet, earlier) || matches(earlier, subnet)) {
                    throw error("multiple overlapping subnet configuration is not supported");
                }
            }
            bySubnet.put(subnet, new String[2]);
        }
        assign(subnets, ranges, bySubnet, 0, "cannot configure multiple ranges (%s, %s) on the same subnet (%s)",
                "no matching subnet for range %s");
        assign(subnets, gateways, bySubnet, 1, "cannot configure multiple gateways (%s, %s) for the same subnet (%s)",
                "no matching subnet for gateway %s");
        List<Subnet> out = new ArrayList<>();
        bySubnet.forEach((subnet, extra) -> out.add(new Subnet(subnet, extra[0], extra[1])));
        return out;
    }

    private static void assign(List<String> subnets, List<String> values, Map<String, String[]> bySubnet, int slot,
                               String twice, String none) throws DockerError {
        for (String value : values) {
            boolean match = false;
            for (String subnet : subnets) {
                if (!matches(subnet, value)) {
                    continue;
                }
                String[] extra = bySubnet.get(subnet);
                if (extra[slot] != null) {
                    throw error(String.format(twice, value, extra[slot], subnet));
                }
                extra[slot] = value;
                match = true;
            }
            if (!match) {
                throw error(String.format(none, value));
            }
        }
    }

    /** docker/cli's subnetMatches: whether {@code data} (an address, or the address of a CIDR) is in {@code subnet}. */
    static boolean matches(String subnet, String data) throws DockerError {
        Cidr network = Cidr.parse(subnet);
        if (network == null) {
            throw error("invalid subnet: invalid CIDR address: " + subnet);
        }
        byte[] address;
        if (data.contains("/")) {
            Cidr cidr = Cidr.parse(data);
            if (cidr == null) {
                throw error("invalid CIDR address: " + data);
            }
            address = cidr.address();
        } else {
            address = ip(data);
        }
        return address != null && network.contains(address);
    }

    private static DockerError error(String text) {
        return new DockerError(1, text);
    }

    /** Go's net.ParseIP for the two forms a person types: dotted IPv4 and IPv6 with colons. Null when neither. */
    static byte[] ip(String text) {
        if (text.contains(":")) {
            if (!text.matches("[0-9A-Fa-f:.]+")) {
                return null;
            }
            try {
                byte[] bytes = InetAddress.getByName(text).getAddress(); // a literal with ':' is never looked up
                return bytes.length == 16 ? bytes : null;
            } catch (UnknownHostException | RuntimeException e) {
                return null;
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (!part.matches("[0-9]{1,3}") || (part.length() > 1 && part.startsWith("0"))) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** Go's net.ParseCIDR: an address and a prefix length no longer than the address. */
    private record Cidr(byte[] address, int bits) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                return null;
            }
            byte[] address = ip(text.substring(0, slash));
            String length = text.substring(slash + 1);
            if (address == null || !length.matches("[0-9]{1,3}") || (length.length() > 1 && length.startsWith("0"))) {
                return null;
            }
            int bits = Integer.parseInt(length);
            return bits > address.length * 8 ? null : new Cidr(address, bits);
        }

        /** Go's IPNet.Contains: same family, and the same first {@code bits} bits. */
        boolean contains(byte[] ip) {
            if (ip.length != address.length) {
                return false;
            }
            int width = address.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)
                    .shiftRight(bits).not().and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
            return new BigInteger(1, ip).and(mask).equals(new BigInteger(1, address).and(mask));
        }
    }
}
