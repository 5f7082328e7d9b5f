import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the libraries alone cost, with no kernel around them (install/benchmark --floor): a JVM with
 * the kernel's jar on its class path that lists DOCKER_HOST's containers `rounds` times, through
 * docker-java's DockerClient ("docker-java": Jackson's model over Apache's transport, as a kernel's
 * commands do), through docker-java's transport alone ("transport": the raw answer's bytes), or not at
 * all ("empty"); then idles and prints its resident memory (VmRSS, KiB).
 */
public final class MemoryFloor {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rounds = Integer.parseInt(args[1]);
        URI host = URI.create(System.getenv("DOCKER_HOST"));
        if (mode.equals("docker-java")) {
            DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(host.toString()).build();
            DockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(host).build();
            DockerClient client = DockerClientImpl.getInstance(config, http);
            for (int i = 0; i < rounds; i++) {
                client.listContainersCmd().withShowAll(true).exec();
            }
        } else if (mode.equals("transport")) {
            DockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(host).build();
            for (int i = 0; i < rounds; i++) {
                DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                        .method(DockerHttpClient.Request.Method.GET).path("/containers/json?all=1").build();
                try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
                    body.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } else if (!mode.equals("empty")) {
            throw new IllegalArgumentException("mode: docker-java, transport or empty");
        }
        // As the benchmark measures a kernel: after its cells, idle for a while.
        Thread.sleep(Long.parseLong(System.getProperty("idle.ms", "10000")));
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                System.out.println(line.replaceAll("\\D", ""));
            }
        }
        System.exit(0);
    }
}
