package io.github.dockerlessons.jupyter;

import java.util.List;

/**
 * A message the kernel cannot take as it is: a frame that is not JSON or nests too deep, a content
 * whose field has the wrong type, a type the kernel does not know. It travels as the message's
 * content in place of the library's request object, so that no handler ever sees it and the
 * channel answers it with an error reply that says, in words, what was wrong.
 *
 * @param msgType  the message type as the client wrote it
 * @param problem  what is wrong
 * @param part     the frame it is in (header, metadata, content)
 * @param field    the content's field, for a field's problem ({@code user_expressions.x} inside one)
 * @param expected what the field must be
 * @param found    what it was (for {@link Problem#NOT_ONE_OF}, the value as JSON)
 * @param choices  the values allowed, for {@link Problem#NOT_ONE_OF}
 */
record BadRequest(String msgType, Problem problem, Part part, String field, Kind expected, String found,
                  List<String> choices) {

    enum Problem { NOT_JSON, TOO_DEEP, NOT_AN_OBJECT, NOT_READABLE, MISSING, WRONG_TYPE, NOT_ONE_OF, UNKNOWN_TYPE }

    enum Part { HEADER, METADATA, CONTENT }

    /** The JSON kinds a field may be (and may wrongly be). */
    enum Kind { STRING, BOOLEAN, INTEGER, NUMBER, OBJECT, LIST, NULL }

    static BadRequest frame(String msgType, Problem problem, Part part) {
        return new BadRequest(msgType, problem, part, null, null, null, List.of());
    }

    static BadRequest missing(String msgType, String field, Kind expected) {
        return new BadRequest(msgType, Problem.MISSING, Part.CONTENT, field, expected, null, List.of());
    }

    static BadRequest wrongType(String msgType, String field, Kind expected, Kind found) {
        return new BadRequest(msgType, Problem.WRONG_TYPE, Part.CONTENT, field, expected, found.name(), List.of());
    }

    static BadRequest notOneOf(String msgType, String field, String found, List<String> choices) {
        return new BadRequest(msgType, Problem.NOT_ONE_OF, Part.CONTENT, field, Kind.STRING, found, choices);
    }

    static BadRequest unknownType(String msgType) {
        return new BadRequest(msgType, Problem.UNKNOWN_TYPE, Part.CONTENT, null, null, null, List.of());
    }

    /** Whether the message asks for a reply: a {@code *_request}. Comm messages and replies do not. */
    boolean isRequest() {
        return msgType.endsWith("_request");
    }

    /** The reply's type, {@code x_reply} for {@code x_request}. */
    String replyType() {
        return msgType.substring(0, msgType.length() - "_request".length()) + "_reply";
    }
}
