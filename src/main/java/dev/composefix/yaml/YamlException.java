package dev.composefix.yaml;

/** The text is not a YAML document composefix can read; {@link #position()} says where. */
public final class YamlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Position position;

    public YamlException(String message, Position position) {
        super(message);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
