package io.github.dockerlessons.script;

import java.util.List;

/** A shell word before expansion, as the parser read it. */
public record Word(List<WordPart> parts) {

    public Word {
        parts = List.copyOf(parts);
    }
}
