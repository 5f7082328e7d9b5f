package io.github.dockerlessons.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A raw API query: values percent-encoded, null ones left out, a repeated parameter once a value. */
class ApiQueryTest {
    @Test
    void valuesAreEncodedAndNullOnesLeftOut() {
        assertEquals("/commit?container=web&repo=my%2Fapp&pause=true&changes=ENV%20A%3D1&changes=CMD%20x",
                ApiQuery.of("/commit").add("container", "web").add("repo", "my/app").add("tag", null)
                        .add("pause", "true").addEach("changes", List.of("ENV A=1", "CMD x")).toString());
    }

    @Test
    void noValueNoQuery() {
        assertEquals("/images/get", ApiQuery.of("/images/get").addEach("names", List.of()).toString());
        assertEquals("/images/get?names=a&names=b", ApiQuery.of("/images/get").addEach("names", List.of("a", "b")).toString());
    }
}
