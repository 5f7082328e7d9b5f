package io.github.dockerlessons.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the libraries alone cost, with no kernel around them (install/benchmark --floor): a JVM with the
 * kernel's jar on its class path lists DOCKER_HOST's containers `rounds` times through docker-java's
 * DockerClient ("docker-java": Jackson's model over Apache's transport, as the kernel's typed calls
 * do), through docker-java's transport alone ("transport": the raw answer's bytes, as the kernel's
 * listings read them), or not at all ("empty");
 * then idles and prints its resident memory (VmRSS, KiB). The transport and the configuration are built
 * as the kernel builds them (EngineConnections.apache, and docker-java's configuration only for its
 * typed client, as the kernel makes it only on first use: this class sits in the kernel's engine
 * package for that), so that the floor carries what a kernel carries and no more.
 */
public final class MemoryFloor {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rounds = Integer.parseInt(args[1]);
        if (!mode.equals("empty")) {
            URI host = URI.create(System.getenv("DOCKER_HOST"));
            DockerHttpClient http = EngineConnections.apache(host, "tcp".equals(host.getScheme()) ? null : NoTls.CONFIG);
            if (mode.equals("docker-java")) {
                DockerClientConfig config = new DefaultDockerClientConfig.Builder()
                        .withDockerHost(host.toString())
                        .withDockerContext(DockerContext.DEFAULT_NAME)
                        .withDockerConfig(Path.of(System.getProperty("user.home"), ".docker").toString())
                        .withDockerTlsVerify(false)
                        .build();
                DockerClient client = DockerClientImpl.getInstance(config, http);
                for (int i = 0; i < rounds; i++) {
                    client.listContainersCmd().withShowAll(true).exec();
                }
            } else if (mode.equals("transport")) {
                for (int i = 0; i < rounds; i++) {
                    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                            .method(DockerHttpClient.Request.Method.GET).path("/containers/json?all=1").build();
                    try (DockerHttpClient.Response response = http.execute(request);
                         InputStream body = response.getBody()) {
                        body.transferTo(OutputStream.nullOutputStream());
                    }
                }
            } else {
                throw new IllegalArgumentException("mode: docker-java, transport or empty");
            }
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
