package io.github.dockerlessons.script;

/**
 * A here-document that feeds a command's stdin. With a quoted delimiter ({@code <<'EOF'}) the body is
 * taken as it stands; otherwise {@code $NAME} and {@code $(...)} in it are expanded like a
 * double-quoted word, which is why the body is kept as a {@link Word}.
 */
public record Heredoc(String delimiter, boolean expand, Word body) { }
