package io.github.dockerlessons.command.image;

import io.github.dockerlessons.api.ImageSummary;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.ImageFields;
import io.github.dockerlessons.render.ImageTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code docker images}: the image table (text as the CLI's, HTML for the notebook) or IDs with -q. */
public final class ImagesCommand extends DeclaredCommand {
    private static final Flag<Boolean> ALL = Flag.bool('a', "all");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");
    private static final Flag<Boolean> DIGESTS = Flag.bool("digests");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("before", "dangling", "label", "reference",
            "since", "until");
    private static final Flag<String> FORMAT = CommonFlags.format("Repository", "Tag", "ID", "CreatedSince", "Size",
            "Digest", "CreatedAt");

    public ImagesCommand() {
        super(CommandSpec.command("images", "docker images [OPTIONS] [REPOSITORY[:TAG]]")
                .aliases("docker image ls", "docker image list", "docker images")
                .flags(ALL, DIGESTS, FILTER, FORMAT, NO_TRUNC, QUIET)
                .takes(Arity.atMost(1), Arguments.each(NameKind.IMAGE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        boolean all = in.get(ALL);
        boolean quiet = in.get(QUIET);
        boolean noTrunc = in.get(NO_TRUNC);
        boolean digests = in.get(DIGESTS);
        String format = in.get(FORMAT);
        List<String> args = in.args();
        Map<String, List<String>> filter = Filters.parse(in.get(FILTER), in);
        if (!args.isEmpty()) {
            // As the CLI (image/list.go): the argument is one more reference filter, ORed with the others.
            filter.computeIfAbsent("reference", k -> new ArrayList<>()).add(args.get(0));
        }
        List<ImageSummary> listed = ctx.read(ImageSummary.list(all, filter));
        // The engine lists newest first and leaves images of the same second in any order, different
        // from call to call; ties go by name so that two runs of a lesson print the same table.
        List<ImageSummary> images = new ArrayList<>(listed);
        if (ctx.scoped()) {
            // %scope lesson: the images this notebook made (remembered by ID, or labelled).
            images.removeIf(image -> !ctx.record().owns(image.getId(), image.getLabels()));
        }
        images.sort(Comparator.comparing((ImageSummary i) -> i.getCreated() == null ? 0L : i.getCreated())
                .reversed().thenComparing(i -> i.getRepoTags() == null || i.getRepoTags().length == 0 ? ""
                        : i.getRepoTags()[0]));
        if (quiet && (format == null || format.isEmpty() || format.equals("table"))) {
            // One ID per row of the table, as the CLI prints them: an image with two tags twice.
            StringBuilder out = new StringBuilder();
            for (ImageSummary image : images) {
                int rows = ImageFields.of(image, !noTrunc, ctx.clock().instant()).size();
                for (int i = 0; i < rows; i++) {
                    out.append(ContainerTable.id(image.getId(), !noTrunc)).append('\n');
                }
            }
            ctx.console().out(out.toString());
            return;
        }
        Templates.answer(ctx, Templates.render(() -> ImageTable.bundle(images, !noTrunc, digests, ctx.clock().instant(),
                format == null || format.isEmpty() ? null : format)));
    }
}
