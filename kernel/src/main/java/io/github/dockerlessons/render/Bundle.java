package io.github.dockerlessons.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One output in several forms, keyed by MIME type (text/plain, text/html, application/json), the way
 * Jupyter's display messages carry it; the frontend shows the richest form it understands.
 */
public final class Bundle {
    private final Map<String, Object> data = new LinkedHashMap<>();

    public static Bundle text(String text) {
        return new Bundle().with("text/plain", text);
    }

    public Bundle with(String mimeType, Object value) {
        data.put(mimeType, value);
        return this;
    }

    public String plainText() {
        Object text = data.get("text/plain");
        return text == null ? "" : text.toString();
    }

    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }
}
