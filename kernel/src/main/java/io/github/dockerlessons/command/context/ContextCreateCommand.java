package io.github.dockerlessons.command.context;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.ValueCompletion;
import io.github.dockerlessons.engine.ContextEndpointSpec;
import io.github.dockerlessons.engine.ContextError;
import io.github.dockerlessons.engine.ContextStore;
import io.github.dockerlessons.engine.DockerContext;
import io.github.dockerlessons.engine.EngineDiscovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker context create NAME}: a context the CLI reads (meta.json, and the TLS files copied into
 * the store), from {@code --docker host=...,ca=...,cert=...,key=...,skip-tls-verify=...}, or a copy of
 * another context ({@code --from}; the current one when neither is given).
 */
public final class ContextCreateCommand extends DeclaredCommand {
    private static final Flag<String> DESCRIPTION = Flag.string("description");
    /** pflag's stringToString: each value is key=value pairs, repeated flags merge. */
    private static final Flag<List<Map<String, String>>> DOCKER = Flag.of((char) 0, "docker",
                    FlagType.listOf("stringToString", ContextCreateCommand::endpointOptions), List.<Map<String, String>>of())
            .defaultShownAs("[]")
            .completes(ValueCompletion.words("host=", "ca=", "cert=", "key=", "skip-tls-verify=", "from="));
    private static final Flag<String> FROM = Flag.string("from");

    public ContextCreateCommand() {
        super(CommandSpec.command("context create", "docker context create [OPTIONS] CONTEXT")
                .flags(DESCRIPTION, DOCKER, FROM)
                .arity(Arity.exactly(1)));
    }

    /** @param docker the --docker pairs, or null when the flag was not given (the CLI's nil map) */
    private record Options(String name, String description, Map<String, String> docker, String from) {
        static Options of(Invocation in) {
            Map<String, String> docker = null;
            if (in.isSet(DOCKER)) {
                docker = new LinkedHashMap<>();
                for (Map<String, String> pairs : in.get(DOCKER)) {
                    docker.putAll(pairs);
                }
            }
            String from = in.get(FROM);
            return new Options(in.arg(0), in.get(DESCRIPTION), docker, from == null ? "" : from);
        }
    }

    private static Map<String, String> endpointOptions(String value) throws FlagType.InvalidValue {
        try {
            return ContextEndpointSpec.parseOption(value);
        } catch (ContextError e) {
            throw new FlagType.InvalidValue(e.getMessage());
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Options options = Options.of(in);
        EngineDiscovery discovery = ctx.discovery();
        ContextStore store = discovery.contexts();
        try {
            store.checkNameForCreation(options.name());
            if (options.docker() == null || !options.from().isEmpty()) {
                if (options.docker() != null && !options.docker().isEmpty()) {
                    throw new ContextError("cannot use --docker flag when --from is set");
                }
                String from = options.from().isEmpty() ? discovery.currentContextName() : options.from();
                copy(discovery, from, options);
            } else {
                store.create(options.name(), options.description(), endpoint(discovery, options.docker()));
            }
        } catch (ContextError e) {
            throw new DockerError(1, e.getMessage(), "hint.context.create");
        }
        ctx.console().out(options.name() + "\n");
        ctx.console().err("Successfully created context \"" + options.name() + "\"\n");
    }

    /** A copy of FROM; the default context is not stored, so its endpoint is written as a new context. */
    private static void copy(EngineDiscovery discovery, String from, Options options) throws ContextError {
        if (!from.equals(DockerContext.DEFAULT_NAME)) {
            discovery.contexts().copy(from, options.name(), options.description());
            return;
        }
        DockerContext source = discovery.defaultContext();
        String description = options.description() == null || options.description().isEmpty()
                ? source.description() : options.description();
        discovery.contexts().create(options.name(), description,
                new ContextEndpointSpec(source.host(), source.skipTlsVerify(), null, null, null));
    }

    /**
     * The endpoint the pairs describe; {@code from=OTHER} takes OTHER's host and SkipTLSVerify (not its
     * TLS files), as the CLI does.
     */
    private static ContextEndpointSpec endpoint(EngineDiscovery discovery, Map<String, String> pairs) throws ContextError {
        ContextEndpointSpec spec = ContextEndpointSpec.fromOptions(pairs);
        String from = pairs.get("from");
        if (from == null) {
            return spec;
        }
        DockerContext source;
        try {
            source = from.equals(DockerContext.DEFAULT_NAME) ? discovery.defaultContext() : discovery.contexts().read(from);
        } catch (ContextError e) {
            throw new ContextError("unable to create docker endpoint config: " + e.getMessage(), e);
        }
        if (source.endpointError() != null) {
            throw new ContextError("unable to create docker endpoint config: unable to get endpoint from context \""
                    + from + "\"");
        }
        return new ContextEndpointSpec(source.host(), source.skipTlsVerify(), null, null, null);
    }
}
