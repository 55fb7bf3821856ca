package junction.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import junction.error.ApiException;
import junction.error.Code;

/**
 * The {@code opts} of a {@code /v1alpha1/pg_dump} request, checked. Hasura passes them to
 * {@code pg_dump} as they come; Junction takes only the options that shape the plain-SQL dump of the
 * source's database (what to dump and how to write it) and refuses the others — those that would
 * write a file on the server ({@code -f}, {@code --filter} reads one), connect elsewhere ({@code -d},
 * {@code -h}, {@code -p}, {@code -U}, {@code --role}), change the output format or anything not
 * listed — naming the option. A value goes in the same argument ({@code --schema=public},
 * {@code -npublic}) or the next ({@code --schema public}).
 */
public final class PgDumpOptions {
    private static final Set<String> FLAGS = Set.of(
            "-a", "--data-only", "-s", "--schema-only", "-O", "--no-owner", "-x", "--no-privileges", "--no-acl",
            "-c", "--clean", "--if-exists", "--inserts", "--column-inserts", "--on-conflict-do-nothing",
            "--disable-dollar-quoting", "--disable-triggers", "--no-comments", "--no-publications", "--no-subscriptions",
            "--no-security-labels", "--no-tablespaces", "--no-table-access-method", "--no-toast-compression",
            "--no-unlogged-table-data", "--quote-all-identifiers", "--load-via-partition-root", "--enable-row-security",
            "-b", "--blobs", "--large-objects", "-B", "--no-blobs", "--no-large-objects", "-C", "--create",
            "--use-set-session-authorization", "--no-sync", "--serializable-deferrable", "--no-synchronized-snapshots");
    /** Options with a value, short and long: the value is a pattern or a number, never a path. */
    private static final Set<String> WITH_VALUE = Set.of(
            "-n", "--schema", "-N", "--exclude-schema", "-t", "--table", "-T", "--exclude-table", "--exclude-table-data",
            "-e", "--extension", "--exclude-extension", "--table-and-children", "--exclude-table-and-children",
            "--exclude-table-data-and-children", "--rows-per-insert", "--section", "--extra-float-digits",
            "--lock-wait-timeout");

    private PgDumpOptions() {
    }

    /** The options as pg_dump arguments, each value in its own argument; an option not allowed is refused. */
    public static List<String> check(List<String> opts) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < opts.size(); i++) {
            String opt = opts.get(i);
            if (FLAGS.contains(opt)) {
                args.add(opt);
                continue;
            }
            int equals = opt.indexOf('=');
            String name = opt.startsWith("--") && equals > 0 ? opt.substring(0, equals)
                    : !opt.startsWith("--") && opt.startsWith("-") && opt.length() > 2 ? opt.substring(0, 2) : opt;
            if (!WITH_VALUE.contains(name)) {
                throw refused(opt);
            }
            if (!name.equals(opt)) {
                args.add(name);
                args.add(opt.substring(name.length() + (opt.startsWith("--") ? 1 : 0)));
                continue;
            }
            if (i + 1 >= opts.size()) {
                throw ApiException.of(Code.BAD_REQUEST, "pg_dump option " + opt + " needs a value").at("$.opts[" + i + "]");
            }
            args.add(opt);
            args.add(opts.get(++i));
        }
        return args;
    }

    private static ApiException refused(String opt) {
        return ApiException.of(Code.BAD_REQUEST, "pg_dump option not allowed: " + opt
                + " (only options that choose what to dump and how to write it as SQL are: -s, -a, -n, -t, -O, -x, --column-inserts, …; "
                + "no output file, format, connection or role options, no positional arguments)").at("$.opts");
    }
}
