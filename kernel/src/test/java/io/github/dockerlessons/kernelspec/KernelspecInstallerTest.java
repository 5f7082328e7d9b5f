package io.github.dockerlessons.kernelspec;

import com.google.gson.JsonObject;
import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two kernelspecs, each with its own copy of the jar, so a clean build or a moved checkout breaks neither. */
class KernelspecInstallerTest {
    @TempDir
    Path tmp;

    private Path jar() throws Exception {
        Path jar = tmp.resolve("checkout/kernel/target/docker-kernel.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        return jar;
    }

    private int run(Path jar, String... args) throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new KernelspecInstaller(Map.of(), out, jar, OperatingSystem.LINUX, tmp.resolve("home"))
                .run(args[0], List.of(args).subList(1, args.length));
    }

    private static JsonObject spec(Path kernelDir) throws Exception {
        return JsonParser.parseString(Files.readString(kernelDir.resolve("kernel.json"))).getAsJsonObject();
    }

    private static List<String> argv(JsonObject spec) {
        return spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
    }

    @Test
    void twoKernelspecsEachWithItsOwnJar() throws Exception {
        Path jar = jar();
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString(), "--lessons-engine", "unix:///run/lessons/docker.sock");
        Path kernels = tmp.resolve("prefix/share/jupyter/kernels");
        for (String name : List.of("docker", "docker-lessons")) {
            Path dir = kernels.resolve(name);
            assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(dir.resolve("docker-kernel.jar")), name);
            List<String> argv = argv(spec(dir));
            assertEquals(dir.resolve("docker-kernel.jar").toString(), argv.get(argv.indexOf("-jar") + 1));
            assertTrue(argv.contains("-XX:SharedArchiveFile=" + dir.resolve("docker-kernel.jsa")), argv.toString());
            // The archive mapped where it was written: no relocation on every start (Debian's default).
            assertTrue(argv.indexOf("-XX:+UnlockDiagnosticVMOptions") >= 0
                    && argv.indexOf("-XX:+UnlockDiagnosticVMOptions") < argv.indexOf("-XX:ArchiveRelocationMode=0"), argv.toString());
            assertTrue(argv.contains("-XX:+ExitOnOutOfMemoryError"), "out of memory ends the kernel: " + argv);
            assertTrue(argv.stream().noneMatch(a -> a.contains("checkout")), "nothing points into the checkout: " + argv);
            assertTrue(Files.exists(dir.resolve("logo-64x64.png")));
        }
        JsonObject follows = spec(kernels.resolve("docker"));
        assertEquals("Docker", follows.get("display_name").getAsString());
        assertFalse(follows.getAsJsonObject("env").has("DOCKER_HOST"), "Docker follows the CLI's configuration");
        JsonObject pinned = spec(kernels.resolve("docker-lessons"));
        assertEquals("Docker (lessons engine)", pinned.get("display_name").getAsString());
        assertEquals("unix:///run/lessons/docker.sock", pinned.getAsJsonObject("env").get("DOCKER_HOST").getAsString());
        assertEquals("docker", pinned.get("language").getAsString(), "same language: Notebook falls back to Docker by it");
    }

    @Test
    void theJvmOptionsKeepAnIdleKernelSmallAndStillStart() throws Exception {
        // issue 22: a young generation of 2 MiB, and the C heap trimmed while idle where the JVM knows how
        run(jar(), "install", "--prefix", tmp.resolve("prefix").toString());
        List<String> argv = argv(spec(tmp.resolve("prefix/share/jupyter/kernels/docker")));
        assertTrue(argv.contains("-Xmn2m"), argv.toString());
        assertEquals(KernelspecInstaller.knowsVmOption("TrimNativeHeapInterval"),
                argv.contains(KernelspecInstaller.NATIVE_HEAP_TRIM), argv.toString());
        assertFalse(KernelspecInstaller.knowsVmOption("NoSuchOptionAtAll"));
        // the kernelspec's own JVM starts with exactly these options
        List<String> java = new java.util.ArrayList<>(argv.subList(0, argv.indexOf("-jar")));
        java.add("-version");
        Process process = new ProcessBuilder(java).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
    }

    @Test
    void theInstalledKernelOutlivesTheCheckout() throws Exception {
        Path jar = jar();
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString());
        Files.delete(jar); // mvn clean, or the checkout moved
        Path installed = tmp.resolve("prefix/share/jupyter/kernels/docker/docker-kernel.jar");
        assertTrue(Files.isRegularFile(installed));
    }

    @Test
    void anUnchangedJarIsNotCopiedAgainSoItsArchiveStays() throws Exception {
        Path jar = jar();
        Path dir = tmp.resolve("prefix/share/jupyter/kernels/docker");
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString());
        Files.writeString(dir.resolve("docker-kernel.jsa"), "trained");
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString());
        assertTrue(Files.exists(dir.resolve("docker-kernel.jsa")), "same jar: the archive stays valid");
        Files.write(jar, new byte[]{'P', 'K', 3, 4, 9});
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString());
        assertFalse(Files.exists(dir.resolve("docker-kernel.jsa")), "new jar: the old archive is dropped");
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(dir.resolve("docker-kernel.jar")));
    }

    @Test
    void aJarDatedToTheNanosecondOrRebuiltWithTheSameBytesKeepsItsArchive() throws Exception {
        // A real build's date has nanoseconds; the copy's is cut to microseconds by the file system call.
        Path jar = jar();
        Files.setLastModifiedTime(jar, FileTime.from(java.time.Instant.ofEpochSecond(1_700_000_000L, 206_190_546L)));
        Path dir = tmp.resolve("prefix/share/jupyter/kernels/docker");
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString());
        Files.writeString(dir.resolve("docker-kernel.jsa"), "trained");
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString());
        assertTrue(Files.exists(dir.resolve("docker-kernel.jsa")), "same jar, its date cut by the copy: the archive stays");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_800_000_000_000L)); // rebuilt: same bytes, new date
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString());
        assertTrue(Files.exists(dir.resolve("docker-kernel.jsa")), "same bytes rebuilt: the archive stays");
        Files.write(jar, new byte[]{'P', 'K', 3, 4, 1, 2, 4}); // same size, other bytes
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_800_000_000_000L));
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString());
        assertFalse(Files.exists(dir.resolve("docker-kernel.jsa")), "other bytes, same size and date: dropped");
    }

    @Test
    void theUserFolderIsWhereJupyterLooksOnEachSystem() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path home = Path.of("/home/student");
        assertEquals(home.resolve(".local/share/jupyter"),
                new KernelspecInstaller(Map.of(), out, tmp, OperatingSystem.LINUX, home).userDataDir());
        assertEquals(Path.of("/xdg/jupyter"),
                new KernelspecInstaller(Map.of("XDG_DATA_HOME", "/xdg"), out, tmp, OperatingSystem.LINUX, home).userDataDir());
        assertEquals(home.resolve("Library/Jupyter"),
                new KernelspecInstaller(Map.of(), out, tmp, OperatingSystem.MACOS, home).userDataDir());
        assertEquals(Path.of("/appdata", "jupyter"),
                new KernelspecInstaller(Map.of("APPDATA", "/appdata"), out, tmp, OperatingSystem.WINDOWS, home).userDataDir());
        assertEquals(Path.of("/j"),
                new KernelspecInstaller(Map.of("JUPYTER_DATA_DIR", "/j"), out, tmp, OperatingSystem.MACOS, home).userDataDir());
    }

    @Test
    void uninstallRemovesBoth() throws Exception {
        Path jar = jar();
        run(jar, "install", "--prefix", tmp.resolve("prefix").toString(), "--lessons-engine", "unix:///x.sock");
        run(jar, "uninstall", "--prefix", tmp.resolve("prefix").toString());
        assertFalse(Files.exists(tmp.resolve("prefix/share/jupyter/kernels/docker")));
        assertFalse(Files.exists(tmp.resolve("prefix/share/jupyter/kernels/docker-lessons")));
    }

    @Test
    void trainingRunsTheInstalledCopyItself() throws Exception {
        Path installed = tmp.resolve("kernels/docker/docker-kernel.jar");
        Files.createDirectories(installed.getParent());
        Files.write(installed, new byte[]{1});
        run(installed, "install", "--prefix", tmp.resolve("training").toString(), "--use-this-jar",
                "--jvm-option", "-XX:ArchiveClassesAtExit=/x.jsa");
        Path dir = tmp.resolve("training/share/jupyter/kernels/docker");
        List<String> argv = argv(spec(dir));
        assertEquals(installed.toString(), argv.get(argv.indexOf("-jar") + 1));
        assertTrue(argv.contains("-XX:ArchiveClassesAtExit=/x.jsa"));
        assertTrue(argv.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")));
        assertFalse(Files.exists(dir.resolve("docker-kernel.jar")));
    }

    @Test
    void anOptionsValueMayFollowAnEqualsSignWhereAnOptionIsExpected() throws Exception {
        Path installed = tmp.resolve("kernels/docker/docker-kernel.jar");
        Files.createDirectories(installed.getParent());
        Files.write(installed, new byte[]{1});
        run(installed, "install", "--prefix=" + tmp.resolve("eq"), "--use-this-jar", "--jvm-option=-Xmx300m",
                "--jvm-option", "--prefix=/x", "--env=A=b=c");
        Path dir = tmp.resolve("eq/share/jupyter/kernels/docker");
        List<String> argv = argv(spec(dir));
        assertTrue(argv.contains("-Xmx300m"), argv.toString());
        assertTrue(argv.contains("--prefix=/x"), "a value is never read as an option: " + argv);
        assertTrue(Files.readString(dir.resolve("kernel.json")).contains("\"A\": \"b=c\""));
        assertThrows(IllegalArgumentException.class, () -> run(installed, "install", "--prefix=", "--use-this-jar"));
    }
}
