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
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.render.SystemTemplates;


/** {@code docker info}: the engine's summary, in the CLI's Server section layout. */
public final class InfoCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");

    public InfoCommand() {
        super(CommandSpec.command("info", "docker info [OPTIONS]")
                .aliases("docker system info", "docker info")
                .flags(FORMAT));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        String format = in.get(FORMAT);
        JsonObject info = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET, "/info")).getAsJsonObject();
        if (format != null && !format.isEmpty()) {
            Templates.print(ctx, () -> SystemTemplates.info(format, info));
            return;
        }
        StringBuilder out = new StringBuilder();
        out.append("Client:\n Version:    ").append(KernelVersion.VERSION).append("\n Context:    ")
                .append(ctx.discovery().currentContextName()).append("\n");
        out.append(" Debug Mode: false\n\n");
        out.append("Server:\n");
        line(out, " Containers", num(info, "Containers"));
        line(out, "  Running", num(info, "ContainersRunning"));
        line(out, "  Paused", num(info, "ContainersPaused"));
        line(out, "  Stopped", num(info, "ContainersStopped"));
        line(out, " Images", num(info, "Images"));
        line(out, " Server Version", VersionCommand.str(info, "ServerVersion"));
        line(out, " Storage Driver", VersionCommand.str(info, "Driver"));
        line(out, " Logging Driver", VersionCommand.str(info, "LoggingDriver"));
        line(out, " Cgroup Driver", VersionCommand.str(info, "CgroupDriver"));
        line(out, " Cgroup Version", VersionCommand.str(info, "CgroupVersion"));
        line(out, " Kernel Version", VersionCommand.str(info, "KernelVersion"));
        line(out, " Operating System", VersionCommand.str(info, "OperatingSystem"));
        line(out, " OSType", VersionCommand.str(info, "OSType"));
        line(out, " Architecture", VersionCommand.str(info, "Architecture"));
        line(out, " CPUs", num(info, "NCPU"));
        line(out, " Total Memory", GoText.binarySize(info.has("MemTotal") ? info.get("MemTotal").getAsDouble() : 0));
        line(out, " Name", VersionCommand.str(info, "Name"));
        line(out, " ID", VersionCommand.str(info, "ID"));
        line(out, " Docker Root Dir", VersionCommand.str(info, "DockerRootDir"));
        ctx.console().out(out.toString());
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(": ").append(value).append('\n');
    }

    private static String num(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? "0" : value.getAsString();
    }
}
