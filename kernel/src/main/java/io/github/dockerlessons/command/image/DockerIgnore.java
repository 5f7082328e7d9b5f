package io.github.dockerlessons.command.image;

import io.github.dockerlessons.golang.GoFilepath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of a {@code .dockerignore} as docker reads and matches them (moby's patternmatcher and
 * ignorefile): each line cleaned like a path, {@code !} re-includes, {@code **} crosses folders, and a
 * pattern that Go's filepath.Match calls malformed fails with Go's words, "syntax error in pattern".
 */
final class DockerIgnore {
    /** A pattern the CLI refuses; the message is Go's (filepath.ErrBadPattern) or patternmatcher's. */
    static final class BadPattern extends Exception {
        BadPattern(String message) {
            super(message, null, false, false);
        }
    }

    private enum MatchType { EXACT, PREFIX, SUFFIX, REGEXP }

    private record Rule(String cleaned, boolean exclusion, int depth, MatchType type, Pattern regexp) {
        boolean matches(String path) {
            return switch (type) {
                case EXACT -> path.equals(cleaned);
                case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
                case SUFFIX -> {
                    String suffix = cleaned.substring(2);
                    yield path.endsWith(suffix) || suffix.startsWith("/") && path.equals(suffix.substring(1));
                }
                case REGEXP -> regexp.matcher(path).matches();
            };
        }
    }

    private final List<Rule> rules;
    private final boolean exclusions;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
        this.exclusions = rules.stream().anyMatch(Rule::exclusion);
    }

    /** ignorefile.ReadAll: the file's lines as patterns (comments, blanks and a BOM dropped, paths cleaned). */
    static List<String> readAll(String text) {
        List<String> patterns = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String pattern = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (pattern.startsWith("#")) {
                continue;
            }
            pattern = pattern.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean invert = pattern.charAt(0) == '!';
            if (invert) {
                pattern = pattern.substring(1).strip();
            }
            if (!pattern.isEmpty()) {
                pattern = GoFilepath.clean(pattern);
                if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                    pattern = pattern.substring(1);
                }
            }
            patterns.add(invert ? "!" + pattern : pattern);
        }
        return patterns;
    }

    /** patternmatcher.New: the patterns compiled, or the CLI's reason why not. */
    static DockerIgnore compile(List<String> patterns) throws BadPattern {
        List<Rule> rules = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            p = GoFilepath.clean(p);
            boolean exclusion = false;
            if (p.charAt(0) == '!') {
                if (p.length() == 1) {
                    throw new BadPattern("illegal exclusion pattern: \"!\"");
                }
                exclusion = true;
                p = p.substring(1);
            }
            if (!GoFilepath.isValidPattern(p)) {
                throw new BadPattern("syntax error in pattern");
            }
            rules.add(rule(p, exclusion));
        }
        return new DockerIgnore(rules);
    }

    /** Pattern.compile of patternmatcher: the pattern as a regular expression, or a faster kind. */
    private static Rule rule(String pattern, boolean exclusion) {
        StringBuilder regex = new StringBuilder("^");
        MatchType type = MatchType.EXACT;
        for (int i = 0; i < pattern.length(); ) {
            int start = i;
            char ch = pattern.charAt(i++);
            if (ch == '*') {
                if (i < pattern.length() && pattern.charAt(i) == '*') {
                    i++;
                    if (i < pattern.length() && pattern.charAt(i) == '/') {
                        i++;
                    }
                    if (i >= pattern.length()) {
                        if (type == MatchType.EXACT) {
                            type = MatchType.PREFIX;
                        } else {
                            regex.append(".*");
                            type = MatchType.REGEXP;
                        }
                    } else {
                        regex.append("(.*/)?");
                        type = MatchType.REGEXP;
                    }
                    if (start == 0) {
                        type = MatchType.SUFFIX;
                    }
                } else {
                    regex.append("[^/]*");
                    type = MatchType.REGEXP;
                }
            } else if (ch == '?') {
                regex.append("[^/]");
                type = MatchType.REGEXP;
            } else if (".$()|{}+^".indexOf(ch) >= 0) {
                regex.append('\\').append(ch);
            } else if (ch == '\\') {
                if (i < pattern.length()) {
                    regex.append('\\').append(pattern.charAt(i++));
                } else {
                    regex.append("\\\\");
                }
            } else if (ch == '[' || ch == ']') {
                regex.append(ch);
                type = MatchType.REGEXP;
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        regex.append('$');
        Pattern compiled = null;
        if (type == MatchType.REGEXP) {
            try {
                compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
            } catch (RuntimeException e) {
                // Go's regexp and Java's differ at the edges of character classes: such a pattern matches nothing
                compiled = Pattern.compile("(?!)");
            }
        }
        return new Rule(pattern, exclusion, pattern.split("/", -1).length, type, compiled);
    }

    boolean hasExclusions() {
        return exclusions;
    }

    /**
     * MatchesOrParentMatches: whether {@code path} (slash-separated, relative to the context) is
     * excluded, the last pattern that matches it or one of its parents deciding.
     */
    boolean excludes(String path) {
        String[] parentDirs = parentDirs(path);
        boolean matched = false;
        for (Rule rule : rules) {
            if (rule.exclusion() != matched) {
                continue;
            }
            boolean match = rule.matches(path);
            if (!match && parentDirs.length > 0) {
                for (int i = 1; i <= parentDirs.length && !match; i++) {
                    match = rule.matches(String.join("/", Arrays.copyOfRange(parentDirs, 0, i)));
                }
            }
            if (match) {
                matched = !rule.exclusion();
            }
        }
        return matched;
    }

    private static String[] parentDirs(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? new String[0] : path.substring(0, slash).split("/");
    }

    /**
     * Whether an excluded folder must still be walked: moby's TarWithOptions walks into it when an
     * exclusion pattern names something under it.
     */
    boolean mayReinclude(String folder) {
        String prefix = folder + "/";
        return rules.stream().anyMatch(rule -> rule.exclusion() && (rule.cleaned() + "/").startsWith(prefix));
    }
}
