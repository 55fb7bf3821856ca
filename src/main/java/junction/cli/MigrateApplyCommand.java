package junction.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import junction.cli.MigrationRun.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate apply}: runs pending up migrations (all, {@code --up N}), rolls back applied ones
 * ({@code --down N|all}), one ({@code --version V [--type up|down]}), or moves to a version either
 * way ({@code --goto V}); {@code --skip-execution} only records; {@code --all-databases} does it for
 * every database of the server. The migrations run through {@link MigrationRun}.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, description = "Apply migrations on the database.")
final class MigrateApplyCommand extends ProjectCommand {
    @Option(names = "--up", description = "Apply all or N up migration steps.")
    String up;

    @Option(names = "--down", description = "Apply all or N down migration steps.")
    String down;

    @Option(names = "--version", description = "Only apply this particular migration.")
    Long version;

    @Option(names = "--goto", description = "Apply up or down migrations until the database is at this version.")
    Long gotoVersion;

    @Option(names = "--type", description = "up or down: the direction for --version. Default: up.")
    String type = "up";

    @Option(names = "--skip-execution", description = "Do not run the SQL; only mark the migrations applied (or not).")
    boolean skipExecution;

    @Option(names = "--dry-run", description = "Print the migrations that would be applied, and stop.")
    boolean dryRun;

    @Mixin
    DatabaseChoice databases;

    @Override
    protected void run(Project project) {
        int flags = (up != null ? 1 : 0) + (down != null ? 1 : 0) + (version != null ? 1 : 0) + (gotoVersion != null ? 1 : 0);
        if (flags > 1) {
            throw new CliException("only one migration type can be applied at a time (--up, --down, --type or --goto)");
        }
        if (!type.equals("up") && !type.equals("down")) {
            throw new CliException("--type must be up or down, not " + type);
        }
        AdminCalls calls = project.client();
        for (String db : databases.chosen(calls)) {
            apply(project, calls, db);
        }
    }

    private void apply(Project project, AdminCalls calls, String db) {
        List<Migration> local = MigrationDirectory.of(project, db).migrations();
        List<Step> steps = plan(local, new MigrationState(calls).applied(db), db);
        if (steps.isEmpty()) {
            out().println("nothing to apply on database " + db);
            return;
        }
        MigrationRun run = new MigrationRun(calls, project.directory(), db, skipExecution, out());
        if (dryRun) {
            steps.forEach(step -> out().println((step.upward() ? "would apply " : "would roll back ") + run.file(step)));
            return;
        }
        run.run(steps);
        out().println("migrations applied on database " + db);
    }

    List<Step> plan(List<Migration> local, Map<Long, Boolean> applied, String db) {
        if (version != null) {
            Migration migration = find(local, version, db);
            boolean upward = type.equals("up");
            if (upward == applied.containsKey(version)) {
                throw new CliException("migration " + version + (upward ? " is already applied" : " is not applied"));
            }
            return List.of(new Step(migration, upward));
        }
        if (gotoVersion != null) {
            find(local, gotoVersion, db);
            return goTo(local, applied, db);
        }
        if (down != null) {
            List<Long> versions = applied.keySet().stream().sorted(Comparator.reverseOrder()).toList();
            return rollBack(local, versions.subList(0, Math.min(count(down), versions.size())), db);
        }
        List<Step> pending = local.stream().filter(m -> !applied.containsKey(m.version())).map(m -> new Step(m, true)).toList();
        return pending.subList(0, Math.min(up == null ? Integer.MAX_VALUE : count(up), pending.size()));
    }

    /** Down the applied versions past {@code --goto}, newest first; then up the pending ones up to it. */
    private List<Step> goTo(List<Migration> local, Map<Long, Boolean> applied, String db) {
        List<Step> steps = new ArrayList<>(rollBack(local,
                applied.keySet().stream().filter(v -> v > gotoVersion).sorted(Comparator.reverseOrder()).toList(), db));
        local.stream().filter(m -> m.version() <= gotoVersion && !applied.containsKey(m.version()))
                .forEach(m -> steps.add(new Step(m, true)));
        return steps;
    }

    private static List<Step> rollBack(List<Migration> local, List<Long> versions, String db) {
        List<Step> steps = new ArrayList<>();
        for (long v : versions) {
            Migration migration = local.stream().filter(m -> m.version() == v).findFirst()
                    .orElseThrow(() -> new CliException("migration " + v + " is applied on the server but not present in migrations/" + db));
            steps.add(new Step(migration, false));
        }
        return steps;
    }

    private static Migration find(List<Migration> local, long v, String db) {
        return local.stream().filter(m -> m.version() == v).findFirst()
                .orElseThrow(() -> new CliException("no migration of version " + v + " in migrations/" + db));
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
