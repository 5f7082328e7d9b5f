package io.github.dockerlessons.api;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dockerlessons.engine.RawRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One container of {@code GET /containers/json} (moby's container.Summary), the one model of a listed
 * container: ps, Compose's commands, live panels, checks and completion all read it. The getters are
 * named as the API's fields; a field the engine left out is null.
 */
public final class ContainerSummary {
    private final String id;
    private final String[] names;
    private final String image;
    private final String imageId;
    private final String command;
    private final Long created;
    private final String state;
    private final String status;
    private final Port[] ports;
    private final Map<String, String> labels;
    private final Long sizeRw;
    private final Long sizeRootFs;
    private final List<Mount> mounts;
    private final List<String> networkNames;

    /**
     * Every field is read here, on the call's thread: an answer of the wrong shape is then the
     * engine's answer that the kernel cannot read (see {@link Answers#read}), never a failure while the
     * table is drawn. The JSON tree is not kept.
     */
    private ContainerSummary(JsonObject json) {
        this.id = Answers.text(json, "Id");
        this.names = Answers.texts(json, "Names");
        this.image = Answers.text(json, "Image");
        this.imageId = Answers.text(json, "ImageID");
        this.command = Answers.text(json, "Command");
        this.created = Answers.number(json, "Created");
        this.state = Answers.text(json, "State");
        this.status = Answers.text(json, "Status");
        this.ports = readPorts(json);
        this.labels = Answers.labels(json, "Labels");
        this.sizeRw = Answers.number(json, "SizeRw");
        this.sizeRootFs = Answers.number(json, "SizeRootFs");
        this.mounts = readMounts(json);
        JsonObject networks = Answers.object(Answers.object(json, "NetworkSettings"), "Networks");
        this.networkNames = networks == null ? List.of() : List.copyOf(networks.keySet());
    }

    /** The listing request: {@code all} stopped ones too, {@code size} with sizes, {@code limit} (0: none). */
    public static RawRequest<List<ContainerSummary>> list(boolean all, boolean size, int limit,
                                                         Map<String, List<String>> filters) {
        String path = ApiQuery.of("/containers/json").add("all", all ? "1" : null).add("size", size ? "1" : null)
                .add("limit", limit > 0 ? Integer.toString(limit) : null).filters(filters).toString();
        return RawRequest.json(DockerHttpClient.Request.Method.GET, path).then(ContainerSummary::listing);
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
        return Answers.read(answer, json -> new ContainerSummary(Answers.withId(json)));
    }

    /** One container from its JSON (tests, samples). */
    public static ContainerSummary parse(String json) {
        return listing(JsonParser.parseString("[" + json + "]")).get(0);
    }

    /** A container with no field set: what a template is checked against before the listing. */
    public static ContainerSummary empty() {
        return new ContainerSummary(new JsonObject());
    }

    public String getId() {
        return id;
    }

    public String[] getNames() {
        return names;
    }

    public String getImage() {
        return image;
    }

    public String getImageId() {
        return imageId;
    }

    public String getCommand() {
        return command;
    }

    /** Seconds since the epoch. */
    public Long getCreated() {
        return created;
    }

    public String getState() {
        return state;
    }

    public String getStatus() {
        return status;
    }

    public Port[] getPorts() {
        return ports;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public Long getSizeRw() {
        return sizeRw;
    }

    public Long getSizeRootFs() {
        return sizeRootFs;
    }

    public List<Mount> getMounts() {
        return mounts;
    }

    /** The names of the networks it is attached to, in the answer's order; empty when none. */
    public List<String> getNetworkNames() {
        return networkNames;
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
            ports[i] = new Port(Answers.text(port, "IP"), Answers.port(port, "PrivatePort"),
                    Answers.port(port, "PublicPort"), Answers.text(port, "Type"));
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
