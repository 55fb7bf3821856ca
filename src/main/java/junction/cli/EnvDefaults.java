package junction.cli;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Flag, else environment variable, else default: an option whose {@code descriptionKey} names an
 * environment variable takes that variable's value when the flag is absent, from the environment
 * map the CLI was given (the process's in {@code main}, a test's own elsewhere). An unset or empty
 * variable leaves the option's own default.
 */
final class EnvDefaults implements IDefaultValueProvider {
    private final Map<String, String> environment;

    EnvDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.descriptionKey().isEmpty()) {
            return null;
        }
        String value = environment.get(option.descriptionKey());
        return value == null || value.isEmpty() ? null : value;
    }
}
