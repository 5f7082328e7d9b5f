package io.github.dockerlessons.kernelspec;

import com.google.gson.GsonBuilder;
import com.sun.management.HotSpotDiagnosticMXBean;

import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code install} and {@code uninstall}: writes (or removes) the kernel's kernelspecs in a Jupyter
 * data directory, as {@code jupyter kernelspec install} would place them. Installing again replaces
 * them, so running it twice is harmless.
 *
 * <p>Two kernelspecs, so that a person opening a notebook sees which engine a kernel uses:
 * <ul>
 *   <li>{@value #NAME} ("Docker") follows the docker CLI's own configuration: DOCKER_HOST, the
 *       current docker context, else the sockets Docker Desktop, rootless Docker and Podman use.</li>
 *   <li>{@value #LESSONS_NAME} ("Docker (lessons engine)"), written with {@code --lessons-engine HOST},
 *       is pinned to that engine with DOCKER_HOST; the lessons name it.</li>
 * </ul>
 * Each kernelspec folder holds its own copy of the jar (and the AppCDS archive install/cds-archive
 * trains for that copy), so {@code mvn clean} or moving the checkout leaves installed kernels working.
 */
public final class KernelspecInstaller {
    public static final String NAME = "docker";
    public static final String LESSONS_NAME = "docker-lessons";
    static final String JAR = "docker-kernel.jar";
    static final String ARCHIVE = "docker-kernel.jsa";
    /**
     * Measured with install/benchmark: C1 only starts faster and answers the first hundreds of cells
     * faster than C2; a small initial heap keeps an idle kernel near 75 MiB resident; the serial
     * collector suits one busy thread. A young generation of 2 MiB (-Xmn2m; it grew to 5 MiB, all of
     * it resident) keeps 2 to 3 MiB less resident for shorter, more frequent pauses (0.6 ms against
     * 1.1 ms). Out of memory ends the JVM: the frontend then offers a restart instead of waiting on a
     * kernel in an unknown state.
     */
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms8m", "-Xmn2m", "-Xmx256m",
            "-XX:ReservedCodeCacheSize=32m", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");
    /**
     * Every 5 s the JVM hands the C heap's free pages back (malloc_trim): the JIT's and the cells'
     * native buffers left 2 MiB resident in an idle kernel. The option came to JDK 17 in an update
     * (17.0.15 has it); a JVM that does not know it would refuse to start, so it is added only when the
     * installing JVM, which the kernelspec runs, knows it.
     */
    static final String NATIVE_HEAP_TRIM = "-XX:TrimNativeHeapInterval=5000";

    private final Map<String, String> env;
    private final PrintStream out;
    private final Path runningJar;
    private final OperatingSystem os;
    private final Path home;

    public KernelspecInstaller(Map<String, String> env, PrintStream out) {
        this(env, out, runningJar(), OperatingSystem.named(System.getProperty("os.name", "")),
                Path.of(System.getProperty("user.home")));
    }

    KernelspecInstaller(Map<String, String> env, PrintStream out, Path runningJar, OperatingSystem os, Path home) {
        this.env = env;
        this.out = out;
        this.runningJar = runningJar;
        this.os = os;
        this.home = home;
    }

    /** Returns the process exit status. */
    public int run(String verb, List<String> args) throws IOException {
        Path dataDir = null;
        String lang = null;
        String lessonsEngine = null;
        boolean useThisJar = false;
        Map<String, String> kernelEnv = new LinkedHashMap<>();
        List<String> extraJvmOptions = new ArrayList<>();
        args = new ArrayList<>(args);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            if (equals > 0 && VALUED.contains(arg.substring(0, equals))) {
                // --name=value where an option is expected (never a value's own text): as --name value,
                // as picocli, GNU getopt and Jupyter's own installers take it
                args.set(i, arg.substring(0, equals));
                args.add(i + 1, arg.substring(equals + 1));
                arg = args.get(i);
            }
            switch (arg) {
                case "--user" -> dataDir = userDataDir();
                case "--sys-prefix" -> dataDir = sysPrefix().resolve("share/jupyter");
                case "--prefix" -> dataDir = Path.of(value(args, ++i, arg)).resolve("share/jupyter");
                case "--replace" -> { /* installing always replaces */ }
                case "--lang" -> lang = value(args, ++i, arg);
                case "--lessons-engine" -> lessonsEngine = value(args, ++i, arg);
                case "--use-this-jar" -> useThisJar = true;
                case "--env" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--env wants NAME=VALUE, got: " + pair);
                    }
                    kernelEnv.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--jvm-option" -> extraJvmOptions.add(value(args, ++i, arg));
                case "-h", "--help" -> {
                    out.println(usage());
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown option: " + arg + "\n" + usage());
            }
        }
        if (dataDir == null) {
            dataDir = userDataDir();
        }
        Path kernels = dataDir.resolve("kernels");
        if (verb.equals("uninstall")) {
            for (String name : List.of(NAME, LESSONS_NAME)) {
                Path kernelDir = kernels.resolve(name);
                if (Files.isDirectory(kernelDir)) {
                    deleteTree(kernelDir);
                    out.println("Removed kernelspec " + name + " from " + kernelDir);
                } else {
                    out.println("No kernelspec " + name + " in " + kernelDir);
                }
            }
            return 0;
        }
        if (lang != null) {
            kernelEnv.put("DOCKER_KERNEL_LANG", lang);
        }
        if (!useThisJar && !Files.isRegularFile(runningJar)) {
            throw new IllegalArgumentException("install runs from the kernel's jar (java -jar docker-kernel.jar install), "
                    + "not from " + runningJar);
        }
        install(kernels.resolve(NAME), "Docker", kernelEnv, extraJvmOptions, useThisJar);
        if (lessonsEngine != null) {
            Map<String, String> pinned = new LinkedHashMap<>(kernelEnv);
            pinned.put("DOCKER_HOST", lessonsEngine);
            install(kernels.resolve(LESSONS_NAME), "Docker (lessons engine)", pinned, extraJvmOptions, useThisJar);
        }
        return 0;
    }

    private void install(Path kernelDir, String displayName, Map<String, String> kernelEnv, List<String> extraJvmOptions,
                         boolean useThisJar) throws IOException {
        Files.createDirectories(kernelDir);
        List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        if (knowsVmOption("TrimNativeHeapInterval")) {
            jvmOptions.add(NATIVE_HEAP_TRIM);
        }
        Path jar;
        if (useThisJar) {
            // install/cds-archive trains the archive of an installed copy by running exactly that copy.
            jar = runningJar;
        } else {
            jar = kernelDir.resolve(JAR);
            copyJar(jar, kernelDir.resolve(ARCHIVE));
            // -Xshare:auto: while no archive has been trained for this copy (or it is stale), the JVM
            // starts without one, silently.
            jvmOptions.add("-XX:SharedArchiveFile=" + kernelDir.resolve(ARCHIVE));
            jvmOptions.add("-Xshare:auto");
            // Debian's JDK 17 (and JDK 20 on) maps the archives at a random address and then rewrites
            // every pointer in them: 60 to 120 ms of each start, and 28 MiB of archive pages made
            // private copies. Mapped where they were written, they stay shared file pages; the random
            // address protects a kernel that runs the user's own commands anyway very little.
            jvmOptions.add("-XX:+UnlockDiagnosticVMOptions");
            jvmOptions.add("-XX:ArchiveRelocationMode=0");
            jvmOptions.add("-Xlog:cds=off");
            jvmOptions.add("-Xlog:cds+dynamic=off");
        }
        jvmOptions.addAll(extraJvmOptions);
        Files.writeString(kernelDir.resolve("kernel.json"), kernelJson(displayName, jar, jvmOptions, kernelEnv),
                StandardCharsets.UTF_8);
        writeLogo(kernelDir.resolve("logo-32x32.png"), 32);
        writeLogo(kernelDir.resolve("logo-64x64.png"), 64);
        out.println("Installed kernelspec " + kernelDir.getFileName() + " (" + displayName + ") in " + kernelDir);
    }

    /**
     * Copies the running jar into the kernelspec, keeping its date: an unchanged jar is not copied again,
     * so the archive trained for the copy stays valid; a changed one replaces the copy and drops the
     * archive, which belonged to the old one. Unchanged means the same bytes, not the same date: the
     * copied date is cut to microseconds on Linux (the build's has nanoseconds), so comparing dates
     * found every jar changed and every install/setup trained both archives again (about 10 s each),
     * and a rebuild of the same sources (mvn verify after install/setup) gives the same bytes anyway.
     */
    private void copyJar(Path target, Path archive) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(runningJar)
                && Files.mismatch(target, runningJar) == -1) {
            return;
        }
        Path temp = Files.createTempFile(target.getParent(), ".docker-kernel", ".jar");
        try {
            Files.copy(runningJar, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        Files.deleteIfExists(archive);
    }

    /** Whether this JVM takes {@code -XX:name=...} with no unlocking (an unknown or locked option: no). */
    static boolean knowsVmOption(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException | LinkageError | UnsupportedOperationException e) {
            return false;
        }
    }

    String kernelJson(String displayName, Path jar, List<String> jvmOptions, Map<String, String> kernelEnv) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmOptions);
        argv.add("-jar");
        argv.add(jar.toString());
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName);
        spec.put("language", "docker");
        spec.put("interrupt_mode", "message");
        spec.put("env", kernelEnv);
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /**
     * Jupyter's user data directory, where jupyter_core looks for it: JUPYTER_DATA_DIR; else
     * ~/Library/Jupyter on macOS, %APPDATA%\jupyter on Windows, $XDG_DATA_HOME/jupyter or
     * ~/.local/share/jupyter elsewhere.
     */
    Path userDataDir() {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        if (os == OperatingSystem.MACOS) {
            return home.resolve("Library").resolve("Jupyter");
        }
        if (os == OperatingSystem.WINDOWS) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "jupyter")
                    : home.resolve(".jupyter").resolve("data");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("jupyter");
    }

    private Path sysPrefix() {
        for (String name : new String[]{"VIRTUAL_ENV", "CONDA_PREFIX"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Path.of(value);
            }
        }
        return Path.of("/usr");
    }

    /** The jar this installer runs from (target/classes in unit tests, which pass a jar instead). */
    private static Path runningJar() {
        try {
            return Path.of(KernelspecInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The options that take a value, which may also be written --name=value. */
    private static final List<String> VALUED = List.of("--prefix", "--lang", "--lessons-engine", "--env", "--jvm-option");

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    static String usage() {
        return "Usage: java -jar docker-kernel.jar install [--user | --sys-prefix | --prefix DIR] [--replace]\n"
                + "                                    [--lessons-engine DOCKER_HOST] [--lang ko|en]\n"
                + "                                    [--env NAME=VALUE]... [--jvm-option OPT]...\n"
                + "       java -jar docker-kernel.jar uninstall [--user | --sys-prefix | --prefix DIR]\n"
                + "\n"
                + "install writes the kernelspec \"docker\" (\"Docker\"), which finds the engine as the docker CLI does,\n"
                + "and with --lessons-engine also \"docker-lessons\" (\"Docker (lessons engine)\"), pinned to that engine.\n"
                + "Each gets a copy of this jar; uninstall removes both.";
    }

    /** The logo: three stacked containers on Docker blue, drawn here so no binary lives in the repo. */
    private static void writeLogo(Path file, int size) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1D, 0x63, 0xED));
        g.fillRoundRect(0, 0, size, size, size / 4, size / 4);
        g.setColor(Color.WHITE);
        int box = size / 5;
        int gap = Math.max(1, size / 32);
        int left = (size - (3 * box + 2 * gap)) / 2;
        int top = size / 2 - box / 2;
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 3 - row; col++) {
                g.fillRect(left + col * (box + gap) + row * (box + gap) / 2, top - row * (box + gap), box, box);
            }
        }
        g.fillRect(size / 8, top + box + gap, size * 3 / 4, Math.max(2, size / 10));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
