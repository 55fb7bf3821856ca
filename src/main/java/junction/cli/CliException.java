package junction.cli;

/**
 * A command that cannot go on: its message is printed as {@code junction: <message>} on stderr and
 * the process exits with 1 — never a stack trace. {@code code} is the engine's error code when the
 * engine refused the call (Hasura's envelope), empty otherwise.
 */
public final class CliException extends RuntimeException {
    private final String code;
    private final String path;

    public CliException(String message) {
        this("", message);
    }

    public CliException(String code, String message) {
        this(code, message, "");
    }

    /** The engine's refusal: its code, message and the JSON path ({@code $.args…}) of what it refused. */
    public CliException(String code, String message, String path) {
        super(message);
        this.code = code == null ? "" : code;
        this.path = path == null ? "" : path;
    }

    /** The JSON path of the refused part of the request, empty when the engine named none. */
    public String path() {
        return path;
    }

    /** The same refusal said of a place in the user's files ({@code file:line}). */
    public CliException at(String place) {
        return new CliException(code, place + ": " + getMessage(), path);
    }

    public String code() {
        return code;
    }

    /** The line printed for the user. */
    public String display() {
        if (code.isEmpty()) {
            return getMessage();
        }
        int firstLine = getMessage().indexOf('\n');
        return firstLine < 0 ? getMessage() + " (" + code + ")"
                : getMessage().substring(0, firstLine) + " (" + code + ")" + getMessage().substring(firstLine);
    }
}
