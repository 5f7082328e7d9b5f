package io.github.dockerlessons.compose;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
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

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Compose file's YAML with SnakeYAML Engine into {@link YamlNode}s that keep their line and
 * column. Scalars are typed by YAML 1.2's core schema, as go-yaml (Compose's parser) types them:
 * {@code yes} stays a string, {@code 80} is an integer. Merge keys ({@code <<: *defaults}) are
 * applied, keys written twice are an error (go-yaml's words), aliases are limited so that a small
 * file cannot expand into a huge one.
 */
public final class YamlLoader {
    private static final int MAX_ALIASES = 100;
    private static final int MAX_CODE_POINTS = 3 * 1024 * 1024;

    private YamlLoader() {
    }

    /** The document in {@code text}, or null when it holds none; {@code file} names it in errors. */
    public static YamlNode load(String text, String file) throws ComposeFileError {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // checked below, to say it in go-yaml's words
                .setMaxAliasesForCollections(MAX_ALIASES).setCodePointLimit(MAX_CODE_POINTS)
                .setUseMarks(true).build();
        Optional<Node> root;
        try {
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
        return new Converter(file).convert(root.get(), 0);
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

    /** Node by node, keeping what an alias shares (converted once) and refusing cycles. */
    private static final class Converter {
        private static final int MAX_DEPTH = 200;
        private final String file;
        private final Map<Node, YamlNode> done = new IdentityHashMap<>();

        Converter(String file) {
            this.file = file;
        }

        YamlNode convert(Node node, int depth) throws ComposeFileError {
            if (depth > MAX_DEPTH || node.isRecursive()) {
                throw new ComposeFileError("failed to parse " + file + ": yaml: anchors nest too deeply",
                        file, positionOf(node));
            }
            YamlNode known = done.get(node);
            if (known != null) {
                return known;
            }
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
            done.put(node, converted);
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
