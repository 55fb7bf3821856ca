package junction.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate apply}: runs pending up migrations (all, {@code --up N}), rolls back applied ones
 * ({@code --down N|all}), or one ({@code --version V [--type up|down]}); {@code --skip-execution}
 * only records. One migration at a time: its SQL through {@code run_sql} (one transaction: all of
 * it or nothing), then its version recorded. A failing migration stops the command with its file
 * and the SQL error; the migrations before it stay applied.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, description = "Apply migrations on the database.")
final class MigrateApplyCommand extends ProjectCommand {
    @Option(names = "--up", description = "Apply all or N up migration steps.")
    String up;

    @Option(names = "--down", description = "Apply all or N down migration steps.")
    String down;

    @Option(names = "--version", description = "Only apply this particular migration.")
    Long version;

    @Option(names = "--type", description = "up or down: the direction for --version. Default: up.")
    String type = "up";

    @Option(names = "--skip-execution", description = "Do not run the SQL; only mark the migrations applied (or not).")
    boolean skipExecution;

    @Option(names = "--dry-run", description = "Print the migrations that would be applied, and stop.")
    boolean dryRun;

    @Option(names = "--database-name", description = "The database. Default: default.")
    String database = "default";

    /** One migration run in one direction. */
    record Step(Migration migration, boolean upward) {
    }

    @Override
    protected void run(Project project) {
        int flags = (up != null ? 1 : 0) + (down != null ? 1 : 0) + (version != null ? 1 : 0);
        if (flags > 1) {
            throw new CliException("only one migration type can be applied at a time (--up, --down, --type or --goto)");
        }
        if (!type.equals("up") && !type.equals("down")) {
            throw new CliException("--type must be up or down, not " + type);
        }
        List<Migration> local = MigrationDirectory.of(project, database).migrations();
        MigrationState state = new MigrationState(project.client());
        List<Step> steps = plan(local, state.applied(database));
        if (steps.isEmpty()) {
            out().println("nothing to apply on database " + database);
            return;
        }
        int done = 0;
        for (Step step : steps) {
            String file = project.directory().relativize(step.migration().directory()) + "/" + (step.upward() ? "up.sql" : "down.sql");
            if (dryRun) {
                out().println((step.upward() ? "would apply " : "would roll back ") + file);
                continue;
            }
            if (!skipExecution) {
                execute(project, step, file, done);
            }
            if (step.upward()) {
                state.record(database, step.migration().version());
            } else {
                state.forget(database, step.migration().version());
            }
            done++;
            out().println((step.upward() ? "applied " : "rolled back ") + file + (skipExecution ? " (execution skipped)" : ""));
            out().flush();
        }
        if (!dryRun) {
            out().println("migrations applied on database " + database);
        }
    }

    private void execute(Project project, Step step, String file, int done) {
        Optional<String> sql = step.migration().file(step.upward()).map(MigrationDirectory::read);
        if (sql.isEmpty() || sql.get().isBlank()) {
            return;
        }
        try {
            project.client().query("run_sql", Json.NODES.objectNode().put("source", database).put("sql", sql.get()));
        } catch (CliException e) {
            throw new CliException(e.code(), file + " failed: " + e.getMessage() + "; rolled back, nothing of it was applied"
                    + (done == 0 ? "" : " (the " + done + " migration" + (done == 1 ? "" : "s") + " before it stay applied)"));
        }
    }

    List<Step> plan(List<Migration> local, Map<Long, Boolean> applied) {
        if (version != null) {
            Migration migration = local.stream().filter(m -> m.version() == version).findFirst()
                    .orElseThrow(() -> new CliException("no migration of version " + version + " in migrations/" + database));
            boolean upward = type.equals("up");
            if (upward == applied.containsKey(version)) {
                throw new CliException("migration " + version + (upward ? " is already applied" : " is not applied"));
            }
            return List.of(new Step(migration, upward));
        }
        if (down != null) {
            List<Step> steps = new ArrayList<>();
            List<Long> versions = applied.keySet().stream().sorted(Comparator.reverseOrder()).toList();
            for (long v : versions.subList(0, Math.min(count(down), versions.size()))) {
                Migration migration = local.stream().filter(m -> m.version() == v).findFirst()
                        .orElseThrow(() -> new CliException("migration " + v + " is applied on the server but not present in migrations/" + database));
                steps.add(new Step(migration, false));
            }
            return steps;
        }
        List<Step> pending = local.stream().filter(m -> !applied.containsKey(m.version())).map(m -> new Step(m, true)).toList();
        return pending.subList(0, Math.min(up == null ? Integer.MAX_VALUE : count(up), pending.size()));
    }

    private static int count(String steps) {
        if (steps.equals("all")) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(steps);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CliException("not a valid input for steps: " + steps + " (a count or all)");
        }
    }
}
