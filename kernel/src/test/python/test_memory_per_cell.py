"""Nothing is kept per cell (issue 19: 100 -> 182 MiB resident over 5,029 cells). After 10,000 cells
of a lesson's mix (listings, a variable, an error, a substitution), the kernel's resident memory is
within 20% of where it was after 1,000. DOCKER_LESSONS_MEMORY_CELLS sets the total (10,000); the
test prints the figures and the classes whose instances grew, from jcmd GC.class_histogram."""
import os
import re
import subprocess
import time

import pytest

from conftest import execute, kernel_pid, start_kernel, stop_kernel

CELLS = int(os.environ.get("DOCKER_LESSONS_MEMORY_CELLS", "10000"))
WARM = max(1, CELLS // 10)
# listings, a variable, errors, a substitution, and outputs of some KiB (inspect, info): the history
# kept every cell's output before issue 19
MIX = ["docker ps -a", "docker images", "X=1", "docker inspect no-such-thing-xyz", "echo $X",
       "docker ps -q", "Y=$(docker ps -q)", "docker version --format '{{.Client.Version}}'",
       "docker image inspect busybox", "docker info"]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))


def histogram(pid):
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True, timeout=60).stdout
    counts = {}
    for line in out.splitlines():
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            counts[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return counts


@pytest.mark.deadline(900)
def test_resident_memory_does_not_grow_with_cells():
    manager, client = start_kernel({"DOCKER_KERNEL_LANG": "en"})
    try:
        pid = kernel_pid(manager)
        started = time.monotonic()
        for n in range(CELLS):
            execute(client, MIX[n % len(MIX)], timeout=60)
            if n + 1 == WARM:
                before_hist = histogram(pid)
                before = rss_kib(pid)
        after_hist = histogram(pid)
        after = rss_kib(pid)
        grown = sorted(((after_hist[k][1] - before_hist.get(k, (0, 0))[1], k) for k in after_hist), reverse=True)[:8]
        print(f"\n{CELLS} cells in {time.monotonic() - started:.0f}s: RSS {before // 1024} MiB after {WARM}, "
              f"{after // 1024} MiB after {CELLS}; grown: " + ", ".join(f"{k} +{b // 1024} KiB" for b, k in grown))
        assert after <= before * 1.2, f"resident memory grew from {before} KiB to {after} KiB"
    finally:
        stop_kernel(manager, client)


@pytest.mark.deadline(300)
def test_stopped_live_panels_are_let_go():
    """A panel stopped with %live off was still refreshed on its timer, and held, for good."""
    manager, client = start_kernel({"DOCKER_KERNEL_LANG": "en"})
    try:
        pid = kernel_pid(manager)
        for _ in range(200):
            assert execute(client, "%live docker ps", timeout=60).status == "ok"
            assert execute(client, "%live off", timeout=60).status == "ok"
        time.sleep(12)  # a cancelled refresh leaves the timer's queue at its next turn
        panels = histogram(pid).get("io.github.dockerlessons.session.LivePanels$Panel", (0, 0))[0]
        assert panels <= 2, f"{panels} stopped panels are still held"
    finally:
        stop_kernel(manager, client)


def test_a_plain_engine_leaves_the_ca_store_unread():
    # docker-java's transport, given no SSL context, built the system default one: the JDK's whole CA
    # store parsed and held (3 MiB of heap) for a unix socket that never speaks TLS.
    manager, client = start_kernel()
    try:
        assert execute(client, "docker ps -a").status == "ok"
        time.sleep(2)  # the warm-up after kernel_info runs cells in the background
        counts = histogram(kernel_pid(manager))
        assert not any("TrustedCertEntry" in name or name.endswith("X509CertImpl") for name in counts), \
            sorted(name for name in counts if "security" in name)
    finally:
        stop_kernel(manager, client)


def test_the_kernel_jar_leaves_the_public_suffix_list_and_bouncy_castle_out():
    # Apache's default TLS strategy, which docker-java builds for every engine (unix sockets included),
    # parsed the public suffix list shipped in httpclient5 into a map of some 9,600 entries: 1.1 MiB of
    # an idle kernel's 8 MiB of heap. The jar leaves the list out (kernel/pom.xml); the docker CLI's Go
    # TLS checks an engine's certificate with no such list either.
    import zipfile
    from jupyter_client import KernelManager
    argv = KernelManager(kernel_name="docker").kernel_spec.argv
    jar = argv[argv.index("-jar") + 1]
    with zipfile.ZipFile(jar) as archive:
        names = archive.namelist()
    assert not [n for n in names if n.startswith("org/publicsuffix/")]
    # Bouncy Castle (6,900 entries) served only docker-java's PEM reading; engine/PemFiles reads the TLS
    # files with the JDK. The JVM keeps a jar's whole directory in every kernel's heap (1.8 MB for the
    # 17,206 entries the jar had with it).
    assert not [n for n in names if "org/bouncycastle/" in n]
    assert len(names) < 12000, f"{len(names)} entries in the kernel's jar"
