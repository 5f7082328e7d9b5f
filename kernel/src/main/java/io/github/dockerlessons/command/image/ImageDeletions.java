package io.github.dockerlessons.command.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's list of what removing images did (rmi, image prune): each reference untagged and each
 * layer deleted, one line each, labelled as the calling command prints them.
 */
final class ImageDeletions {
    private ImageDeletions() {
    }

    static List<String> lines(JsonElement items, String untagged, String deleted) {
        List<String> lines = new ArrayList<>();
        if (items != null && items.isJsonArray()) {
            for (JsonElement item : items.getAsJsonArray()) {
                JsonObject entry = item.getAsJsonObject();
                if (entry.has("Untagged")) {
                    lines.add(untagged + entry.get("Untagged").getAsString());
                }
                if (entry.has("Deleted")) {
                    lines.add(deleted + entry.get("Deleted").getAsString());
                }
            }
        }
        return lines;
    }
}
