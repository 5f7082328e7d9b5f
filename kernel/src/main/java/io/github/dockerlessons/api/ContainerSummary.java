package io.github.dockerlessons.api;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dockerlessons.engine.RawRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container of {@code GET /containers/json} (moby's container.Summary), the one model of a listed
 * container: ps, Compose's commands, live panels, checks and completion all read it. The getters are
 * named as the API's fields; a field the engine left out is null.
 */
public final class ContainerSummary {
    private final JsonObject json;
    private final Map<String, String> labels;
    private final Port[] ports;
    private final List<Mount> mounts;

    /** Read whole here, so that an answer of the wrong shape fails on the call's thread, as the engine's answer. */
    private ContainerSummary(JsonObject json) {
        this.json = json;
        this.labels = Answers.labels(json, "Labels");
        this.ports = readPorts(json);
        this.mounts = readMounts(json);
    }

    /** The listing request: {@code all} stopped ones too, {@code size} with sizes, {@code limit} (0: none). */
    public static RawRequest<List<ContainerSummary>> list(boolean all, boolean size, int limit,
                                                         Map<String, List<String>> filters) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (all) {
            parameters.put("all", "1");
        }
        if (size) {
            parameters.put("size", "1");
        }
        if (limit > 0) {
            parameters.put("limit", Integer.toString(limit));
        }
        return RawRequest.json(DockerHttpClient.Request.Method.GET,
                Answers.query("/containers/json", parameters, filters)).then(ContainerSummary::listing);
    }

    /** Every container, running or not, with no filter. */
    public static RawRequest<List<ContainerSummary>> all() {
        return list(true, false, 0, Map.of());
    }

    /** The running containers. */
    public static RawRequest<List<ContainerSummary>> running() {
        return list(false, false, 0, Map.of());
    }

    /** The containers in a listing's answer. */
    public static List<ContainerSummary> listing(JsonElement answer) {
        return Answers.read(answer, ContainerSummary::new);
    }

    /** One container from its JSON (tests, samples). */
    public static ContainerSummary parse(String json) {
        return new ContainerSummary(JsonParser.parseString(json).getAsJsonObject());
    }

    /** A container with no field set: what a template is checked against before the listing. */
    public static ContainerSummary empty() {
        return new ContainerSummary(new JsonObject());
    }

    public String getId() {
        return Answers.text(json, "Id");
    }

    public String[] getNames() {
        return Answers.texts(json, "Names");
    }

    public String getImage() {
        return Answers.text(json, "Image");
    }

    public String getImageId() {
        return Answers.text(json, "ImageID");
    }

    public String getCommand() {
        return Answers.text(json, "Command");
    }

    /** Seconds since the epoch. */
    public Long getCreated() {
        return Answers.number(json, "Created");
    }

    public String getState() {
        return Answers.text(json, "State");
    }

    public String getStatus() {
        return Answers.text(json, "Status");
    }

    public Port[] getPorts() {
        return ports;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public Long getSizeRw() {
        return Answers.number(json, "SizeRw");
    }

    public Long getSizeRootFs() {
        return Answers.number(json, "SizeRootFs");
    }

    public List<Mount> getMounts() {
        return mounts;
    }

    /** The names of the networks it is attached to, in the answer's order; empty when none. */
    public List<String> getNetworkNames() {
        JsonObject networks = Answers.object(Answers.object(json, "NetworkSettings"), "Networks");
        return networks == null ? List.of() : List.copyOf(networks.keySet());
    }

    private static Port[] readPorts(JsonObject json) {
        JsonElement value = Answers.field(json, "Ports");
        if (value == null) {
            return null;
        }
        List<JsonObject> objects = Answers.objects(value);
        Port[] ports = new Port[objects.size()];
        for (int i = 0; i < ports.length; i++) {
            JsonObject port = objects.get(i);
            ports[i] = new Port(Answers.text(port, "IP"), Answers.integer(port, "PrivatePort"),
                    Answers.integer(port, "PublicPort"), Answers.text(port, "Type"));
        }
        return ports;
    }

    private static List<Mount> readMounts(JsonObject json) {
        JsonElement value = Answers.field(json, "Mounts");
        if (value == null) {
            return null;
        }
        List<Mount> mounts = new ArrayList<>();
        for (JsonObject mount : Answers.objects(value)) {
            mounts.add(new Mount(Answers.text(mount, "Type"), Answers.text(mount, "Name"),
                    Answers.text(mount, "Source"), Answers.text(mount, "Destination"), Answers.text(mount, "Driver")));
        }
        return Collections.unmodifiableList(mounts);
    }

    /** A port of the container, published or not (publicPort null). */
    public record Port(String ip, Integer privatePort, Integer publicPort, String type) { }

    /** A mount of the container: a volume (named), a bind or a tmpfs. */
    public record Mount(String type, String name, String source, String destination, String driver) { }
}
