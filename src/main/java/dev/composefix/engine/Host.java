package dev.composefix.engine;

/**
 * The machine a stack must fit on: memory in bytes and CPUs available to containers, each null when
 * unknown (then no budget is judged).
 */
public record Host(Long memory, Double cpus) {

    public static final Host UNKNOWN = new Host(null, null);

    /** This host with the fields of {@code override} that are known. */
    public Host with(Host override) {
        return new Host(override.memory != null ? override.memory : memory,
                override.cpus != null ? override.cpus : cpus);
    }
}
