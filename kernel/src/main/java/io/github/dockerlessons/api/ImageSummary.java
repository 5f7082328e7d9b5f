package io.github.dockerlessons.api;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dockerlessons.engine.RawRequest;

import java.util.List;
import java.util.Map;

/**
 * One image of {@code GET /images/json} (moby's image.Summary), the one model of a listed image:
 * {@code docker images}, live panels, completion and the notebook's own objects read it. The getters
 * are named as the API's fields; a field the engine left out is null.
 */
public final class ImageSummary {
    private final String id;
    private final String[] repoTags;
    private final String[] repoDigests;
    private final Map<String, String> labels;
    private final Long created;
    private final Long size;
    private final Long sharedSize;
    private final Integer containers;

    /** Every field is read here, on the call's thread; see {@link ContainerSummary}'s constructor. */
    private ImageSummary(JsonObject json) {
        this.id = Answers.text(json, "Id");
        this.repoTags = Answers.texts(json, "RepoTags");
        this.repoDigests = Answers.texts(json, "RepoDigests");
        this.labels = Answers.labels(json, "Labels");
        this.created = Answers.number(json, "Created");
        this.size = Answers.number(json, "Size");
        this.sharedSize = Answers.number(json, "SharedSize");
        this.containers = Answers.integer(json, "Containers");
    }

    /** The listing request: {@code all} intermediate images too, with the API's filters. */
    public static RawRequest<List<ImageSummary>> list(boolean all, Map<String, List<String>> filters) {
        String path = ApiQuery.of("/images/json").add("all", all ? "1" : null).filters(filters).toString();
        return RawRequest.json(DockerHttpClient.Request.Method.GET, path)
                .then(ImageSummary::listing);
    }

    /** Every top-level image, with no filter. */
    public static RawRequest<List<ImageSummary>> all() {
        return list(false, Map.of());
    }

    /** The images in a listing's answer. */
    public static List<ImageSummary> listing(JsonElement answer) {
        return Answers.read(answer, json -> new ImageSummary(Answers.withId(json)));
    }

    /** One image from its JSON (tests, samples). */
    public static ImageSummary parse(String json) {
        return listing(JsonParser.parseString("[" + json + "]")).get(0);
    }

    /** An image with no field set: what a template is checked against before the listing. */
    public static ImageSummary empty() {
        return new ImageSummary(new JsonObject());
    }

    public String getId() {
        return id;
    }

    public String[] getRepoTags() {
        return repoTags;
    }

    public String[] getRepoDigests() {
        return repoDigests;
    }

    /** Seconds since the epoch. */
    public Long getCreated() {
        return created;
    }

    public Long getSize() {
        return size;
    }

    public Long getSharedSize() {
        return sharedSize;
    }

    /** How many containers use it; -1 when the engine did not count them. */
    public Integer getContainers() {
        return containers;
    }

    public Map<String, String> getLabels() {
        return labels;
    }
}
