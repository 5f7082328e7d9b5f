package io.github.dockerlessons.script;

import java.util.List;

/** A shell word before expansion, as the parser read it. */
public record Word(List<WordPart> parts) {

    public Word {
        parts = List.copyOf(parts);
    }

    /** The word's text when it has no expansion in it, else null. */
    public String literalText() {
        StringBuilder text = new StringBuilder();
        for (WordPart part : parts) {
            if (!(part instanceof WordPart.Literal literal)) {
                return null;
            }
            text.append(literal.text());
        }
        return text.toString();
    }
}
