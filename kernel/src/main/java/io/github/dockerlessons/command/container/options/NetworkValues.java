package io.github.dockerlessons.command.container.options;

import io.github.dockerlessons.command.flags.FlagType;

import java.util.regex.Pattern;

/**
 * How docker validates the values of the network flags, with its errors: {@code --add-host},
 * {@code --dns}, {@code --dns-search} and {@code --link}.
 */
final class NetworkValues {
    private NetworkValues() {
    }

    /** opts.ValidateExtraHost: {@code host:ip} or {@code host=ip}, answered as {@code host:ip}. */
    static String validateExtraHost(String value) throws FlagType.InvalidValue {
        int sep = value.indexOf('=');
        if (sep < 0) {
            sep = value.indexOf(':');
        }
        String key = sep < 0 ? value : value.substring(0, sep);
        if (sep < 0 || key.isEmpty() || key.contains(":")) {
            throw new FlagType.InvalidValue("bad format for add-host: " + FlagType.quote(value));
        }
        String ip = value.substring(sep + 1);
        if (!ip.equals("host-gateway")) {
            if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
                ip = ip.substring(1, ip.length() - 1);
            }
            if (!IpAddress.isValid(ip.strip())) {
                throw new FlagType.InvalidValue("invalid IP address in add-host: " + FlagType.quote(ip));
            }
        }
        return key + ":" + ip;
    }

    static String validateIp(String value) throws FlagType.InvalidValue {
        if (!IpAddress.isValid(value.strip())) {
            throw new FlagType.InvalidValue("IP address is not correctly formatted: " + value);
        }
        return value.strip();
    }

    private static final Pattern DOMAIN = Pattern.compile(
            "^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\\-]*[a-zA-Z0-9]))(:?\\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\\-]*[a-zA-Z0-9])))*)\\.?\\s*$");

    static String validateDnsSearch(String value) throws FlagType.InvalidValue {
        String trimmed = value.replaceAll("^ +| +$", "");
        if (trimmed.equals(".")) {
            return trimmed;
        }
        var m = DOMAIN.matcher(trimmed);
        if (!trimmed.matches("(?s).*[a-zA-Z].*") || !m.find() || m.group(1).length() >= 255) {
            throw new FlagType.InvalidValue(trimmed + " is not a valid domain");
        }
        return m.group(1);
    }

    /** opts.ValidateLink: {@code name} or {@code name:alias}. */
    static String validateLink(String value) throws FlagType.InvalidValue {
        if (value.isEmpty()) {
            throw new FlagType.InvalidValue("empty string specified for links");
        }
        if (value.split(":", -1).length > 2) {
            throw new FlagType.InvalidValue("bad format for links: " + value);
        }
        return value;
    }
}
