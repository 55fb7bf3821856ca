package junction.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import junction.json.Json;

/**
 * Migrations of one database run one at a time, as Hasura's {@code migrate apply} runs them: each
 * one's SQL through {@code run_sql} (one transaction: all of it or nothing), then its version
 * recorded (or forgotten, going down), one line printed per migration. A failing migration stops
 * the run with its file and the SQL error; the migrations before it stay applied.
 *
 * @param project the directory file names are printed relative to
 */
record MigrationRun(AdminCalls calls, Path project, String database, boolean skipExecution, PrintWriter out) {

    /** One migration run in one direction. */
    record Step(Migration migration, boolean upward) {
    }

    void run(List<Step> steps) {
        MigrationState state = new MigrationState(calls);
        int done = 0;
        for (Step step : steps) {
            String file = file(step);
            if (!skipExecution) {
                execute(step, file, done);
            }
            if (step.upward()) {
                state.record(database, step.migration().version());
            } else {
                state.forget(database, step.migration().version());
            }
            done++;
            out.println((step.upward() ? "applied " : "rolled back ") + file + (skipExecution ? " (execution skipped)" : ""));
            out.flush();
        }
    }

    String file(Step step) {
        return project.relativize(step.migration().directory()) + "/" + (step.upward() ? "up.sql" : "down.sql");
    }

    private void execute(Step step, String file, int done) {
        Optional<String> sql = step.migration().file(step.upward()).map(MigrationDirectory::read);
        if (sql.isEmpty() || sql.get().isBlank()) {
            return;
        }
        try {
            calls.query("run_sql", Json.NODES.objectNode().put("source", database).put("sql", sql.get()));
        } catch (CliException e) {
            throw new CliException(e.code(), file + " failed: " + e.getMessage() + "; rolled back, nothing of it was applied"
                    + (done == 0 ? "" : " (the " + done + " migration" + (done == 1 ? "" : "s") + " before it stay applied)"));
        }
    }
}
