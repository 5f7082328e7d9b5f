package io.github.dockerlessons.compose;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Compose file's YAML with SnakeYAML Engine into {@link YamlNode}s that keep their line and
 * column. Scalars are typed by YAML 1.2's core schema, as go-yaml (Compose's parser) types them:
 * {@code yes} stays a string, {@code 80} is an integer. Merge keys ({@code <<: *defaults}) are
 * applied, keys written twice are an error (go-yaml's words). A small file must not be able to end
 * the kernel: aliases to collections are counted, the nesting is limited (SnakeYAML composes
 * recursively, and so do the walks after it), the document as its aliases and merges expand it is
 * limited in values and in depth, a merge key that reaches its own mapping is refused, and the stop
 * button ends a load between any two nodes.
 */
public final class YamlLoader {
    private static final int MAX_ALIASES = 100;
    private static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    /** Nesting, as written and as aliases and merges expand it. */
    static final int MAX_DEPTH = 200;
    /** Values (scalars, mappings and lists) in the document as its aliases and merges expand it. */
    static final long MAX_VALUES = 100_000;

    private YamlLoader() {
    }

    /** The document in {@code text}, or null when it holds none; {@code file} names it in errors. */
    public static YamlNode load(String text, String file) throws ComposeFileError {
        return load(text, file, LoadGuard.unstoppable());
    }

    static YamlNode load(String text, String file, LoadGuard guard) throws ComposeFileError {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // checked below, to say it in go-yaml's words
                .setMaxAliasesForCollections(MAX_ALIASES).setCodePointLimit(MAX_CODE_POINTS)
                .setUseMarks(true).build();
        Optional<Node> root;
        try {
            checkNesting(new Parse(settings).parseString(text), file, guard);
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            YamlNode.Position at = e.getProblemMark().or(e::getContextMark).map(YamlLoader::position).orElse(null);
            throw new ComposeFileError("failed to parse " + file + ": yaml: "
                    + (at == null ? "" : "line " + at.line() + ": ") + goYamlWords(e.getProblem()), file, at);
        } catch (YamlEngineException e) {
            throw new ComposeFileError("failed to parse " + file + ": yaml: " + goYamlWords(e.getMessage()), file, null);
        }
        if (root.isEmpty()) {
            return null;
        }
        return new Converter(file, guard).convert(root.get(), 0);
    }

    /**
     * From the parser's events, before anything is composed: the nesting as written (the parser keeps
     * a stack of its own; the composer after it recurses per level, so a document 100,000 levels deep
     * would end its thread), and aliases inside their own anchor's value (SnakeYAML's composer
     * flattens a merge key that reaches its own mapping forever; go-yaml refuses any such alias).
     */
    private static void checkNesting(Iterable<Event> events, String file, LoadGuard guard) throws ComposeFileError {
        // per open collection, its anchor (or "" for none): an alias to one of them is a cycle
        Deque<String> open = new ArrayDeque<>();
        int seen = 0;
        for (Event event : events) {
            if ((++seen & 0xfff) == 0) {
                guard.check();
            }
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw tooDeep(file, event.getStartMark().map(YamlLoader::position).orElse(null));
                    }
                    open.push(((NodeEvent) event).getAnchor().map(Anchor::getValue).orElse(""));
                }
                case MappingEnd, SequenceEnd -> open.poll();
                case Alias -> {
                    String anchor = ((AliasEvent) event).getAnchor().map(Anchor::getValue).orElse("");
                    if (!anchor.isEmpty() && open.contains(anchor)) {
                        YamlNode.Position at = event.getStartMark().map(YamlLoader::position).orElse(null);
                        throw new ComposeFileError("failed to parse " + file + ": yaml: "
                                + (at == null ? "" : "line " + at.line() + ": ") + "anchor '" + anchor
                                + "' value contains itself", file, at);
                    }
                }
                default -> { }
            }
        }
    }

    /** go-yaml's words for its own depth limit, with the kernel's (smaller) limit. */
    private static ComposeFileError tooDeep(String file, YamlNode.Position at) {
        return ComposeFileError.limit("failed to parse " + file + ": yaml: "
                + (at == null ? "" : "line " + at.line() + ": ") + "exceeded max depth of " + MAX_DEPTH, file, at,
                new ComposeFileError.Limit("hint.compose.limit.depth", MAX_DEPTH));
    }

    /** SnakeYAML's words for the problems people make most, in go-yaml's (what Compose prints). */
    static String goYamlWords(String problem) {
        if (problem == null) {
            return "";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed in this context";
        }
        if (problem.startsWith("found character") && problem.contains("that cannot start any token")) {
            return "found character that cannot start any token";
        }
        if (problem.startsWith("expected <block end>, but found")) {
            return "did not find expected key";
        }
        if (problem.startsWith("found undefined alias")) {
            return "unknown anchor '" + problem.substring(problem.lastIndexOf(' ') + 1) + "' referenced";
        }
        return problem;
    }

    static YamlNode.Position position(Mark mark) {
        return new YamlNode.Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static YamlNode.Position positionOf(Node node) {
        return node.getStartMark().map(YamlLoader::position).orElse(new YamlNode.Position(0, 0));
    }

    /**
     * Node by node, keeping what an alias shares (converted once) and refusing cycles; it measures
     * each converted node as the document would be expanded (values and depth), since every walk
     * after this one (substitution, the schema, printing) visits a shared node once per reference.
     */
    private static final class Converter {
        private final String file;
        private final LoadGuard guard;
        private final Map<Node, YamlNode> done = new IdentityHashMap<>();
        /** The nodes being converted: an alias or a merge that reaches one of them is a cycle. */
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Per converted node: its values and its depth, as expanded. */
        private final Map<YamlNode, long[]> measured = new IdentityHashMap<>();

        Converter(String file, LoadGuard guard) {
            this.file = file;
            this.guard = guard;
        }

        YamlNode convert(Node node, int depth) throws ComposeFileError {
            guard.check();
            if (open.contains(node) || node.isRecursive()) {
                throw containsItself(node);
            }
            if (depth > MAX_DEPTH) {
                throw tooDeep(file, positionOf(node));
            }
            YamlNode known = done.get(node);
            if (known != null) {
                return known;
            }
            open.add(node);
            try {
                YamlNode converted = convertOpen(node, depth);
                measure(converted);
                done.put(node, converted);
                return converted;
            } finally {
                open.remove(node);
            }
        }

        /** go-yaml's words for an anchor whose value holds an alias to itself. */
        private ComposeFileError containsItself(Node node) {
            String anchor = node.getAnchor().map(Object::toString).orElse("");
            YamlNode.Position at = positionOf(node);
            return new ComposeFileError("failed to parse " + file + ": yaml: anchor '" + anchor
                    + "' value contains itself", file, at);
        }

        /** Values and depth of {@code node} as expanded, from its children's (measured before it). */
        private void measure(YamlNode node) throws ComposeFileError {
            long values = 1;
            long depth = 0;
            Iterable<YamlNode> children = node instanceof YamlNode.Mapping m
                    ? m.entries().values().stream().map(YamlNode.Entry::value).toList()
                    : node instanceof YamlNode.Sequence s ? s.items() : List.of();
            for (YamlNode child : children) {
                long[] size = measured.getOrDefault(child, new long[] {1, 0});
                values += size[0];
                depth = Math.max(depth, size[1] + 1);
            }
            if (values > MAX_VALUES) {
                // go-yaml's words when aliases made it so large; a file that is simply that long is told so.
                String why = done.size() * 2L < values ? "document contains excessive aliasing"
                        : "document holds more than " + MAX_VALUES + " values";
                throw ComposeFileError.limit("failed to parse " + file + ": yaml: " + why, file, node.position(),
                        new ComposeFileError.Limit("hint.compose.limit.values", MAX_VALUES));
            }
            if (depth > MAX_DEPTH) {
                throw tooDeep(file, node.position());
            }
            measured.put(node, new long[] {values, depth});
        }

        private YamlNode convertOpen(Node node, int depth) throws ComposeFileError {
            YamlNode converted;
            if (node instanceof ScalarNode scalar) {
                converted = scalar(scalar);
            } else if (node instanceof SequenceNode sequence) {
                List<YamlNode> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(convert(item, depth + 1));
                }
                converted = new YamlNode.Sequence(positionOf(node), items);
            } else {
                converted = mapping((MappingNode) node, depth);
            }
            return converted;
        }

        private YamlNode.Scalar scalar(ScalarNode node) {
            Tag tag = node.getTag();
            YamlNode.Kind kind;
            if (Tag.NULL.equals(tag)) {
                kind = YamlNode.Kind.NULL;
            } else if (Tag.BOOL.equals(tag)) {
                kind = YamlNode.Kind.BOOL;
            } else if (Tag.INT.equals(tag)) {
                kind = YamlNode.Kind.INT;
            } else if (Tag.FLOAT.equals(tag)) {
                kind = YamlNode.Kind.FLOAT;
            } else {
                kind = YamlNode.Kind.STRING;
            }
            return new YamlNode.Scalar(positionOf(node), node.getValue(), kind, node.isPlain());
        }

        private YamlNode.Mapping mapping(MappingNode node, int depth) throws ComposeFileError {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            List<YamlNode.Mapping> merged = new ArrayList<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                YamlNode.Position keyAt = positionOf(keyNode);
                if (!(keyNode instanceof ScalarNode key)) {
                    throw new ComposeFileError("failed to parse " + file + ": yaml: line " + keyAt.line()
                            + ": invalid map key: a mapping or a list cannot be a key", file, keyAt);
                }
                if (key.getValue().equals("<<") && (key.isPlain() || Tag.MERGE.equals(key.getTag()))) {
                    YamlNode source = convert(tuple.getValueNode(), depth + 1);
                    merged.addAll(mergeSources(source));
                    continue;
                }
                YamlNode.Entry before = entries.get(key.getValue());
                if (before != null) {
                    throw new ComposeFileError("failed to parse " + file + ": yaml: unmarshal errors:\n  line "
                            + keyAt.line() + ": mapping key \"" + key.getValue() + "\" already defined at line "
                            + before.keyPosition().line(), file, keyAt);
                }
                entries.put(key.getValue(), new YamlNode.Entry(key.getValue(), keyAt,
                        convert(tuple.getValueNode(), depth + 1)));
            }
            // YAML's merge: keys written in the mapping win over merged ones, earlier sources over later.
            for (YamlNode.Mapping source : merged) {
                source.entries().forEach(entries::putIfAbsent);
            }
            return new YamlNode.Mapping(positionOf(node), entries);
        }

        private List<YamlNode.Mapping> mergeSources(YamlNode source) throws ComposeFileError {
            List<YamlNode.Mapping> sources = new ArrayList<>();
            if (source instanceof YamlNode.Mapping m) {
                sources.add(m);
            } else if (source instanceof YamlNode.Sequence s) {
                for (YamlNode item : s.items()) {
                    if (!(item instanceof YamlNode.Mapping m)) {
                        throw mergeError(item);
                    }
                    sources.add(m);
                }
            } else {
                throw mergeError(source);
            }
            return sources;
        }

        private ComposeFileError mergeError(YamlNode node) {
            return new ComposeFileError("failed to parse " + file + ": yaml: line " + node.position().line()
                    + ": map merge requires map or sequence of maps as the value", file, node.position());
        }
    }
}
