package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.flags.ValueCompletion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which networks the container joins and how it is known and resolves names there: {@code --network}
 * (a name, or {@code name=NET,alias=A,ip=...}), {@code --network-alias}, {@code --ip}, {@code --link},
 * {@code --add-host}, {@code --dns*} and {@code --mac-address}, read as docker/cli's
 * parseNetworkOpts reads them, with its errors.
 */
public record NetworkFlags(String networkMode, JsonObject endpoints, List<String> links, List<String> extraHosts,
                           List<String> dns, List<String> dnsSearch, List<String> dnsOptions, String macAddress) {

    private static final Pattern LONG_SYNTAX = Pattern.compile("\\w+=\\w+(,\\w+=\\w+)*");
    private static final Pattern MAC = Pattern.compile(
            "([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}|([0-9A-Fa-f]{2}[:-]){7}[0-9A-Fa-f]{2}|([0-9A-Fa-f]{4}\\.){2}[0-9A-Fa-f]{4}");

    private static final FlagType<List<NetworkAttachment>> NETWORK_TYPE =
            FlagType.listOf("network", NetworkAttachment::parse);
    private static final ValueCompletion NETWORKS = ValueCompletion.names(NameKind.NETWORK);

    public static final Flag<List<NetworkAttachment>> NETWORK = Flag.of((char) 0, "network", NETWORK_TYPE, List.of())
            .completes(NETWORKS);
    public static final Flag<List<NetworkAttachment>> NET = Flag.of((char) 0, "net", NETWORK_TYPE, List.of()).hidden();
    public static final Flag<List<String>> NETWORK_ALIAS = Flag.list("network-alias");
    public static final Flag<List<String>> NET_ALIAS = Flag.list("net-alias").hidden();
    public static final Flag<List<String>> ADD_HOST = Flag.of((char) 0, "add-host",
            FlagType.listOf("list", NetworkValues::validateExtraHost), List.of());
    public static final Flag<List<String>> DNS = Flag.of((char) 0, "dns",
            FlagType.listOf("list", NetworkValues::validateIp), List.of());
    public static final Flag<List<String>> DNS_OPTION = Flag.list("dns-option");
    public static final Flag<List<String>> DNS_OPT = Flag.list("dns-opt").hidden();
    public static final Flag<List<String>> DNS_SEARCH = Flag.of((char) 0, "dns-search",
            FlagType.listOf("list", NetworkValues::validateDnsSearch), List.of());
    public static final Flag<String> IP = Flag.string("ip");
    public static final Flag<String> IP6 = Flag.string("ip6");
    public static final Flag<List<String>> LINK = Flag.of((char) 0, "link",
            FlagType.listOf("list", NetworkValues::validateLink), List.of());
    public static final Flag<List<String>> LINK_LOCAL_IP = Flag.list("link-local-ip");
    public static final Flag<String> MAC_ADDRESS = Flag.string("mac-address");

    public static final List<Flag<?>> FLAGS = List.of(NETWORK, NET, NETWORK_ALIAS, NET_ALIAS, ADD_HOST, DNS, DNS_OPTION,
            DNS_OPT, DNS_SEARCH, IP, IP6, LINK, LINK_LOCAL_IP, MAC_ADDRESS);

    /** One {@code --network} value. */
    public record NetworkAttachment(String target, List<String> aliases, String ipv4, String ipv6,
                                    List<String> linkLocalIps, String macAddress, JsonObject driverOptions) {
        static NetworkAttachment parse(String value) throws FlagType.InvalidValue {
            if (!LONG_SYNTAX.matcher(value).find()) {
                return new NetworkAttachment(value, List.of(), "", "", List.of(), "", null);
            }
            String target = "";
            List<String> aliases = new ArrayList<>();
            List<String> linkLocal = new ArrayList<>();
            String ipv4 = "";
            String ipv6 = "";
            String mac = "";
            JsonObject driverOptions = null;
            for (String field : MountSpec.csvFields(value)) {
                String lower = field.toLowerCase(Locale.ROOT);
                int eq = lower.indexOf('=');
                if (eq <= 0) {
                    throw new FlagType.InvalidValue("invalid field " + field);
                }
                String key = lower.substring(0, eq).strip();
                String val = lower.substring(eq + 1).strip();
                switch (key) {
                    case "name" -> target = val;
                    case "alias" -> aliases.add(val);
                    case "ip" -> ipv4 = val;
                    case "ip6" -> ipv6 = val;
                    case "mac-address" -> mac = val;
                    case "link-local-ip" -> linkLocal.add(val);
                    case "driver-opt" -> {
                        int deq = val.indexOf('=');
                        if (deq <= 0) {
                            throw new FlagType.InvalidValue("invalid key value pair format in driver options");
                        }
                        driverOptions = driverOptions == null ? new JsonObject() : driverOptions;
                        driverOptions.addProperty(val.substring(0, deq).strip(), val.substring(deq + 1).strip());
                    }
                    default -> throw new FlagType.InvalidValue("invalid field key " + key);
                }
            }
            if (target.isEmpty()) {
                throw new FlagType.InvalidValue("network name/id is not specified");
            }
            return new NetworkAttachment(target, aliases, ipv4, ipv6, linkLocal, mac, driverOptions);
        }
    }

    public static NetworkFlags of(Invocation in) throws InvalidOptions {
        List<NetworkAttachment> networks = new ArrayList<>(in.get(NETWORK));
        networks.addAll(in.get(NET));
        List<String> aliases = new ArrayList<>(in.get(NETWORK_ALIAS));
        aliases.addAll(in.get(NET_ALIAS));
        List<String> dnsOptions = new ArrayList<>(in.get(DNS_OPTION));
        dnsOptions.addAll(in.get(DNS_OPT));
        String mac = in.get(MAC_ADDRESS);
        if (mac != null && !mac.isEmpty() && !MAC.matcher(mac.strip()).matches()) {
            throw new InvalidOptions(mac + " is not a valid mac address");
        }
        Defaults defaults = new Defaults(aliases, in.get(LINK), nullToEmpty(in.get(IP)), nullToEmpty(in.get(IP6)),
                nullToEmpty(mac), in.get(LINK_LOCAL_IP));
        JsonObject endpoints = new JsonObject();
        boolean userDefined = false;
        boolean builtIn = false;
        if (networks.isEmpty()) {
            JsonObject endpoint = endpoint(defaults.applyTo(new NetworkAttachment("default", List.of(), "", "", List.of(),
                    "", null)), defaults);
            if (endpoint.size() > 0) {
                endpoints.add("default", endpoint);
            }
        }
        for (int i = 0; i < networks.size(); i++) {
            NetworkAttachment n = networks.get(i);
            if (isUserDefined(n.target())) {
                userDefined = true;
            } else {
                builtIn = true;
            }
            if (i == 0) {
                n = defaults.applyTo(n);
            }
            JsonObject endpoint = endpoint(n, i == 0 ? defaults : null);
            if (endpoints.has(n.target())) {
                throw new InvalidOptions("network \"" + n.target() + "\" is specified multiple times");
            }
            if (i == 0 && networks.size() == 1 && endpoint.size() == 0) {
                continue;
            }
            endpoints.add(n.target(), endpoint);
        }
        if (userDefined && builtIn) {
            throw new InvalidOptions("conflicting options: cannot attach both user-defined and non-user-defined "
                    + "network-modes");
        }
        String mode = networks.isEmpty() ? "default" : networks.get(0).target();
        return new NetworkFlags(mode, endpoints, in.get(LINK), in.get(ADD_HOST), in.get(DNS), in.get(DNS_SEARCH),
                dnsOptions, nullToEmpty(mac));
    }

    public void applyTo(CreateRequest request) {
        JsonObject host = request.host();
        host.addProperty("NetworkMode", networkMode);
        if (!links.isEmpty()) {
            host.add("Links", CreateRequest.strings(links));
        }
        host.add("Dns", CreateRequest.strings(dns));
        host.add("DnsOptions", CreateRequest.strings(dnsOptions));
        host.add("DnsSearch", CreateRequest.strings(dnsSearch));
        if (!extraHosts.isEmpty()) {
            host.add("ExtraHosts", CreateRequest.strings(extraHosts));
        }
        if (endpoints.has(networkMode) && endpoints.getAsJsonObject(networkMode).has("MacAddress")) {
            request.config().add("MacAddress", endpoints.getAsJsonObject(networkMode).get("MacAddress"));
        } else {
            CreateRequest.putIfPresent(request.config(), "MacAddress", macAddress);
        }
        endpoints.entrySet().forEach(e -> request.endpoints().add(e.getKey(), e.getValue().deepCopy()));
    }

    /** The first DNS server on this computer's loopback, which containers cannot reach, or null. */
    public String loopbackDns() {
        return dns.stream().filter(IpAddress::isLoopback).findFirst().orElse(null);
    }

    /** The plain flags (--network-alias, --link, --ip, ...), which apply to the first network. */
    private record Defaults(List<String> aliases, List<String> links, String ipv4, String ipv6, String mac,
                            List<String> linkLocalIps) {
        NetworkAttachment applyTo(NetworkAttachment n) throws InvalidOptions {
            if (!n.aliases().isEmpty() && !aliases.isEmpty()) {
                throw new InvalidOptions("conflicting options: cannot specify both --network-alias and per-network alias");
            }
            if (!n.ipv4().isEmpty() && !ipv4.isEmpty()) {
                throw new InvalidOptions("conflicting options: cannot specify both --ip and per-network IPv4 address");
            }
            if (!n.ipv6().isEmpty() && !ipv6.isEmpty()) {
                throw new InvalidOptions("conflicting options: cannot specify both --ip6 and per-network IPv6 address");
            }
            if (!n.macAddress().isEmpty() && !mac.isEmpty()) {
                throw new InvalidOptions("conflicting options: cannot specify both --mac-address and per-network MAC "
                        + "address");
            }
            if (!n.linkLocalIps().isEmpty() && !linkLocalIps.isEmpty()) {
                throw new InvalidOptions("conflicting options: cannot specify both --link-local-ip and per-network "
                        + "link-local IP addresses");
            }
            return new NetworkAttachment(n.target(), aliases.isEmpty() ? n.aliases() : aliases,
                    ipv4.isEmpty() ? n.ipv4() : ipv4, ipv6.isEmpty() ? n.ipv6() : ipv6,
                    linkLocalIps.isEmpty() ? n.linkLocalIps() : linkLocalIps, mac.isEmpty() ? n.macAddress() : mac,
                    n.driverOptions());
        }
    }

    /** docker/cli's parseNetworkAttachmentOpt: the API's EndpointSettings, only the fields given. */
    private static JsonObject endpoint(NetworkAttachment n, Defaults defaults) throws InvalidOptions {
        if (n.target().isBlank()) {
            throw new InvalidOptions("no name set for network");
        }
        List<String> links = defaults != null && isUserDefined(n.target()) ? defaults.links() : List.of();
        if (!isUserDefined(n.target())) {
            if (!n.aliases().isEmpty()) {
                throw new InvalidOptions("network-scoped aliases are only supported for user-defined networks");
            }
        }
        JsonObject endpoint = new JsonObject();
        if (!n.aliases().isEmpty()) {
            endpoint.add("Aliases", CreateRequest.strings(n.aliases()));
        }
        if (n.driverOptions() != null) {
            endpoint.add("DriverOpts", n.driverOptions());
        }
        if (!links.isEmpty()) {
            endpoint.add("Links", CreateRequest.strings(links));
        }
        if (!n.ipv4().isEmpty() || !n.ipv6().isEmpty() || !n.linkLocalIps().isEmpty()) {
            JsonObject ipam = new JsonObject();
            CreateRequest.putIfPresent(ipam, "IPv4Address", n.ipv4());
            CreateRequest.putIfPresent(ipam, "IPv6Address", n.ipv6());
            if (!n.linkLocalIps().isEmpty()) {
                ipam.add("LinkLocalIPs", CreateRequest.strings(n.linkLocalIps()));
            }
            endpoint.add("IPAMConfig", ipam);
        }
        if (!n.macAddress().isEmpty()) {
            if (!MAC.matcher(n.macAddress().strip()).matches()) {
                throw new InvalidOptions(n.macAddress() + " is not a valid mac address");
            }
            endpoint.addProperty("MacAddress", n.macAddress());
        }
        return endpoint;
    }

    /** A network the user created, as opposed to default, bridge, host, none or container:NAME. */
    static boolean isUserDefined(String mode) {
        return !mode.equals("default") && !mode.equals("bridge") && !mode.equals("host") && !mode.equals("none")
                && !mode.startsWith("container:");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
