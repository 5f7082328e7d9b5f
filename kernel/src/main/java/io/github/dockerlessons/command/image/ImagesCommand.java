package io.github.dockerlessons.command.image;

import com.github.dockerjava.api.model.Image;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.ImageTable;
import picocli.CommandLine.Option;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code docker images}: the classic image table, or IDs with -q. */
public final class ImagesCommand extends DockerCommand {
    @Option(names = {"-a", "--all"})
    boolean all;

    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Option(names = "--no-trunc")
    boolean noTrunc;

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
        List<Image> images = engine(ctx, client -> {
            var cmd = client.listImagesCmd().withShowAll(all);
            if (!args.isEmpty()) {
                cmd.withReferenceFilter(args.get(0));
            }
            return cmd.exec();
        });
        if (quiet) {
            Set<String> ids = new LinkedHashSet<>();
            for (Image image : images) {
                ids.add(ContainerTable.id(image.getId(), !noTrunc));
            }
            StringBuilder out = new StringBuilder();
            ids.forEach(id -> out.append(id).append('\n'));
            ctx.console().out(out.toString());
            return;
        }
        ctx.console().result(ImageTable.of(images, !noTrunc, ctx.clock().instant()).toBundle());
    }
}
