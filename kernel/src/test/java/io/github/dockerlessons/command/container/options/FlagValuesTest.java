package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.Units;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The value readers of run's flags, against docker's own results and error words. */
class FlagValuesTest {

    private static String error(FlagType.Reader<?> reader, String value) {
        return assertThrows(FlagType.InvalidValue.class, () -> reader.read(value)).getMessage();
    }

    @Test
    void portSpecsAreReadAsNatParsePortSpec() throws Exception {
        assertEquals(List.of(Map.entry("80/tcp", new PortFlags.Binding("127.0.0.1", "3000"))),
                PortFlags.parsePortSpec("127.0.0.1:3000:80"));
        assertEquals(List.of(Map.entry("80/tcp", new PortFlags.Binding("", ""))), PortFlags.parsePortSpec("80"));
        assertEquals(List.of(Map.entry("53/udp", new PortFlags.Binding("", "5353"))),
                PortFlags.parsePortSpec("5353:53/udp"));
        assertEquals(List.of(Map.entry("80/tcp", new PortFlags.Binding("::1", "8080"))),
                PortFlags.parsePortSpec("[::1]:8080:80"));
        assertEquals(2, PortFlags.parsePortSpec("8000-8001:80-81").size());
        assertEquals(List.of(Map.entry("80/tcp", new PortFlags.Binding("", "8000-8010"))),
                PortFlags.parsePortSpec("8000-8010:80"));
        assertEquals("8080:80/tcp", PortFlags.standardNotation("published=8080,target=80"));
        assertEquals("invalid containerPort: foo",
                assertThrows(InvalidOptions.class, () -> PortFlags.parsePortSpec("foo")).getMessage());
        assertEquals("invalid hostPort: 99999",
                assertThrows(InvalidOptions.class, () -> PortFlags.parsePortSpec("99999:80")).getMessage());
        assertEquals("invalid IP address: 1.2.3",
                assertThrows(InvalidOptions.class, () -> PortFlags.parsePortSpec("1.2.3:80:80")).getMessage());
        assertEquals("invalid proto: xyz",
                assertThrows(InvalidOptions.class, () -> PortFlags.parsePortSpec("80/xyz")).getMessage());
    }

    @Test
    void volumeSpecsAreSplitAsTheComposeLoaderSplitsThem() throws Exception {
        assertEquals(new VolumeSpec("data", "/data", ""), VolumeSpec.parse("data:/data"));
        assertEquals(new VolumeSpec("./site", "/usr/share/www", "ro"), VolumeSpec.parse("./site:/usr/share/www:ro"));
        assertEquals(new VolumeSpec("", "/anon", ""), VolumeSpec.parse("/anon"));
        assertEquals("invalid spec: :/x: empty section between colons",
                assertThrows(InvalidOptions.class, () -> VolumeSpec.parse(":/x")).getMessage());
        assertEquals("invalid spec: /a:/b:/c:/d: too many colons",
                assertThrows(InvalidOptions.class, () -> VolumeSpec.parse("/a:/b:/c:/d")).getMessage());
    }

    @Test
    void mountsAreTheApisMountObjects() throws Exception {
        JsonObject tmpfs = MountSpec.parse("type=tmpfs,target=/t,tmpfs-size=1m,tmpfs-mode=1770");
        assertEquals("{\"Type\":\"tmpfs\",\"Target\":\"/t\",\"TmpfsOptions\":{\"SizeBytes\":1048576,\"Mode\":1016}}",
                tmpfs.toString());
        assertEquals("{\"Type\":\"volume\",\"Source\":\"v\",\"Target\":\"/d\",\"ReadOnly\":true,"
                + "\"VolumeOptions\":{\"DriverConfig\":{},\"NoCopy\":true}}",
                MountSpec.parse("src=v,dst=/d,ro,volume-nocopy").toString());
        assertEquals("target is required", error(MountSpec::parse, "type=bind"));
        assertEquals("invalid field 'foo' must be a key=value pair", error(MountSpec::parse, "foo"));
        assertEquals("cannot mix 'bind-*' options with mount type 'volume'",
                error(MountSpec::parse, "target=/x,bind-propagation=rshared"));
        assertEquals(List.of("type=bind", "source=/a,b", "target=/c"),
                MountSpec.csvFields("type=bind,\"source=/a,b\",target=/c"));
    }

    @Test
    void sizesDurationsAndCpusAreReadAsGoReadsThem() throws Exception {
        assertEquals(64L << 20, Units.ramInBytes("64m"));
        assertEquals(1536L << 20, Units.ramInBytes("1.5g"));
        assertEquals(512L << 10, Units.ramInBytes("512 KiB"));
        assertEquals("invalid suffix: 'x'", error(Units::ramInBytes, "12x"));
        assertEquals("invalid size: 'm'", error(Units::ramInBytes, "m"));
        assertEquals(90_000_000_000L, GoDuration.parse("1m30s"));
        assertEquals(500_000_000L, GoDuration.parse("500ms"));
        assertEquals("time: missing unit in duration \"5\"", error(GoDuration::parse, "5"));
        assertEquals("time: unknown unit \"q\" in duration \"5q\"", error(GoDuration::parse, "5q"));
        assertEquals(1_500L, GoDuration.parse("1.5\u03bcs"));
        assertEquals(500_000_000L, GoDuration.parse(".5s"));
        // Go's time package quotes a non-ASCII unit as its UTF-8 bytes, as the docker CLI prints it
        assertEquals("time: unknown unit \"\\xec\\xb4\\x88\" in duration \"5\\xec\\xb4\\x88\"",
                error(GoDuration::parse, "5\ucd08"));
        assertEquals(1_500_000_000L, ResourceValues.nanoCpus("1.5"));
        assertEquals(500_000_000L, ResourceValues.nanoCpus("1/2"));
        assertEquals("failed to parse abc as a rational number", error(ResourceValues::nanoCpus, "abc"));
        assertEquals("value is too precise", error(ResourceValues::nanoCpus, "0.0000000001"));
        assertEquals(-1, ResourceValues.swapBytes("-1"));
    }

    @Test
    void ulimitsDevicesAndGpusAreTheApisObjects() throws Exception {
        assertEquals("{\"Name\":\"nofile\",\"Hard\":2048,\"Soft\":1024}",
                ResourceValues.ulimit("nofile=1024:2048").toString());
        assertEquals("{\"Name\":\"nproc\",\"Hard\":100,\"Soft\":100}", ResourceValues.ulimit("nproc=100").toString());
        assertEquals("invalid ulimit argument: foo", error(ResourceValues::ulimit, "foo"));
        assertEquals("invalid ulimit type: bogus", error(ResourceValues::ulimit, "bogus=1"));
        assertEquals("ulimit soft limit must be less than or equal to hard limit: 10 > 5",
                error(ResourceValues::ulimit, "nofile=10:5"));
        assertEquals("{\"PathOnHost\":\"/dev/null\",\"PathInContainer\":\"/dev/x\",\"CgroupPermissions\":\"r\"}",
                ResourceValues.device("/dev/null:/dev/x:r").toString());
        assertEquals("bad format: foo", error(ResourceValues::rateDevice, "foo"));
        assertEquals("{\"Driver\":\"\",\"Count\":-1,\"Capabilities\":[[\"gpu\"]],\"Options\":{}}",
                ResourceValues.gpuRequest("all").toString());
        assertEquals("unexpected key 'foo' in 'foo=bar'", error(ResourceValues::gpuRequest, "foo=bar"));
    }

    @Test
    void networkValuesAreValidatedAsDockerDoes() throws Exception {
        assertEquals("db:10.0.0.5", NetworkValues.validateExtraHost("db=10.0.0.5"));
        assertEquals("gw:host-gateway", NetworkValues.validateExtraHost("gw:host-gateway"));
        assertEquals("bad format for add-host: \"foo\"", error(NetworkValues::validateExtraHost, "foo"));
        assertEquals("IP address is not correctly formatted: foo", error(NetworkValues::validateIp, "foo"));
        assertEquals("bad format for links: a:b:c", error(NetworkValues::validateLink, "a:b:c"));
        assertEquals("example.com", NetworkValues.validateDnsSearch("example.com"));
        NetworkFlags.NetworkAttachment attachment = NetworkFlags.NetworkAttachment.parse("name=web,alias=api,ip=10.1.0.5");
        assertEquals("web", attachment.target());
        assertEquals(List.of("api"), attachment.aliases());
        assertEquals("plain-name", NetworkFlags.NetworkAttachment.parse("plain-name").target());
        assertEquals(List.of("ALL", "CAP_CHOWN", "CAP_NET_RAW"),
                SecurityFlags.capabilities(List.of("net_raw", "CAP_CHOWN", "chown", "all")));
    }

    @Test
    void apiRequirementsCompareVersionsPartByPart() {
        assertEquals("\"--annotation\" requires API version 1.43, but the Docker daemon API version is 1.41",
                new ApiRequirement("--annotation", "1.43", true).check("1.41").getMessage());
        assertEquals(null, new ApiRequirement("--annotation", "1.43", true).check("1.47"));
        assertEquals(null, new ApiRequirement("x", "1.9", false).check("1.41"));
    }
}
