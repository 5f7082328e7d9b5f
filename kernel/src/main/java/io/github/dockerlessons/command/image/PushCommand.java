package io.github.dockerlessons.command.image;

import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.registry.CredentialStore;
import io.github.dockerlessons.command.stream.JsonMessages;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;

import java.util.Map;

/**
 * {@code docker push NAME[:TAG]}: the engine uploads the image to its registry (the lessons' local
 * one, {@code localhost:PORT/NAME}), with the login kept by {@code docker login}; the layers' lines
 * and the digest are printed as the CLI prints them when not on a terminal.
 */
public final class PushCommand extends DeclaredCommand {
    private static final Flag<Boolean> ALL_TAGS = Flag.bool('a', "all-tags");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    /** Images are never signed (no notary): taken, as the CLI's default. */
    private static final Flag<Boolean> DISABLE_CONTENT_TRUST = Flag.of((char) 0, "disable-content-trust",
            FlagType.BOOL, true).defaultShownAs("true");

    public PushCommand() {
        super(CommandSpec.command("push", "docker push [OPTIONS] NAME[:TAG]")
                .aliases("docker image push", "docker push")
                .flags(ALL_TAGS, DISABLE_CONTENT_TRUST, QUIET)
                .takes(Arity.exactly(1), Arguments.first(NameKind.IMAGE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        ImageReference ref = ImageReference.parse(in.arg(0));
        boolean allTags = in.get(ALL_TAGS);
        if (allTags && ref.tag() != null) {
            throw new DockerError(1, "tag can't be used with --all-tags/-a");
        }
        if (!allTags && ref.tag() == null && ref.digest() == null && !in.get(QUIET)) {
            ctx.console().out("Using default tag: latest\n");
        }
        String tag = allTags ? "" : ref.tagOrLatest();
        String auth;
        try {
            auth = CredentialStore.of(ctx).registryAuthHeader(registryOf(ref.repository()));
        } catch (LocalFileError e) {
            throw new DockerError(1, e.getMessage());
        }
        String path = "/images/" + Engine.encode(ref.repository()) + "/push?tag=" + Engine.encode(tag);
        Console shown = in.get(QUIET) ? Console.NOWHERE : ctx.console();
        JsonMessages messages = new JsonMessages(shown, aux -> { });
        try {
            ctx.untilDone(ctx.messages().get("interrupt.engine.pushing", ref.familiar()), RawRequest.exchange(DockerHttpClient.Request.Method.POST, path, Map.of("X-Registry-Auth", auth), null,
                            messages::read));
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        }
        if (messages.error() != null) {
            throw new DockerError(1, messages.error(), "hint.push.failed");
        }
        if (in.get(QUIET)) {
            ctx.console().out(ref.repository() + (allTags ? "" : ":" + tag) + "\n");
        }
    }

    /** The registry of a repository name: its first part when that names a host, else Docker Hub. */
    static String registryOf(String repository) {
        int slash = repository.indexOf('/');
        String first = slash < 0 ? "" : repository.substring(0, slash);
        boolean host = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        return host ? first : CredentialStore.INDEX_SERVER;
    }
}
