package io.github.dockerlessons.command.registry;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;

import java.nio.charset.StandardCharsets;

/**
 * {@code docker login [SERVER]}: the engine checks the user and password with the registry, and the
 * login is kept in the CLI's config.json, where push (and the docker CLI) find it. A cell has no
 * terminal to type a password into: it comes from {@code --password-stdin} and the cell's heredoc,
 * or {@code -p}; without either, the login kept for the server is tried again.
 */
public final class LoginCommand extends DeclaredCommand {
    private static final Flag<String> PASSWORD = Flag.string('p', "password");
    private static final Flag<Boolean> PASSWORD_STDIN = Flag.bool("password-stdin");
    private static final Flag<String> USERNAME = Flag.string('u', "username");

    public LoginCommand() {
        super(CommandSpec.command("login", "docker login [OPTIONS] [SERVER]")
                .flags(PASSWORD, PASSWORD_STDIN, USERNAME)
                .arity(Arity.atMost(1)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        String user = in.get(USERNAME) == null ? "" : in.get(USERNAME);
        String password = in.get(PASSWORD) == null ? "" : in.get(PASSWORD);
        if (!password.isEmpty()) {
            ctx.console().err("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n");
        }
        if (in.get(PASSWORD_STDIN)) {
            if (user.isEmpty()) {
                throw new DockerError(1, "the --password-stdin option requires --username to be set",
                        "hint.login.stdin");
            }
            password = ctx.heredoc() == null ? "" : new String(ctx.heredoc(), StandardCharsets.UTF_8);
            password = password.endsWith("\n") ? password.substring(0, password.length() - 1) : password;
            password = password.endsWith("\r") ? password.substring(0, password.length() - 1) : password;
        }
        String server = in.args().isEmpty() || in.arg(0).equals("docker.io") ? CredentialStore.INDEX_SERVER
                : in.arg(0);
        CredentialStore store = CredentialStore.of(ctx);
        try {
            CredentialStore.Credentials stored = user.isEmpty() && password.isEmpty() ? store.get(server) : null;
            if (stored != null && !stored.username().isEmpty() && !stored.password().isEmpty()) {
                ctx.console().err("Authenticating with existing credentials... [Username: " + stored.username()
                        + "]\n\n Info -> To login with a different account, run 'docker logout' followed by "
                        + "'docker login'\n\n\n");
                loginAndStore(ctx, store, stored);
                return;
            }
            if (user.isEmpty() || password.isEmpty()) {
                throw new DockerError(1, "Error: Cannot perform an interactive login from a non TTY device",
                        "hint.login.stdin");
            }
            loginAndStore(ctx, store, new CredentialStore.Credentials(user, password, "", server));
        } catch (LocalFileError e) {
            throw new DockerError(1, "Error saving credentials: " + e.getMessage());
        }
    }

    private static void loginAndStore(CommandContext ctx, CredentialStore store, CredentialStore.Credentials login)
            throws DockerError, InterruptedException, LocalFileError {
        JsonObject request = new JsonObject();
        request.addProperty("username", login.username());
        request.addProperty("password", login.password());
        request.addProperty("serveraddress", login.serverAddress());
        JsonObject answer;
        try {
            answer = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.POST, "/auth",
                    request)).getAsJsonObject();
        } catch (DaemonError e) {
            throw new DockerError(1, e.cliText(), "hint.login.failed", login.serverAddress());
        }
        String token = answer.has("IdentityToken") ? answer.get("IdentityToken").getAsString() : "";
        CredentialStore.Credentials kept = token.isEmpty() ? login
                : new CredentialStore.Credentials(login.username(), "", token, login.serverAddress());
        if (store.store(kept) && token.isEmpty()) {
            ctx.console().err("\nWARNING! Your credentials are stored unencrypted in '" + store.file() + "'.\n"
                    + "Configure a credential helper to remove this warning. See\n"
                    + "https://docs.docker.com/go/credential-store/\n\n");
        }
        ctx.console().out(answer.has("Status") ? answer.get("Status").getAsString() + "\n" : "");
    }
}
