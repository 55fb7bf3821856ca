package junction.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junction.cli.ServeCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's reference tables list what the engine has: every setting it reads and every endpoint it serves. */
class ReadmeReferenceTest {
    private static final Path README = Path.of("README.md");
    private static final Path ROUTES = Path.of("src/main/java/junction/server/Routes.java");
    /** Read by the launcher script, not by the engine. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("JUNCTION_JAVA_OPTS");

    @Test
    void everyEnvironmentVariableServeReadsIsInTheConfigurationTableOnce() throws IOException {
        List<String> listed = configurationTableVariables(Files.readString(README));
        Set<String> read = new TreeSet<>();
        for (OptionSpec option : new CommandLine(new ServeCommand()).getCommandSpec().options()) {
            if (option.descriptionKey() != null && option.descriptionKey().matches("[A-Z][A-Z0-9_]+")) { // not picocli's own keys
                read.add(option.descriptionKey());
            }
        }
        assertThat(read).as("variables serve reads").isNotEmpty();
        assertThat(listed).as("variables of the configuration table").doesNotHaveDuplicates().containsAll(read);
        assertThat(listed.stream().filter(v -> !LAUNCHER_VARIABLES.contains(v)).toList())
                .as("variables of the configuration table that serve does not read").isSubsetOf(read);
    }

    @Test
    void everyPathTheEngineServesIsInTheEndpointsTable() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Endpoints");
        assertThat(start).as("the Endpoints section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String endpoints = readme.substring(start, end < 0 ? readme.length() : end);
        Matcher path = Pattern.compile("\"(/[a-z0-9_/]*[a-z0-9_])\"").matcher(Files.readString(ROUTES));
        List<String> missing = new ArrayList<>();
        int found = 0;
        while (path.find()) {
            found++;
            if (!endpoints.contains(path.group(1) + "`")) {
                missing.add(path.group(1));
            }
        }
        assertThat(found).as("paths in Routes.java").isPositive();
        assertThat(missing).as("paths served but not in the README's Endpoints table").isEmpty();
    }

    /** The variables of the configuration table's second column, one entry per row that names one. */
    private static List<String> configurationTableVariables(String readme) {
        List<String> out = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.lines().toList()) {
            if (line.startsWith("| flag | environment variable")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (inTable) {
                String[] cells = line.split("\\|");
                Matcher variable = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(cells.length > 2 ? cells[2] : "");
                while (variable.find()) {
                    out.add(variable.group(1));
                }
            }
        }
        assertThat(out).as("the README's configuration table").isNotEmpty();
        return out;
    }
}
