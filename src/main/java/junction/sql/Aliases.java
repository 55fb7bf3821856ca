package junction.sql;

/** Short, unique aliases for one statement ({@code _0}, {@code _1}, …): well under Postgres' 63 bytes. */
final class Aliases {
    private int next;

    String next() {
        return "_" + next++;
    }
}
