package io.github.dockerlessons.render.template;

/**
 * A Go pointer to a struct whose methods templates call, like docker's formatter contexts:
 * {@code .Names} calls the method {@code Names()}, {@code .Label "tier"} calls {@code Label(string)}.
 */
public interface TemplateObject {
    /** Go's name of the type, as errors print it: {@code *formatter.ContainerContext}. */
    GoType type();

    /** The method of that name, or null when the type has none. */
    GoFunction method(String name);

    /** What its MarshalJSON returns (compact JSON), for {@code {{json .}}}. */
    String marshalJson();

    /** What its String() method returns, or null when it is no fmt.Stringer. */
    default String string() {
        return null;
    }
}
