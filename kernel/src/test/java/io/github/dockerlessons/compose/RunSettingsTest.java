package io.github.dockerlessons.compose;

import io.github.dockerlessons.golang.GoTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service keys that say how a container runs: read as compose-go reads them, refused in its words,
 * and printed by config as Compose v2 prints them.
 */
class RunSettingsTest {
    @TempDir
    Path dir;

    private ComposeProject load(String yaml, Map<String, String> env, List<String> profiles) throws Exception {
        return ComposeFixture.project(dir, yaml, env, profiles);
    }

    private ComposeProject load(String yaml) throws Exception {
        return load(yaml, Map.of(), List.of());
    }

    private static final String ALL = """
            services:
              db:
                image: redis
                healthcheck:
                  test: redis-cli ping
                  interval: 1m30s
                  timeout: 500ms
                  retries: 3
                  start_period: 10s
                ulimits:
                  nproc: 65535
                  nofile:
                    soft: 20000
                    hard: 40000
                cap_add: [NET_ADMIN]
                cap_drop: [MKNOD]
                logging:
                  driver: json-file
                  options:
                    max-size: 10m
                deploy:
                  resources:
                    limits:
                      cpus: "0.5"
                      memory: 64m
                    reservations:
                      memory: 32M
                extra_hosts:
                  - "somehost:162.242.195.82"
                  - "api=10.0.0.2"
              web:
                image: busybox
                network_mode: service:db
                healthcheck:
                  test: ["CMD", "true"]
              off:
                image: busybox
                healthcheck:
                  disable: true
            """;

    @Test
    void everyKeyIsReadIntoTheModel() throws Exception {
        ComposeProject p = load(ALL);
        ComposeProject.RunSettings db = p.services().get("db").settings();
        assertEquals(new ComposeProject.Healthcheck(List.of("CMD-SHELL", "redis-cli ping"), 90_000_000_000L,
                500_000_000L, 3, 10_000_000_000L, false), db.healthcheck());
        assertEquals(new ComposeProject.Ulimit(65535L, null, null), db.ulimits().get("nproc"));
        assertEquals(new ComposeProject.Ulimit(null, 20000L, 40000L), db.ulimits().get("nofile"));
        assertEquals(List.of("NET_ADMIN"), db.capAdd());
        assertEquals(List.of("MKNOD"), db.capDrop());
        assertEquals(new ComposeProject.Logging("json-file", Map.of("max-size", "10m")), db.logging());
        assertEquals(new ComposeProject.Resources("0.5", 64L << 20, 32L << 20), db.resources());
        assertEquals(List.of("somehost=162.242.195.82", "api=10.0.0.2"), db.extraHosts());
        ComposeProject.Service web = p.services().get("web");
        assertEquals("service:db", web.settings().networkMode());
        assertEquals(List.of("CMD", "true"), web.settings().healthcheck().test());
        // compose-go: sharing db's network namespace means db starts first
        assertEquals("service_started", web.dependsOn().get("db").condition());
        assertTrue(p.services().get("off").settings().healthcheck().disable());
    }

    @Test
    void configPrintsThemAsComposeV2Does() throws Exception {
        ComposeProject p = load(ALL);
        String yaml = CanonicalConfig.yaml(CanonicalConfig.of(p, List.copyOf(p.services().values())));
        String db = yaml.substring(yaml.indexOf("  db:"), yaml.indexOf("  off:"));
        assertTrue(db.contains("""
                    cap_add:
                      - NET_ADMIN
                    cap_drop:
                      - MKNOD
                    deploy:
                      resources:
                        limits:
                          cpus: 0.5
                          memory: "67108864"
                        reservations:
                          memory: "33554432"
                    extra_hosts:
                      - api=10.0.0.2
                      - somehost=162.242.195.82
                    healthcheck:
                      test:
                        - CMD-SHELL
                        - redis-cli ping
                      timeout: 500ms
                      interval: 1m30s
                      retries: 3
                      start_period: 10s
                """), db);
        assertTrue(db.contains("""
                    logging:
                      driver: json-file
                      options:
                        max-size: 10m
                """), db);
        assertTrue(db.contains("""
                    ulimits:
                      nofile:
                        soft: 20000
                        hard: 40000
                      nproc: 65535
                """), db);
        String web = yaml.substring(yaml.indexOf("  web:"), yaml.indexOf("  off:"));
        assertTrue(web.contains("    network_mode: service:db\n"), web);
        assertTrue(!web.contains("networks:"), web); // network_mode: no project network
        assertTrue(yaml.contains("""
                    healthcheck:
                      disable: true
                """), yaml);
    }

    @Test
    void profilesEnableServicesByFlagOrEnvironment() throws Exception {
        String yaml = """
                services:
                  web:
                    image: busybox
                  debug:
                    image: busybox
                    profiles: [debug, tools]
                """;
        assertEquals(List.of("web"), List.copyOf(load(yaml).services().keySet()));
        assertEquals(List.of("web", "debug"), List.copyOf(load(yaml, Map.of(), List.of("tools")).services().keySet()));
        assertEquals(List.of("web", "debug"),
                List.copyOf(load(yaml, Map.of("COMPOSE_PROFILES", "x,debug"), List.of()).services().keySet()));
        assertEquals(List.of("web", "debug"), List.copyOf(load(yaml, Map.of(), List.of("*")).services().keySet()));
        // a service the command names has its profiles enabled, as Compose v2 does for `up debug`
        ComposeProject named = ProjectLoader.load(new ProjectLoader.Options(List.of(), null, null, List.of(),
                dir.resolve("lesson"), Map.of()).withTargets(List.of("debug"))).project();
        assertEquals(List.of("web", "debug"), List.copyOf(named.services().keySet()));
        ComposeProject p = load(yaml, Map.of(), List.of("debug"));
        String config = CanonicalConfig.yaml(CanonicalConfig.of(p, List.copyOf(p.services().values())));
        assertTrue(config.contains("    profiles:\n      - debug\n      - tools\n"), config);
    }

    @Test
    void mistakesInComposeGoWordsAndWhatIsNotCarriedOutRefused() {
        assertEquals("service web declares mutually exclusive `network_mode` and `networks`: invalid compose project",
                fails("services:\n  web:\n    image: busybox\n    network_mode: host\n    networks: [a]\nnetworks:\n  a:\n"));
        assertEquals("service \"web\" depends on undefined service \"db\": invalid compose project",
                fails("services:\n  web:\n    image: busybox\n    network_mode: service:db\n"));
        assertEquals("services.web.deploy.replicas: not supported by this kernel",
                fails("services:\n  web:\n    image: busybox\n    deploy:\n      replicas: 2\n"));
        assertEquals("services.web.deploy.resources.limits.memory: invalid suffix: 'q'",
                fails("services:\n  web:\n    image: busybox\n    deploy:\n      resources:\n        limits:\n"
                        + "          memory: 5q\n"));
        assertEquals("services.web.healthcheck.interval: time: unknown unit \"x\" in duration \"5x\"",
                fails("services:\n  web:\n    image: busybox\n    healthcheck:\n      test: \"true\"\n"
                        + "      interval: 5x\n"));
        assertEquals("services.web.healthcheck.retries: invalid integer: 2.5",
                fails("services:\n  web:\n    image: busybox\n    healthcheck:\n      retries: 2.5\n"));
    }

    @Test
    void secretsAndConfigsFromFiles() throws Exception {
        ComposeProject p = load("""
                services:
                  web:
                    image: busybox
                    secrets:
                      - pw
                      - source: pw
                        target: other
                    configs:
                      - source: site
                        target: /etc/site.conf
                secrets:
                  pw:
                    file: ./pw.txt
                configs:
                  site:
                    file: ./site.conf
                    name: shared-site
                """);
        Path folder = dir.resolve("lesson");
        assertEquals(new ComposeProject.FileObject("pw", "lesson_pw", folder.resolve("pw.txt")), p.secrets().get("pw"));
        assertEquals(new ComposeProject.FileObject("site", "shared-site", folder.resolve("site.conf")),
                p.configs().get("site"));
        assertEquals(List.of(new ComposeProject.FileMount("pw", null), new ComposeProject.FileMount("pw", "other")),
                p.services().get("web").settings().secrets());
        String yaml = CanonicalConfig.yaml(CanonicalConfig.of(p, List.copyOf(p.services().values())));
        assertTrue(yaml.contains("""
                    secrets:
                      - source: pw
                      - source: pw
                        target: other
                """), yaml);
        assertTrue(yaml.endsWith("""
                secrets:
                  pw:
                    name: lesson_pw
                    file: %s
                configs:
                  site:
                    name: shared-site
                    file: %s
                """.formatted(folder.resolve("pw.txt"), folder.resolve("site.conf"))), yaml);
        assertEquals("service \"web\" refers to undefined secret nope: invalid compose project",
                fails("services:\n  web:\n    image: busybox\n    secrets: [nope]\n"));
        assertEquals("secrets.pw.environment: not supported by this kernel", fails(
                "services:\n  web:\n    image: busybox\nsecrets:\n  pw:\n    file: ./x\n    environment: PW\n"));
        assertEquals("services.web.secrets.mode: not supported by this kernel", fails("services:\n  web:\n"
                + "    image: busybox\n    secrets:\n      - source: pw\n        mode: 0400\nsecrets:\n  pw:\n    file: ./x\n"));
    }

    private String fails(String yaml) {
        return assertThrows(ComposeFileError.class, () -> load(yaml)).getMessage();
    }

    @Test
    void goDurationStrings() {
        assertEquals("0s", GoTime.formatDuration(0));
        assertEquals("1m30s", GoTime.formatDuration(90_000_000_000L));
        assertEquals("1h0m0s", GoTime.formatDuration(3_600_000_000_000L));
        assertEquals("1.5s", GoTime.formatDuration(1_500_000_000L));
        assertEquals("500ms", GoTime.formatDuration(500_000_000L));
        assertEquals("1.5µs", GoTime.formatDuration(1_500L));
        assertEquals("7ns", GoTime.formatDuration(7L));
        assertEquals("-2s", GoTime.formatDuration(-2_000_000_000L));
    }
}
