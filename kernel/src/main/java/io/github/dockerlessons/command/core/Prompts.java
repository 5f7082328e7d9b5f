package io.github.dockerlessons.command.core;

import io.github.dockerlessons.golang.GoText;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CLI's "Are you sure you want to continue? [y/N]": the answer is the first line of the
 * command's heredoc, as a terminal's would be its first typed line; no answer means no, and then
 * the CLI prints nothing more.
 */
public final class Prompts {
    private Prompts() {
    }

    public static boolean confirm(CommandContext ctx, String warning) {
        ctx.console().out(warning + "\nAre you sure you want to continue? [y/N] ");
        if (ctx.heredoc() == null) {
            return false;
        }
        String answer = new String(ctx.heredoc(), StandardCharsets.UTF_8).split("\n", 2)[0].strip().toLowerCase();
        return answer.equals("y") || answer.equals("yes");
    }

    /**
     * The prune summary: the deleted items under their heading, then the reclaimed space in go-units'
     * HumanSize (four digits: 1.536kB), as the CLI prints it.
     */
    public static String pruned(String heading, long reclaimed, List<String> deleted) {
        StringBuilder out = new StringBuilder();
        if (!deleted.isEmpty()) {
            out.append(heading).append('\n');
            deleted.forEach(item -> out.append(item).append('\n'));
            out.append('\n');
        }
        return out.append("Total reclaimed space: ").append(GoText.humanSize(reclaimed, 4)).append('\n').toString();
    }
}
