package io.github.dockerlessons.kernelspec;

import com.google.gson.GsonBuilder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code install} and {@code uninstall}: writes (or removes) the kernelspec "docker" in a Jupyter
 * data directory, as {@code jupyter kernelspec install} would place it. Installing again replaces
 * it, so running it twice is harmless.
 */
public final class KernelspecInstaller {
    public static final String NAME = "docker";
    /**
     * Measured with install/benchmark: C1 only starts faster and answers the first hundreds of cells
     * faster than C2; a small initial heap keeps an idle kernel near 75 MiB resident; the serial
     * collector suits one busy thread. An AppCDS archive next to the jar is used when present.
     */
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms8m", "-Xmx256m",
            "-XX:ReservedCodeCacheSize=32m", "-XX:-UsePerfData", "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private final Map<String, String> env;
    private final PrintStream out;

    public KernelspecInstaller(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    /** Returns the process exit status. */
    public int run(String verb, List<String> args) throws IOException {
        Path dataDir = null;
        String lang = null;
        Map<String, String> kernelEnv = new LinkedHashMap<>();
        List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        Path archive = cdsArchive();
        if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(
                Files.getLastModifiedTime(jarPath())) >= 0) {
            // -Xshare:auto: should the archive not match (a rebuilt jar), the JVM starts without it.
            jvmOptions.add("-XX:SharedArchiveFile=" + archive);
            jvmOptions.add("-Xshare:auto");
            jvmOptions.add("-Xlog:cds=off");
            jvmOptions.add("-Xlog:cds+dynamic=off");
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--user" -> dataDir = userDataDir();
                case "--sys-prefix" -> dataDir = sysPrefix().resolve("share/jupyter");
                case "--prefix" -> dataDir = Path.of(value(args, ++i, arg)).resolve("share/jupyter");
                case "--replace" -> { /* installing always replaces */ }
                case "--lang" -> lang = value(args, ++i, arg);
                case "--env" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--env wants NAME=VALUE, got: " + pair);
                    }
                    kernelEnv.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--jvm-option" -> jvmOptions.add(value(args, ++i, arg));
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
        Path kernelDir = dataDir.resolve("kernels").resolve(NAME);
        if (verb.equals("uninstall")) {
            if (Files.isDirectory(kernelDir)) {
                try (Stream<Path> walk = Files.walk(kernelDir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
                out.println("Removed kernelspec " + NAME + " from " + kernelDir);
            } else {
                out.println("No kernelspec " + NAME + " in " + kernelDir);
            }
            return 0;
        }
        if (lang != null) {
            kernelEnv.put("DOCKER_KERNEL_LANG", lang);
        }
        Files.createDirectories(kernelDir);
        Files.writeString(kernelDir.resolve("kernel.json"), kernelJson(jvmOptions, kernelEnv), StandardCharsets.UTF_8);
        writeLogo(kernelDir.resolve("logo-32x32.png"), 32);
        writeLogo(kernelDir.resolve("logo-64x64.png"), 64);
        out.println("Installed kernelspec " + NAME + " in " + kernelDir);
        return 0;
    }

    String kernelJson(List<String> jvmOptions, Map<String, String> kernelEnv) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmOptions);
        argv.add("-jar");
        argv.add(jarPath().toString());
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", "Docker");
        spec.put("language", "docker");
        spec.put("interrupt_mode", "message");
        spec.put("env", kernelEnv);
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** Jupyter's user data directory: JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter or ~/.local/share/jupyter. */
    Path userDataDir() {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
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

    /** The AppCDS archive install/setup trains for this jar: docker-kernel.jsa beside it. */
    static Path cdsArchive() {
        Path jar = jarPath();
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa";
        return jar.resolveSibling(name);
    }

    private static Path jarPath() {
        try {
            return Path.of(KernelspecInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    static String usage() {
        return "Usage: java -jar docker-kernel.jar install [--user | --sys-prefix | --prefix DIR] [--replace]\n"
                + "                                    [--lang ko|en] [--env NAME=VALUE]... [--jvm-option OPT]...\n"
                + "       java -jar docker-kernel.jar uninstall [--user | --sys-prefix | --prefix DIR]";
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
