package io.github.dockerlessons.command;

import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.GoText;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The docker subcommands the kernel knows, by name, and the one place that turns an argument list
 * into a parsed command: flags are parsed by picocli (clustered short flags, {@code --flag=value},
 * repeated flags), and every way of getting them wrong is answered in the CLI's exact words.
 */
public final class CommandRegistry {
    private final Map<String, Supplier<DockerCommand>> factories = new LinkedHashMap<>();
    /** The instance register() made to learn a command's name, kept for its first parser. */
    private final Map<String, DockerCommand> firstInstances = new HashMap<>();
    private final Map<String, CommandLine> parsers = new HashMap<>();
    /** {@code docker container ls}, {@code docker image rm}, ...: the management forms. */
    private final Map<String, Map<String, String>> managementForms = new HashMap<>();

    public CommandRegistry register(Supplier<DockerCommand> factory) {
        DockerCommand command = factory.get();
        factories.put(command.name(), factory);
        firstInstances.put(command.name(), command);
        return this;
    }

    public CommandRegistry managementForm(String group, String sub, String command) {
        managementForms.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(sub, command);
        return this;
    }

    public Set<String> names() {
        return factories.keySet();
    }

    /** The command object behind a name, with its flags (for help, completion and inspection). */
    public synchronized CommandLine parser(String name) {
        return parsers.computeIfAbsent(name, n -> {
            DockerCommand made = firstInstances.remove(n);
            DockerCommand command = made != null ? made : factories.get(n).get();
            CommandLine cl = new CommandLine(command);
            cl.setExpandAtFiles(false);
            cl.setStopAtPositional(command.flagsEndAtFirstArgument());
            cl.setOverwrittenOptionsAllowed(true);
            cl.setPosixClusteredShortOptionsAllowed(true);
            cl.setAbbreviatedOptionsAllowed(false);
            cl.setTrimQuotes(false);
            cl.setSplitQuotedStrings(false);
            cl.setUnmatchedOptionsAllowedAsOptionParameters(true);
            return cl;
        });
    }

    /** Runs {@code docker ARGV...} (argv without the leading "docker"). */
    public void dispatch(List<String> argv, CommandContext ctx) throws DockerError, InterruptedException {
        if (argv.isEmpty() || (argv.size() == 1 && (argv.get(0).equals("--help") || argv.get(0).equals("help")))) {
            ctx.console().out(topLevelHelp(ctx.messages()));
            return;
        }
        String name = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        String path = "docker " + name;
        Map<String, String> forms = managementForms.get(name);
        if (forms != null && (rest.isEmpty() || rest.get(0).equals("--help")) && !factories.containsKey(name)) {
            ctx.console().out(HelpText.group(name, forms.keySet(), this, ctx.messages()));
            return;
        }
        if (forms != null && !rest.isEmpty() && forms.containsKey(rest.get(0))) {
            path = "docker " + name + " " + rest.get(0);
            name = forms.get(rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        if (!factories.containsKey(name) || name.contains(".") && path.equals("docker " + name)) {
            throw new DockerError(1, "docker: unknown command: docker " + String.join(" ", argv.subList(0,
                    forms != null && !rest.isEmpty() ? 2 : 1)) + "\n\nRun 'docker --help' for more information",
                    "hint.unknown.command", name);
        }
        synchronized (this) {
            CommandLine cl = parser(name);
            DockerCommand command = cl.getCommand();
            try {
                cl.parseArgs(rest.toArray(new String[0]));
            } catch (ParameterException e) {
                throw new DockerError(125, flagError(e, cl, rest) + "\n\nUsage:  " + command.usage()
                        + "\n\nRun '" + path + " --help' for more information", "hint.see.help", path);
            }
            if (cl.isUsageHelpRequested()) {
                ctx.console().out(HelpText.of(command, cl.getCommandSpec(), ctx.messages()));
                return;
            }
            String complaint = command.arity().complaint(path, command.args.size());
            if (complaint != null) {
                throw new DockerError(1, complaint + "\n\nUsage:  " + command.usage() + "\n\n"
                        + command.arity().closing(path), "hint.see.help", path);
            }
            command.execute(ctx);
        }
    }

    /** The command a name or a management form ({@code container ls}) stands for. */
    public Optional<String> resolve(String name, String sub) {
        Map<String, String> forms = managementForms.get(name);
        if (forms != null && sub != null && forms.containsKey(sub)) {
            return Optional.of(forms.get(sub));
        }
        return factories.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    /** The management groups ({@code container}, {@code image}) and their subcommands. */
    public Map<String, Set<String>> managementGroups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        managementForms.forEach((group, forms) -> groups.put(group, forms.keySet()));
        return groups;
    }

    /** Every flag name of a command, short and long. */
    public synchronized List<String> flags(String name) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : parser(name).getCommandSpec().options()) {
            names.addAll(List.of(option.names()));
        }
        return names;
    }

    /** {@code docker CMD --help}. */
    public synchronized String help(String name, Messages messages) {
        CommandLine cl = parser(name);
        return HelpText.of(cl.getCommand(), cl.getCommandSpec(), messages);
    }

    /** {@code docker} alone. */
    public String topLevelHelp(Messages messages) {
        return HelpText.topLevel(commands(), managementForms.keySet(), messages);
    }

    /** The help line of one flag of a command, or empty when it has no such flag. */
    public synchronized Optional<String> flagHelp(String name, String flag, Messages messages) {
        String bare = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
        OptionSpec option = parser(name).getCommandSpec().findOption(bare);
        if (option == null) {
            return Optional.empty();
        }
        String longName = HelpText.longName(option);
        for (String line : help(name, messages).split("\n")) {
            if (line.contains(longName + " ") || line.endsWith(longName)) {
                return Optional.of("docker " + name + " " + line.strip());
            }
        }
        return Optional.empty();
    }

    /** The commands called directly as {@code docker NAME} (not those reached only through a group). */
    public List<DockerCommand> commands() {
        List<DockerCommand> list = new ArrayList<>();
        for (String name : factories.keySet()) {
            if (!name.contains(".")) {
                list.add(parser(name).getCommand());
            }
        }
        return list;
    }

    /** pflag's words for a flag the command does not have, lacks a value, or cannot convert. */
    static String flagError(ParameterException e, CommandLine cl, List<String> given) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                return "unknown flag: " + (eq > 0 ? arg.substring(0, eq) : arg);
            }
            for (String token : given) {
                if (token.startsWith("-") && !token.startsWith("--") && token.length() > 1) {
                    String unknown = firstUnknownShorthand(token, cl);
                    if (unknown != null) {
                        return "unknown shorthand flag: '" + unknown + "' in " + token;
                    }
                }
            }
            return "unknown flag: " + arg;
        }
        if (e instanceof CommandLine.MissingParameterException && !given.isEmpty()) {
            String last = given.get(given.size() - 1);
            if (last.startsWith("--")) {
                return "flag needs an argument: " + last;
            }
            return "flag needs an argument: '" + last.charAt(last.length() - 1) + "' in " + last;
        }
        if (e.getArgSpec() instanceof OptionSpec option && e.getValue() != null) {
            String shortName = HelpText.shortName(option);
            String names = (shortName == null ? "" : shortName + ", ") + HelpText.longName(option);
            String detail = option.type() == int.class || option.type() == Integer.class
                    || option.type() == long.class || option.type() == Long.class
                    ? "strconv.ParseInt: parsing " + GoText.quote(e.getValue()) + ": invalid syntax"
                    : e.getMessage();
            return "invalid argument " + GoText.quote(e.getValue()) + " for " + GoText.quote(names) + " flag: " + detail;
        }
        return e.getMessage();
    }

    private static String firstUnknownShorthand(String token, CommandLine cl) {
        for (int i = 1; i < token.length(); i++) {
            String flag = "-" + token.charAt(i);
            OptionSpec option = cl.getCommandSpec().findOption(flag);
            if (option == null) {
                return String.valueOf(token.charAt(i));
            }
            if (!option.typeInfo().isBoolean()) {
                return null; // the rest of the cluster is this flag's value
            }
        }
        return null;
    }
}
