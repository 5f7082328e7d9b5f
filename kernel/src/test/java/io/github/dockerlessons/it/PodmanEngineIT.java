package io.github.dockerlessons.it;

import java.util.Map;

/**
 * The differential cases of {@link DifferentialIT} against Podman's Docker-compatible API (Debian's
 * podman 4.3.1, src/test/engines/podman-engine): the kernel shows what the docker CLI shows on the same
 * Podman, including where Podman differs from Docker (the CLI drops the first letter of a stats name,
 * reports a lost exit status for run --rm, ...). The cases where the kernel cannot are listed in
 * {@link #knownDifference} with the reason, and reported as skipped.
 */
class PodmanEngineIT extends DifferentialIT {
    private EngineHarness engine;

    @Override
    protected Map<String, String> engineEnvironment() throws Exception {
        engine = EngineHarness.start("podman-engine");
        return engine.clientEnvironment();
    }

    @Override
    protected void stopEngine() throws Exception {
        engine.close();
    }

    /**
     * The sequences (lifecycles, twins) take as long again as the single commands on Podman, and
     * install/test has about a minute and a half for the other engines: they run with
     * DOCKER_LESSONS_ENGINES=full.
     */
    @Override
    protected boolean runsSequences() {
        return "full".equals(System.getenv("DOCKER_LESSONS_ENGINES"));
    }

    @Override
    protected String knownDifference(String cell) {
        if (cell.startsWith("docker port ") && !cell.endsWith("-box")) {
            return "Podman answers an empty HostIp for a published port and the CLI prints \":PORT\"; docker-java's typed "
                    + "port bindings cannot tell empty from 0.0.0.0, so the kernel prints \"0.0.0.0:PORT\"";
        }
        if (cell.equals("docker system df")) {
            return "Podman's image sizes make the CLI compute a negative reclaimable size, which it prints "
                    + "(\"-2.437e+07B\"); the kernel prints 0B";
        }
        if (cell.startsWith("docker stats ")) {
            return "Podman's stats name has no leading \"/\", and the CLI cuts the first character anyway "
                    + "(\"iff…\" for \"diff…\"); the kernel prints the whole name";
        }
        if (cell.startsWith("docker top ") && cell.endsWith("-nothing")) {
            return "Podman answers 404 with an empty body; the CLI then names the API route and version it "
                    + "asked for, the kernel (unversioned paths) prints docker-java's \"Status 404:\"";
        }
        return null;
    }
}
