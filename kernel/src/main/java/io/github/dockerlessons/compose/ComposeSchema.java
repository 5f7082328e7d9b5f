package io.github.dockerlessons.compose;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a Compose file against the Compose Specification's own JSON schema (compose-spec.json,
 * shipped unchanged beside this class), as compose-go does before it reads a file. The schema uses
 * a small part of JSON Schema (type, properties, patternProperties, additionalProperties, items,
 * oneOf, required, enum, pattern, minimum, maximum, uniqueItems, $ref), which is what this checks.
 * Of all the reasons a file fails, it reports the most specific one, as compose-go does, in the
 * words of compose-go's validator ("services.web additional properties 'imagee' not allowed"), and
 * the node where it happened, so the kernel can show the line and column too.
 */
public final class ComposeSchema {
    private static final JsonObject SCHEMA = load();
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ComposeSchema() {
    }

    private static JsonObject load() {
        try (InputStream in = ComposeSchema.class.getResourceAsStream("compose-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose-spec.json is missing from the kernel");
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reason the file does not fit the schema, at a node. */
    record Failure(List<String> path, String message, YamlNode node, int specificity) {
        String text() {
            return String.join(".", path) + " " + message;
        }
    }

    /** Fails with compose-go's words for the most specific problem, placed at its node. */
    public static void validate(YamlNode root, String file) throws ComposeFileError {
        List<Failure> failures = new ArrayList<>();
        check(SCHEMA, root, new ArrayList<>(), failures);
        Failure best = null;
        for (Failure failure : failures) {
            if (best == null || failure.specificity() > best.specificity()) {
                best = failure;
            }
        }
        if (best != null) {
            throw new ComposeFileError("validating " + file + ": " + best.text(), file, best.node().position());
        }
    }

    private static void check(JsonObject schema, YamlNode node, List<String> path, List<Failure> out) {
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").getAsString()), node, path, out);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), node)) {
            out.add(new Failure(List.copyOf(path), "must be a " + wanted(schema.get("type")), node, path.size()));
            return;
        }
        if (schema.has("enum")) {
            checkEnum(schema.getAsJsonArray("enum"), node, path, out);
        }
        if (schema.has("oneOf")) {
            checkOneOf(schema.getAsJsonArray("oneOf"), node, path, out);
        }
        if (node instanceof YamlNode.Scalar scalar) {
            checkScalar(schema, scalar, path, out);
        } else if (node instanceof YamlNode.Mapping mapping) {
            checkMapping(schema, mapping, path, out);
        } else if (node instanceof YamlNode.Sequence sequence) {
            checkSequence(schema, sequence, path, out);
        }
    }

    private static JsonObject resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("compose-spec.json refers outside itself: " + ref);
        }
        JsonElement at = SCHEMA;
        for (String part : ref.substring(2).split("/")) {
            at = at.getAsJsonObject().get(part);
        }
        return at.getAsJsonObject();
    }

    private static void checkOneOf(JsonArray options, YamlNode node, List<String> path, List<Failure> out) {
        List<Failure> all = new ArrayList<>();
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            List<Failure> failures = new ArrayList<>();
            check(options.get(i).getAsJsonObject(), node, path, failures);
            if (failures.isEmpty()) {
                matched.add(i);
            }
            all.addAll(failures);
        }
        if (matched.isEmpty()) {
            out.addAll(all);
        } else if (matched.size() > 1) {
            out.add(new Failure(List.copyOf(path), "oneOf failed, subschemas " + matched.get(0) + ", "
                    + matched.get(1) + " matched", node, path.size()));
        }
    }

    private static void checkEnum(JsonArray values, YamlNode node, List<String> path, List<Failure> out) {
        List<String> shown = new ArrayList<>();
        for (JsonElement value : values) {
            if (value.isJsonPrimitive() && node instanceof YamlNode.Scalar scalar && equalsJson(value, scalar)) {
                return;
            }
            shown.add(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                    ? quote(value.getAsString()) : value.toString());
        }
        out.add(new Failure(List.copyOf(path), shown.size() == 1 ? "value must be " + shown.get(0)
                : "value must be one of " + String.join(", ", shown), node, path.size()));
    }

    private static boolean equalsJson(JsonElement value, YamlNode.Scalar scalar) {
        var primitive = value.getAsJsonPrimitive();
        if (primitive.isString()) {
            return scalar.kind() == YamlNode.Kind.STRING && primitive.getAsString().equals(scalar.text());
        }
        if (primitive.isBoolean()) {
            return scalar.kind() == YamlNode.Kind.BOOL && primitive.getAsBoolean() == scalar.asBoolean();
        }
        return (scalar.kind() == YamlNode.Kind.INT || scalar.kind() == YamlNode.Kind.FLOAT)
                && number(scalar) == primitive.getAsDouble();
    }

    private static void checkScalar(JsonObject schema, YamlNode.Scalar scalar, List<String> path, List<Failure> out) {
        if (scalar.kind() == YamlNode.Kind.STRING && schema.has("pattern")) {
            String pattern = schema.get("pattern").getAsString();
            if (!PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(scalar.text()).find()) {
                out.add(new Failure(List.copyOf(path), quote(scalar.text()) + " does not match pattern "
                        + quote(pattern), scalar, path.size()));
            }
        }
        boolean numeric = scalar.kind() == YamlNode.Kind.INT || scalar.kind() == YamlNode.Kind.FLOAT;
        if (numeric && schema.has("minimum") && number(scalar) < schema.get("minimum").getAsDouble()) {
            out.add(new Failure(List.copyOf(path), "must be greater than or equal to "
                    + schema.get("minimum").getAsString(), scalar, path.size()));
        }
        if (numeric && schema.has("maximum") && number(scalar) > schema.get("maximum").getAsDouble()) {
            out.add(new Failure(List.copyOf(path), "must be less than or equal to "
                    + schema.get("maximum").getAsString(), scalar, path.size()));
        }
    }

    private static void checkMapping(JsonObject schema, YamlNode.Mapping mapping, List<String> path,
                                     List<Failure> out) {
        JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : null;
        JsonObject patterns = schema.has("patternProperties") ? schema.getAsJsonObject("patternProperties") : null;
        JsonElement additional = schema.get("additionalProperties");
        List<String> notAllowed = new ArrayList<>();
        YamlNode firstNotAllowed = null;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            path.add(entry.key());
            boolean known = false;
            if (properties != null && properties.has(entry.key())) {
                known = true;
                check(properties.getAsJsonObject(entry.key()), entry.value(), path, out);
            }
            if (patterns != null) {
                for (Map.Entry<String, JsonElement> pattern : patterns.entrySet()) {
                    if (PATTERNS.computeIfAbsent(pattern.getKey(), Pattern::compile).matcher(entry.key()).find()) {
                        known = true;
                        check(pattern.getValue().getAsJsonObject(), entry.value(), path, out);
                    }
                }
            }
            path.remove(path.size() - 1);
            if (!known && additional != null) {
                if (additional.isJsonPrimitive() && !additional.getAsBoolean()) {
                    notAllowed.add(quote(entry.key()));
                    if (firstNotAllowed == null) {
                        firstNotAllowed = keyNode(entry);
                    }
                } else if (additional.isJsonObject()) {
                    path.add(entry.key());
                    check(additional.getAsJsonObject(), entry.value(), path, out);
                    path.remove(path.size() - 1);
                }
            }
        }
        if (!notAllowed.isEmpty()) {
            out.add(new Failure(List.copyOf(path), "additional properties " + String.join(", ", notAllowed)
                    + " not allowed", firstNotAllowed, path.size() + 1));
        }
        if (schema.has("required")) {
            List<String> missing = new ArrayList<>();
            for (JsonElement name : schema.getAsJsonArray("required")) {
                if (!mapping.has(name.getAsString())) {
                    missing.add(quote(name.getAsString()));
                }
            }
            if (!missing.isEmpty()) {
                out.add(new Failure(List.copyOf(path), (missing.size() == 1 ? "missing property "
                        : "missing properties ") + String.join(", ", missing), mapping, path.size()));
            }
        }
    }

    /** A key's own place (the value of "imagee: x" is not where the mistake is). */
    private static YamlNode keyNode(YamlNode.Entry entry) {
        return new YamlNode.Scalar(entry.keyPosition(), entry.key(), YamlNode.Kind.STRING, true);
    }

    private static void checkSequence(JsonObject schema, YamlNode.Sequence sequence, List<String> path,
                                      List<Failure> out) {
        if (schema.has("items") && schema.get("items").isJsonObject()) {
            for (int i = 0; i < sequence.items().size(); i++) {
                path.add(Integer.toString(i));
                check(schema.getAsJsonObject("items"), sequence.items().get(i), path, out);
                path.remove(path.size() - 1);
            }
        }
        if (schema.has("uniqueItems") && schema.get("uniqueItems").getAsBoolean()) {
            for (int i = 0; i < sequence.items().size(); i++) {
                for (int j = i + 1; j < sequence.items().size(); j++) {
                    if (sameValue(sequence.items().get(i), sequence.items().get(j))) {
                        out.add(new Failure(List.copyOf(path), "items at " + i + " and " + j + " are equal",
                                sequence.items().get(j), path.size()));
                        return;
                    }
                }
            }
        }
    }

    private static boolean sameValue(YamlNode a, YamlNode b) {
        if (a instanceof YamlNode.Scalar x && b instanceof YamlNode.Scalar y) {
            boolean numbers = (x.kind() == YamlNode.Kind.INT || x.kind() == YamlNode.Kind.FLOAT)
                    && (y.kind() == YamlNode.Kind.INT || y.kind() == YamlNode.Kind.FLOAT);
            return numbers ? number(x) == number(y) : x.kind() == y.kind() && x.text().equals(y.text());
        }
        return false; // lists and mappings in unique lists: none in the spec's unique lists
    }

    private static boolean typeMatches(JsonElement type, YamlNode node) {
        if (type.isJsonArray()) {
            for (JsonElement one : type.getAsJsonArray()) {
                if (typeMatches(one, node)) {
                    return true;
                }
            }
            return false;
        }
        String want = type.getAsString();
        String have = node.jsonType();
        if (want.equals(have)) {
            return true;
        }
        if (want.equals("number")) {
            return have.equals("integer");
        }
        if (want.equals("integer") && node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.FLOAT) {
            double value = number(s);
            return value == Math.rint(value) && !Double.isInfinite(value);
        }
        return false;
    }

    /** compose-go's humanReadableType: "object" is a mapping; several are sorted and joined. */
    static String wanted(JsonElement type) {
        if (!type.isJsonArray()) {
            return readable(type.getAsString());
        }
        List<String> names = new ArrayList<>();
        type.getAsJsonArray().forEach(t -> names.add(readable(t.getAsString())));
        if (names.size() == 1) {
            return names.get(0);
        }
        names.sort(null);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String readable(String type) {
        return type.equals("object") ? "mapping" : type;
    }

    private static double number(YamlNode.Scalar scalar) {
        String text = scalar.text().replace("_", "");
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.startsWith("0o")) {
                return Long.parseLong(text.substring(2), 8);
            }
            if (text.equalsIgnoreCase(".inf") || text.equalsIgnoreCase("+.inf")) {
                return Double.POSITIVE_INFINITY;
            }
            if (text.equalsIgnoreCase("-.inf")) {
                return Double.NEGATIVE_INFINITY;
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The validator's quoting: Go's %q, with single quotes around. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
