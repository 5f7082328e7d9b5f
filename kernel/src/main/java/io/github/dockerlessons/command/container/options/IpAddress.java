package io.github.dockerlessons.command.container.options;

import java.util.regex.Pattern;

/** Go's net.ParseIP as docker's flags validate addresses: dotted IPv4 or IPv6 text, no brackets, no names. */
public final class IpAddress {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    private IpAddress() {
    }

    public static boolean isValid(String text) {
        return IPV4.matcher(text).matches() || isIpv6(text);
    }

    public static boolean isLoopback(String text) {
        return (IPV4.matcher(text).matches() && text.startsWith("127.")) || text.equals("::1");
    }

    private static boolean isIpv6(String text) {
        if (!text.contains(":")) {
            return false;
        }
        String body = text;
        int groups = 0;
        int lastColon = body.lastIndexOf(':');
        if (body.substring(lastColon + 1).contains(".")) {
            if (!IPV4.matcher(body.substring(lastColon + 1)).matches()) {
                return false;
            }
            body = body.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = body.indexOf("::");
        if (doubleColon >= 0 && body.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        for (String side : doubleColon >= 0 ? new String[]{body.substring(0, doubleColon), body.substring(doubleColon + 2)}
                : new String[]{body}) {
            if (side.isEmpty()) {
                continue;
            }
            for (String group : side.split(":", -1)) {
                if (!HEX_GROUP.matcher(group).matches()) {
                    return false;
                }
                groups++;
            }
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }
}
