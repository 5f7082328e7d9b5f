package io.github.dockerlessons.compose;

import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a service's env_file and environment keys the way compose-go does: each env file read in
 * (bounded, its variables interpolated from the project environment), then environment over them, a
 * key without a value taken from the project environment or dropped when that has none.
 */
final class ServiceEnvironment {
    private final ProjectReader reader;
    private final String file;
    private final Map<String, String> environment;

    ServiceEnvironment(ProjectReader reader, String file, Map<String, String> environment) {
        this.reader = reader;
        this.file = file;
        this.environment = environment;
    }

    /** The service's environment as KEY=VALUE: env_file first, then environment over it. */
    List<String> read(YamlNode.Mapping node) throws ComposeFileError {
        Map<String, String> values = new LinkedHashMap<>();
        YamlNode envFiles = node.get("env_file");
        List<YamlNode> files = new ArrayList<>();
        if (envFiles instanceof YamlNode.Sequence list) {
            files.addAll(list.items());
        } else if (envFiles != null) {
            files.add(envFiles);
        }
        for (YamlNode item : files) {
            String name;
            boolean required = true;
            if (item instanceof YamlNode.Mapping m) {
                name = ProjectReader.text(m.get("path"));
                required = ProjectReader.bool(m.get("required"), true);
            } else {
                name = ProjectReader.text(item);
            }
            Path envFile = reader.resolvePath(name);
            if (HostFiles.kind(envFile) == HostFiles.Kind.MISSING) {
                if (!required) {
                    continue;
                }
                throw new ComposeFileError("env file " + envFile + " not found: stat " + envFile
                        + ": no such file or directory", file, item.position());
            }
            try {
                // compose-go's os.ReadFile, bounded: a folder, /dev/zero or a pipe gets its own words
                String text = new String(HostFiles.read(envFile, envFile, HostFiles.TEXT_LIMIT), StandardCharsets.UTF_8);
                values.putAll(DotEnv.parse(text, key -> Optional.ofNullable(environment.get(key))));
            } catch (DotEnv.BadLine e) {
                throw new ComposeFileError("failed to read " + envFile + ": line " + e.line() + ": " + e.getMessage(),
                        file, item.position());
            } catch (LocalFileError e) {
                throw new ComposeFileError("failed to load " + envFile + ": " + e.getMessage(), file, item.position());
            } catch (InterruptedException e) {
                throw new ComposeFileError("failed to load " + envFile + ": interrupted", file, item.position());
            }
        }
        for (Map.Entry<String, String> entry : ProjectReader.listOrDict(node.get("environment")).entrySet()) {
            String value = entry.getValue() != null ? entry.getValue() : environment.get(entry.getKey());
            if (value == null) {
                values.remove(entry.getKey());
            } else {
                values.put(entry.getKey(), value);
            }
        }
        List<String> env = new ArrayList<>();
        values.forEach((k, v) -> env.add(k + "=" + v));
        return env;
    }
}
