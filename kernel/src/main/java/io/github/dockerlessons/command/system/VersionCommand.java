package io.github.dockerlessons.command.system;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.render.SystemTemplates;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code docker version}: the client (this kernel) and the engine, laid out as the CLI lays them out.
 * The lecture uses it to show that the engine's OS is linux, so the server part is the engine's own.
 */
public final class VersionCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");

    public VersionCommand() {
        super(CommandSpec.command("version", "docker version [OPTIONS]")
                .flags(FORMAT));
    }

    /** Go's time.ANSIC, which the CLI uses for "Built:". */
    private static final DateTimeFormatter ANSIC =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        String format = in.get(FORMAT);
        if (format != null && !format.isEmpty()) {
            runFormat(ctx, format);
            return;
        }
        StringBuilder out = new StringBuilder("Client:\n");
        row(out, " ", "Version", KernelVersion.VERSION + " (Docker lesson kernel)");
        JsonObject server;
        try {
            JsonElement answer = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET, "/version"));
            server = answer.getAsJsonObject();
        } catch (DaemonError e) {
            ctx.console().out(clientTail(out, null, ctx.discovery().currentContextName()));
            throw DockerError.daemon(e);
        } catch (DockerError e) {
            ctx.console().out(clientTail(out, null, ctx.discovery().currentContextName()));
            throw e;
        }
        clientTail(out, str(server, "ApiVersion"), ctx.discovery().currentContextName());
        // The CLI's template: "Server:{{if ne .Server.Platform.Name ""}} {{.Server.Platform.Name}}{{end}}".
        JsonElement platform = server.get("Platform");
        String platformName = platform != null && platform.isJsonObject() ? str(platform.getAsJsonObject(), "Name") : "";
        out.append("\nServer:").append(platformName.isEmpty() ? "" : " " + platformName).append('\n');
        out.append(" Engine:\n");
        row(out, "  ", "Version", str(server, "Version"));
        row(out, "  ", "API version", str(server, "ApiVersion") + " (minimum version " + str(server, "MinAPIVersion") + ")");
        row(out, "  ", "Go version", str(server, "GoVersion"));
        row(out, "  ", "Git commit", str(server, "GitCommit"));
        row(out, "  ", "Built", built(str(server, "BuildTime")));
        row(out, "  ", "OS/Arch", str(server, "Os") + "/" + str(server, "Arch"));
        row(out, "  ", "Experimental", server.has("Experimental") ? server.get("Experimental").getAsString() : "false");
        if (server.has("Components") && server.get("Components").isJsonArray()) {
            for (JsonElement element : server.getAsJsonArray("Components")) {
                JsonObject component = element.getAsJsonObject();
                String name = str(component, "Name");
                if (name.equals("Engine")) {
                    continue;
                }
                out.append(' ').append(name).append(":\n");
                row(out, "  ", "Version", str(component, "Version"));
                if (component.has("Details") && component.get("Details").isJsonObject()) {
                    for (var detail : component.getAsJsonObject("Details").entrySet()) {
                        if (!detail.getKey().equals("ApiVersion") && !detail.getKey().equals("MinAPIVersion")
                                && !detail.getKey().equals("GoVersion") && !detail.getKey().equals("Os")
                                && !detail.getKey().equals("Arch") && !detail.getKey().equals("BuildTime")
                                && !detail.getKey().equals("KernelVersion") && !detail.getKey().equals("Experimental")) {
                            row(out, "  ", detail.getKey(), detail.getValue().getAsString());
                        }
                    }
                }
            }
        }
        ctx.console().out(out.toString());
    }

    /** --format: the template over Client and Server; without an engine, Server is nil and its error follows. */
    private static void runFormat(CommandContext ctx, String format) throws DockerError, InterruptedException {
        JsonObject server = null;
        DockerError engineError = null;
        try {
            server = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET, "/version"))
                    .getAsJsonObject();
        } catch (DaemonError e) {
            engineError = DockerError.daemon(e);
        } catch (DockerError e) {
            engineError = e;
        }
        Map<String, String> client = Map.of("Platform", "Docker lesson kernel", "Version", KernelVersion.VERSION,
                "ApiVersion", server == null ? "" : str(server, "ApiVersion"), "DefaultAPIVersion", "1.50",
                "GoVersion", "java" + System.getProperty("java.version"), "Os", "linux", "Arch", goArch(),
                "Context", ctx.discovery().currentContextName());
        JsonObject answer = server;
        try {
            Templates.print(ctx, () -> SystemTemplates.version(format, client, answer));
        } catch (DockerError e) {
            throw engineError != null ? engineError : e;
        }
        if (engineError != null) {
            throw engineError;
        }
    }

    private static String clientTail(StringBuilder out, String apiVersion, String context) {
        if (apiVersion != null) {
            row(out, " ", "API version", apiVersion + " (negotiated)");
        }
        row(out, " ", "Java version", System.getProperty("java.version"));
        row(out, " ", "OS/Arch", System.getProperty("os.name").toLowerCase(Locale.ROOT) + "/" + goArch());
        row(out, " ", "Context", context);
        return out.toString();
    }

    /** The CLI's aligned "Key:  value" rows: keys padded so values start in column 21. */
    private static void row(StringBuilder out, String indent, String key, String value) {
        String label = indent + key + ":";
        out.append(label).append(" ".repeat(Math.max(1, 20 - label.length()))).append(value).append('\n');
    }

    private static String built(String rfc3339) {
        try {
            return OffsetDateTime.parse(rfc3339).atZoneSameInstant(ZoneId.systemDefault()).format(ANSIC);
        } catch (DateTimeParseException e) {
            return rfc3339;
        }
    }

    private static String goArch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    static String str(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }
}
