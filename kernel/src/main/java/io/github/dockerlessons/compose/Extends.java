package io.github.dockerlessons.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code extends:} resolved as compose-go resolves it: the base service (in the same file, or in
 * {@code file:} relative to the extending file) is read first, itself extended if it extends, and the
 * service's own keys merged over it as an override file's are. A base from another file has its
 * relative paths (build context, env_file, bind mounts) made absolute against that file's folder.
 */
final class Extends {
    /** Reads another Compose file (interpolated, checked); null when empty. */
    interface FileReader {
        YamlNode.Mapping read(Path file) throws ComposeFileError;
    }

    private final Path mainFile;
    private final FileReader reader;
    private final Map<Path, YamlNode.Mapping> loaded = new LinkedHashMap<>();

    Extends(Path mainFile, FileReader reader) {
        this.mainFile = mainFile;
        this.reader = reader;
    }

    /** The document with every service's extends replaced by what it means. */
    YamlNode.Mapping resolve(YamlNode.Mapping root, Path workingDir) throws ComposeFileError {
        if (!(root.get("services") instanceof YamlNode.Mapping services)) {
            return root;
        }
        Map<String, YamlNode.Entry> resolved = new LinkedHashMap<>();
        for (YamlNode.Entry entry : services.entries().values()) {
            YamlNode value = entry.value() instanceof YamlNode.Mapping service
                    ? service(services, service, workingDir, mainFile, new ArrayList<>(List.of(mainFile + ":" + entry.key())))
                    : entry.value();
            resolved.put(entry.key(), new YamlNode.Entry(entry.key(), entry.keyPosition(), value));
        }
        Map<String, YamlNode.Entry> top = new LinkedHashMap<>(root.entries());
        YamlNode.Entry old = top.get("services");
        top.put("services", new YamlNode.Entry("services", old.keyPosition(),
                new YamlNode.Mapping(services.position(), resolved)));
        return new YamlNode.Mapping(root.position(), top);
    }

    private YamlNode.Mapping service(YamlNode.Mapping services, YamlNode.Mapping service, Path dir, Path file,
                                     List<String> chain) throws ComposeFileError {
        YamlNode spec = service.get("extends");
        if (spec == null) {
            return service;
        }
        String baseName;
        String baseFile = null;
        if (spec instanceof YamlNode.Mapping m) {
            baseName = ProjectReader.text(m.get("service"));
            baseFile = ProjectReader.text(m.get("file"));
        } else {
            baseName = ProjectReader.text(spec);
        }
        YamlNode.Mapping baseServices = services;
        Path baseDir = dir;
        Path baseFilePath = file;
        if (baseFile != null) {
            baseFilePath = dir.resolve(baseFile).normalize();
            baseDir = baseFilePath.getParent();
            YamlNode.Mapping other = loaded.get(baseFilePath);
            if (other == null) {
                other = reader.read(baseFilePath);
                loaded.put(baseFilePath, other == null ? new YamlNode.Mapping(spec.position(), Map.of()) : other);
                other = loaded.get(baseFilePath);
            }
            baseServices = other.get("services") instanceof YamlNode.Mapping s ? s
                    : new YamlNode.Mapping(spec.position(), Map.of());
        }
        String link = baseFilePath + ":" + baseName;
        if (chain.contains(link)) {
            throw new ComposeFileError("circular reference with extends: " + String.join(" -> ", chain) + " -> " + link,
                    mainFile.toString(), spec.position());
        }
        if (!(baseServices.get(baseName) instanceof YamlNode.Mapping base)) {
            throw new ComposeFileError("cannot extend service \"" + baseName + "\" in " + baseFilePath
                    + ": service not found", mainFile.toString(), spec.position());
        }
        chain.add(link);
        YamlNode.Mapping resolvedBase = service(baseServices, base, baseDir, baseFilePath, chain);
        if (!baseDir.equals(dir)) {
            resolvedBase = RelativePaths.rebase(resolvedBase, baseDir);
        }
        Map<String, YamlNode.Entry> own = new LinkedHashMap<>(service.entries());
        own.remove("extends");
        return ProjectLoader.Merge.mappings(resolvedBase, new YamlNode.Mapping(service.position(), own));
    }

    /** A service from another folder with its relative paths made absolute there. */
    static final class RelativePaths {
        private RelativePaths() {
        }

        static YamlNode.Mapping rebase(YamlNode.Mapping service, Path dir) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(service.entries());
            entries.computeIfPresent("build", (k, e) -> new YamlNode.Entry(k, e.keyPosition(),
                    e.value() instanceof YamlNode.Mapping b ? with(b, "context", dir) : absolute(e.value(), dir)));
            entries.computeIfPresent("env_file", (k, e) -> new YamlNode.Entry(k, e.keyPosition(),
                    e.value() instanceof YamlNode.Sequence list ? new YamlNode.Sequence(list.position(),
                            list.items().stream().map(i -> i instanceof YamlNode.Mapping m ? with(m, "path", dir)
                                    : absolute(i, dir)).toList()) : absolute(e.value(), dir)));
            entries.computeIfPresent("volumes", (k, e) -> new YamlNode.Entry(k, e.keyPosition(),
                    e.value() instanceof YamlNode.Sequence list ? new YamlNode.Sequence(list.position(),
                            list.items().stream().map(i -> volume(i, dir)).toList()) : e.value()));
            return new YamlNode.Mapping(service.position(), entries);
        }

        private static YamlNode volume(YamlNode item, Path dir) {
            if (item instanceof YamlNode.Mapping m) {
                return "bind".equals(ProjectReader.text(m.get("type"))) ? with(m, "source", dir) : m;
            }
            String spec = ProjectReader.text(item);
            if (spec != null && spec.startsWith(".") && item instanceof YamlNode.Scalar s) {
                int colon = spec.indexOf(':');
                String source = colon < 0 ? spec : spec.substring(0, colon);
                return new YamlNode.Scalar(s.position(), dir.resolve(source).normalize()
                        + (colon < 0 ? "" : spec.substring(colon)), YamlNode.Kind.STRING, false);
            }
            return item;
        }

        private static YamlNode.Mapping with(YamlNode.Mapping m, String key, Path dir) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(m.entries());
            entries.computeIfPresent(key, (k, e) -> new YamlNode.Entry(k, e.keyPosition(), absolute(e.value(), dir)));
            if (key.equals("context") && !entries.containsKey("context")) {
                entries.put("context", new YamlNode.Entry("context", m.position(),
                        new YamlNode.Scalar(m.position(), dir.toString(), YamlNode.Kind.STRING, false)));
            }
            return new YamlNode.Mapping(m.position(), entries);
        }

        private static YamlNode absolute(YamlNode node, Path dir) {
            String text = ProjectReader.text(node);
            if (text == null || text.startsWith("/") || text.startsWith("~") || !(node instanceof YamlNode.Scalar s)) {
                return node;
            }
            return new YamlNode.Scalar(s.position(), dir.resolve(text).normalize().toString(), YamlNode.Kind.STRING,
                    false);
        }
    }
}
