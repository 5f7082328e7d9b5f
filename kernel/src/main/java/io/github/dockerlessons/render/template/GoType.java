package io.github.dockerlessons.render.template;

/**
 * A Go type as templates see it: the name Go prints ({@code %T}, error messages), its kind, which
 * decides truth, comparison, indexing and how arguments are accepted, and for slices and maps the
 * type of their elements.
 */
public record GoType(String name, Kind kind, GoType element) {
    public enum Kind { BOOL, INT, UINT, FLOAT, COMPLEX, STRING, SLICE, MAP, STRUCT, POINTER, INTERFACE }

    public static final GoType BOOL = new GoType("bool", Kind.BOOL, null);
    public static final GoType INT = new GoType("int", Kind.INT, null);
    public static final GoType UINT8 = new GoType("uint8", Kind.UINT, null);
    public static final GoType FLOAT64 = new GoType("float64", Kind.FLOAT, null);
    public static final GoType COMPLEX128 = new GoType("complex128", Kind.COMPLEX, null);
    public static final GoType STRING = new GoType("string", Kind.STRING, null);
    /** {@code interface {}}: every value is assignable to it. */
    public static final GoType ANY = new GoType("interface {}", Kind.INTERFACE, null);
    /** {@code reflect.Value}: Go's builtins take their operands this way, any value at all. */
    public static final GoType REFLECT_VALUE = new GoType("reflect.Value", Kind.STRUCT, null);
    public static final GoType STRING_SLICE = slice(STRING);
    public static final GoType ANY_SLICE = slice(ANY);
    public static final GoType ANY_MAP = map(STRING, ANY);
    public static final GoType STRING_MAP = map(STRING, STRING);

    public static GoType slice(GoType element) {
        return new GoType("[]" + element.name(), Kind.SLICE, element);
    }

    public static GoType map(GoType key, GoType element) {
        return new GoType("map[" + key.name() + "]" + element.name(), Kind.MAP, element);
    }

    /** A named map type such as {@code formatter.SubHeaderContext} (map[string]string). */
    public static GoType namedMap(String name, GoType element) {
        return new GoType(name, Kind.MAP, element);
    }

    public static GoType pointer(String structName) {
        return new GoType("*" + structName, Kind.POINTER, null);
    }

    public static GoType struct(String name) {
        return new GoType(name, Kind.STRUCT, null);
    }

    /** Whether a value of this type can be nil (Go's canBeNil). */
    public boolean canBeNil() {
        return switch (kind) {
            case SLICE, MAP, POINTER, INTERFACE -> true;
            case STRUCT -> this.equals(REFLECT_VALUE);
            default -> false;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
