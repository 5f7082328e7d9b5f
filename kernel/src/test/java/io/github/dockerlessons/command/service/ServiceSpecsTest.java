package io.github.dockerlessons.command.service;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.flags.FlagType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code service create -p} and {@code --replicas} as the docker CLI 28.2 reads them; every expected text
 * is what the CLI printed after {@code invalid argument "VALUE" for "-p, --publish" flag: } on a swarm here.
 * The kernel took 99999 as a port, "xyz" as a protocol, -5 as a published port and 127.0.0.1 as an address
 * it then dropped, and refused ":80", "80-81:90-91" and 18446744073709551615 replicas, which the CLI takes.
 */
class ServiceSpecsTest {
    private static String refused(String value) {
        return assertThrows(FlagType.InvalidValue.class, () -> ServiceSpecs.ports(value), value).getMessage();
    }

    private static String shown(List<JsonObject> ports) {
        StringBuilder text = new StringBuilder();
        for (JsonObject p : ports) {
            text.append(p.has("PublishedPort") ? p.get("PublishedPort").getAsLong() : 0).append(':')
                    .append(p.get("TargetPort").getAsLong()).append('/').append(p.get("Protocol").getAsString())
                    .append('/').append(p.get("PublishMode").getAsString()).append(' ');
        }
        return text.toString().trim();
    }

    @Test
    void theCliRefusesTheseInItsWords() {
        assertEquals("invalid hostPort: 99999", refused("99999:80"));
        assertEquals("invalid proto: xyz", refused("8080:80/xyz"));
        assertEquals("invalid IP address: a:b", refused("a:b:c:d"));
        assertEquals("invalid IP address: 80", refused("80:80:80"));
        assertEquals("hostip is not supported", refused("127.0.0.1:8080:80"));
        assertEquals("hostip is not supported", refused("[::1]:80:80"));
        assertEquals("invalid containerPort: 65536", refused("65536"));
        assertEquals("invalid containerPort: abc", refused("abc"));
        assertEquals("no port specified: 8080:<empty>", refused("8080:"));
        assertEquals("invalid ranges specified for container and host Ports: 90-91 and 80-82", refused("80-82:90-91"));
        assertEquals("invalid containerPort: target=\"80\"", refused("target=\"80\""));
        assertEquals("invalid containerPort: target= 80", refused("target= 80"));
        assertEquals("missing mandatory field 'target'", refused("published=8080"));
        assertEquals("missing mandatory field 'target'", refused("target=0"));
        assertEquals("invalid published port (-5): value must be an integer: invalid syntax", refused("target=80,published=-5"));
        assertEquals("invalid published port (99999): value must be an integer: value out of range",
                refused("target=80,published=99999"));
        assertEquals("invalid published port (): value must be an integer: invalid syntax", refused("target=80,published="));
        assertEquals("invalid target port (70000): value must be an integer: value out of range", refused("target=70000"));
        assertEquals("invalid target port (80 ): value must be an integer: invalid syntax", refused("target=80 ,published=7091"));
        assertEquals("invalid target port (80,published=7090): value must be an integer: invalid syntax",
                refused("\"target=80,published=7090\""));
        assertEquals("invalid field: foo", refused("target=80,published=8080,foo"));
        assertEquals("invalid field: ", refused(",target=80"));
        assertEquals("invalid field: ", refused("target=80,,"));
        assertEquals("invalid field key: x", refused("x=1"));
        assertEquals("invalid protocol value 'xyz'", refused("TARGET=80,Protocol=XYZ"));
        assertEquals("invalid publish mode value (weird): must be either 'ingress' or 'host'", refused("target=80,mode=WEIRD"));
    }

    @Test
    void theCliTakesThese() throws FlagType.InvalidValue {
        assertEquals("0:80/tcp/ingress", shown(ServiceSpecs.ports(":80")));
        assertEquals("0:80/tcp/ingress", shown(ServiceSpecs.ports("0:80")));
        assertEquals("0:80/tcp/ingress", shown(ServiceSpecs.ports("80/tcp")));
        assertEquals("9090:80/udp/ingress", shown(ServiceSpecs.ports("9090:80/udp")));
        assertEquals("8080:80/tcp/ingress", shown(ServiceSpecs.ports("8080:80/TCP")));
        assertEquals("0:1/tcp/ingress 0:2/tcp/ingress 0:3/tcp/ingress", shown(ServiceSpecs.ports("1-3")));
        assertEquals("80:90/tcp/ingress 81:91/tcp/ingress", shown(ServiceSpecs.ports("80-81:90-91")));
        assertEquals("8080:80/tcp/ingress 8081:80/tcp/ingress", shown(ServiceSpecs.ports("8080-8081:80")));
        assertEquals("7071:80/tcp/ingress", shown(ServiceSpecs.ports("target=80,published=7071,protocol=TCP")));
        assertEquals("0:80/tcp/ingress", shown(ServiceSpecs.ports("published=0,target=80")));
        assertEquals("8080:80/udp/host", shown(ServiceSpecs.ports("mode=host,target=80,published=8080,protocol=udp")));
    }

    @Test
    void replicasAreTheWholeUint64() throws FlagType.InvalidValue {
        assertEquals(new BigInteger("18446744073709551615"), ServiceSpecs.uint64("18446744073709551615"));
        assertEquals("strconv.ParseUint: parsing \"99999999999999999999\": value out of range",
                assertThrows(FlagType.InvalidValue.class, () -> ServiceSpecs.uint64("99999999999999999999")).getMessage());
        for (String bad : List.of("-1", "3.5", "", "+1", "１")) {
            assertEquals("strconv.ParseUint: parsing " + FlagType.quote(bad) + ": invalid syntax",
                    assertThrows(FlagType.InvalidValue.class, () -> ServiceSpecs.uint64(bad)).getMessage());
        }
    }
}
