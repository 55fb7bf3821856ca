package junction.cli;

import java.util.Locale;

/** A report command's {@code -o/--output}: absent for the text report, {@code json} for scripts. */
final class OutputFormat {
    private OutputFormat() {
    }

    /** Whether the report is JSON; any value but {@code json} (or {@code table}/{@code text}, the default) is refused. */
    static boolean json(String output) {
        if (output == null) {
            return false;
        }
        return switch (output.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "table", "text" -> false;
            default -> throw new CliException("unknown output format " + output + "; use json");
        };
    }
}
