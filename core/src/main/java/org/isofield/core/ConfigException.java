package org.isofield.core;

/**
 * A config or usage error: an unknown key, a value out of range, an unknown component name. Carries the JSON path
 * of the offending value ({@code $.encoding.n_levels}); exit code 2.
 */
public class ConfigException extends IsofieldException {
    private static final long serialVersionUID = 1L;
    private final String jsonPath;
    private final String detail;

    public ConfigException(String jsonPath, String message) {
        this(jsonPath, message, null);
    }

    public ConfigException(String jsonPath, String message, Throwable cause) {
        super(jsonPath == null || jsonPath.isEmpty() ? message : "at " + jsonPath + ": " + message, EXIT_USAGE, cause);
        this.jsonPath = jsonPath == null ? "" : jsonPath;
        this.detail = message;
    }

    /** The message without the path prefix. */
    public String detail() {
        return detail;
    }

    /** JSON path of the offending value, {@code $} for the whole document, empty when not from a document. */
    public String jsonPath() {
        return jsonPath;
    }
}
