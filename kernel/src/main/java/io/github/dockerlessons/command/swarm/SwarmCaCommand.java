package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.golang.GoTime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code docker swarm ca [--rotate]}: the swarm's root CA certificate as the CLI prints it; with
 * --rotate a new root CA (given with --ca-cert and --ca-key, else made by the swarm), then, unless
 * -d, a wait until every node trusts it and the new certificate. The CLI's progress bars of the
 * rotation are not drawn: the wait is silent.
 */
public final class SwarmCaCommand extends DeclaredCommand {
    private static final Flag<Boolean> ROTATE = Flag.bool("rotate");
    private static final Flag<String> CA_CERT = Flag.string("ca-cert");
    private static final Flag<String> CA_KEY = Flag.string("ca-key");
    private static final Flag<String> CERT_EXPIRY = Flag.string("cert-expiry");
    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Duration POLL = Duration.ofMillis(500);
    /** What Go's pem.Decode finds: a BEGIN line, then its END line. */
    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN ([^-\\n]*)-----[\\s\\S]*?-----END \\1-----");

    public SwarmCaCommand() {
        super(CommandSpec.command("swarm ca", "docker swarm ca [OPTIONS]")
                .flags(CA_CERT, CA_KEY, CERT_EXPIRY, DETACH, QUIET, ROTATE)
                .takes(Arity.none(), Arguments.none()));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        // the CLI's PEMFile flags read their file as they are parsed, before anything else
        String cert = in.isSet(CA_CERT) ? pem(in.get(CA_CERT), "--ca-cert") : "";
        String key = in.isSet(CA_KEY) ? pem(in.get(CA_KEY), "--ca-key") : "";
        JsonObject swarm = SwarmApi.object(SwarmApi.get(ctx, "/swarm"));
        if (!in.get(ROTATE)) {
            for (Flag<String> flag : java.util.List.of(CA_CERT, CA_KEY, CERT_EXPIRY)) {
                if (in.isSet(flag)) {
                    throw new DockerError(1, "`--" + flag.name() + "` flag requires the `--rotate` flag to update the CA",
                            null);
                }
            }
            ctx.console().out(trustRoot(swarm));
            return;
        }
        if (in.isSet(CA_CERT) && !in.isSet(CA_KEY)) {
            throw new DockerError(1, "the --ca-cert flag requires that a --ca-key flag and/or --external-ca flag be "
                    + "provided as well", null);
        }
        JsonObject spec = SwarmApi.at(swarm, "Spec") == null ? new JsonObject() : SwarmApi.at(swarm, "Spec");
        JsonObject ca = SwarmApi.at(spec, "CAConfig");
        if (ca == null) {
            ca = new JsonObject();
            spec.add("CAConfig", ca);
        }
        if (in.isSet(CERT_EXPIRY)) {
            try {
                ca.addProperty("NodeCertExpiry", GoTime.parseDuration(in.get(CERT_EXPIRY)));
            } catch (GoTime.InvalidDuration e) {
                throw new DockerError(125, "invalid argument \"" + in.get(CERT_EXPIRY) + "\" for \"--cert-expiry\" flag: "
                        + e.getMessage(), null);
            }
        }
        ca.addProperty("SigningCACert", cert);
        ca.addProperty("SigningCAKey", key);
        if (cert.isEmpty() && key.isEmpty()) {
            String force = SwarmApi.text(ca, "ForceRotate");
            ca.addProperty("ForceRotate", (force.isEmpty() ? 0 : Long.parseLong(force)) + 1);
        }
        SwarmApi.post(ctx, "/swarm/update?version=" + SwarmApi.text(swarm, "Version", "Index"), spec);
        if (in.get(DETACH)) {
            return;
        }
        while (SwarmApi.text(SwarmApi.object(SwarmApi.get(ctx, "/swarm")), "RootRotationInProgress").equals("true")) {
            Thread.sleep(POLL.toMillis());
        }
        if (!in.get(QUIET)) {
            ctx.console().out(trustRoot(SwarmApi.object(SwarmApi.get(ctx, "/swarm"))));
        }
    }

    /** The CLI's displayTrustRoot: the certificate without its surrounding blanks, and a line end. */
    private static String trustRoot(JsonObject swarm) throws DockerError {
        String root = SwarmApi.text(swarm, "TLSInfo", "TrustRoot").strip();
        if (root.isEmpty()) {
            throw new DockerError(1, "No CA information available", null);
        }
        return root + "\n";
    }

    /**
     * A PEM file's text, as the CLI's PEMFile flag reads it: a file that holds a PEM block. Through
     * HostFiles, bounded and where the stop button reaches: Files.readString of /dev/zero filled the
     * kernel's heap and ended it, and of a named pipe waited past the stop button.
     */
    private static String pem(String file, String flag) throws DockerError, InterruptedException {
        String text;
        try {
            text = new String(HostFiles.read(Path.of(file), file, HostFiles.TEXT_LIMIT), StandardCharsets.ISO_8859_1);
        } catch (LocalFileError e) {
            throw invalid(file, flag, e.getMessage());
        }
        if (!PEM_BLOCK.matcher(text).find()) {
            throw invalid(file, flag, "file contents must be in PEM format");
        }
        return text;
    }

    private static DockerError invalid(String file, String flag, String why) {
        return new DockerError(125, "invalid argument \"" + file + "\" for \"" + flag + "\" flag: " + why, null);
    }
}
