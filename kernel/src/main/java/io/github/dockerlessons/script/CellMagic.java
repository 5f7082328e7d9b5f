package io.github.dockerlessons.script;

import java.util.List;

/**
 * A cell whose first line is {@code %%name args}: the rest of the cell is the magic's body, taken
 * as it is (for {@code %%writefile}, a file's text; it is not read as commands).
 */
public record CellMagic(String name, List<String> args, String body) {
    public CellMagic {
        args = List.copyOf(args);
    }
}
