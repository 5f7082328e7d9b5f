package io.github.dockerlessons.command.system;

/** This kernel's version, as the client part of {@code docker version} reports it. */
public final class KernelVersion {
    public static final String VERSION;

    static {
        String fromJar = KernelVersion.class.getPackage().getImplementationVersion();
        VERSION = fromJar != null ? fromJar : "dev";
    }

    private KernelVersion() {
    }
}
