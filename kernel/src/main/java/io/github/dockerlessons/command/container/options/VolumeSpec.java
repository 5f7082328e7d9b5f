package io.github.dockerlessons.command.container.options;

/**
 * A {@code -v} value as docker/cli's compose loader splits it: {@code [SOURCE:]TARGET[:OPTIONS]}. A
 * source that starts with "/", "." or "~" is a folder of this computer (a bind), any other a named
 * volume; no source is an anonymous volume.
 */
record VolumeSpec(String source, String target, String options) {

    boolean isBind() {
        return !source.isEmpty() && (source.charAt(0) == '/' || source.charAt(0) == '.' || source.charAt(0) == '~'
                || source.startsWith("\\\\"));
    }

    static VolumeSpec parse(String spec) throws InvalidOptions {
        if (spec.isEmpty()) {
            throw new InvalidOptions("invalid empty volume spec");
        }
        if (spec.length() <= 2) {
            return new VolumeSpec("", spec, "");
        }
        String source = "";
        String target = "";
        String options = "";
        StringBuilder buffer = new StringBuilder();
        int fields = 0;
        for (int i = 0; i <= spec.length(); i++) {
            boolean end = i == spec.length();
            char c = end ? 0 : spec.charAt(i);
            boolean windowsDrive = c == ':' && buffer.length() == 1 && Character.isLetter(buffer.charAt(0));
            if (!end && (c != ':' || windowsDrive)) {
                buffer.append(c);
                continue;
            }
            if (buffer.length() == 0) {
                throw new InvalidOptions("invalid spec: " + spec + ": empty section between colons");
            }
            String text = buffer.toString();
            buffer.setLength(0);
            if (fields == 0 && end) {
                target = text;
            } else if (fields == 0) {
                source = text;
            } else if (fields == 1) {
                target = text;
            } else if (!end) {
                throw new InvalidOptions("invalid spec: " + spec + ": too many colons");
            } else {
                options = text;
            }
            fields++;
        }
        return new VolumeSpec(source, target, options);
    }
}
