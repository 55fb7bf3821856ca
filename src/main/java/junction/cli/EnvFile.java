package junction.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A project's {@code .env} file as Hasura's CLI reads it ({@code --envfile}, default {@code .env},
 * relative to the project directory): {@code KEY=value} lines ({@code export KEY=value} and {@code
 * KEY: value} too), {@code #} comments, values in single quotes taken as written, in double quotes
 * with {@code \n} escapes. Its variables stand in for environment variables the process does not
 * have: a flag wins over the environment, which wins over the file, which wins over config.yaml.
 */
final class EnvFile {
    static final String DEFAULT = ".env";

    private EnvFile() {
    }

    /** The variables of {@code name} in {@code directory}; none when the default file is absent. */
    static Map<String, String> read(Path directory, String name) {
        String given = name == null || name.isEmpty() ? DEFAULT : name;
        Path file = directory.resolve(given);
        if (!Files.isRegularFile(file)) {
            if (given.equals(DEFAULT)) {
                return Map.of();
            }
            throw new CliException("cannot read the envfile " + file + ": no such file");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException("cannot read the envfile " + file + ": " + e.getMessage());
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            int colon = line.indexOf(": ");
            int split = equals >= 0 && (colon < 0 || equals < colon) ? equals : colon;
            if (split <= 0) {
                continue;
            }
            variables.put(line.substring(0, split).strip(), value(line.substring(split + 1).strip()));
        }
        return variables;
    }

    private static String value(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
        }
        int comment = value.indexOf(" #");
        return (comment >= 0 ? value.substring(0, comment) : value).strip();
    }
}
