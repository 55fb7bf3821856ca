package junction.project;

/** A project directory that cannot be read: the message names the file (and line, for a YAML error). */
public final class ProjectException extends RuntimeException {
    public ProjectException(String message) {
        super(message);
    }
}
