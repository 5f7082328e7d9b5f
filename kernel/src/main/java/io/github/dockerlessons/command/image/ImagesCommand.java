package io.github.dockerlessons.command.image;

import com.github.dockerjava.api.model.Image;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.command.Filters;
import io.github.dockerlessons.command.Templates;
import io.github.dockerlessons.render.ImageFields;
import io.github.dockerlessons.render.ImageTable;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker images}: the classic image table, or IDs with -q. */
public final class ImagesCommand extends DockerCommand {
    @Option(names = {"-a", "--all"})
    boolean all;

    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Option(names = "--no-trunc")
    boolean noTrunc;

    @Option(names = "--digests")
    boolean digests;

    @Option(names = {"-f", "--filter"}, paramLabel = "filter")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "string")
    String format;

    @Override
    public String name() {
        return "images";
    }

    @Override
    public String usage() {
        return "docker images [OPTIONS] [REPOSITORY[:TAG]]";
    }

    @Override
    public Arity arity() {
        return Arity.atMost(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker image ls", "docker image list", "docker images");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        Map<String, List<String>> filter = Filters.parse(filters, this);
        List<Image> listed = engine(ctx, client -> {
            var cmd = client.listImagesCmd().withShowAll(all);
            if (!args.isEmpty()) {
                cmd.withReferenceFilter(args.get(0));
            }
            filter.forEach(cmd::withFilter);
            return cmd.exec();
        });
        // The engine lists newest first and leaves images of the same second in any order, different
        // from call to call; ties go by name so that two runs of a lesson print the same table.
        List<Image> images = new ArrayList<>(listed);
        images.sort(java.util.Comparator.comparing((Image i) -> i.getCreated() == null ? 0L : i.getCreated())
                .reversed().thenComparing(i -> i.getRepoTags() == null || i.getRepoTags().length == 0 ? ""
                        : i.getRepoTags()[0]));
        if (quiet && (format == null || format.isEmpty() || format.equals("table"))) {
            // One ID per row of the table, as the CLI prints them: an image with two tags twice.
            StringBuilder out = new StringBuilder();
            for (Image image : images) {
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
