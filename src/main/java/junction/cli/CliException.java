package junction.cli;

/**
 * A command that cannot go on: its message is printed as {@code junction: <message>} on stderr and
 * the process exits with 1 — never a stack trace. {@code code} is the engine's error code when the
 * engine refused the call (Hasura's envelope), empty otherwise.
 */
public final class CliException extends RuntimeException {
    private final String code;

    public CliException(String message) {
        this("", message);
    }

    public CliException(String code, String message) {
        super(message);
        this.code = code == null ? "" : code;
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
