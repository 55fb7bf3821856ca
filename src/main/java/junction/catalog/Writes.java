package junction.catalog;

/**
 * Which mutations Postgres can run on a relation: every one on a table; on a view or foreign table
 * what {@code pg_relation_is_updatable} says (simple views are auto-updatable, others need rules
 * or INSTEAD OF triggers); none on a materialized view.
 */
public record Writes(boolean insert, boolean update, boolean delete) {
    public static final Writes ALL = new Writes(true, true, true);
    public static final Writes NONE = new Writes(false, false, false);

    /** From {@code pg_relation_is_updatable}'s bit mask: 4 update, 8 insert, 16 delete. */
    public static Writes ofMask(int mask) {
        return new Writes((mask & 8) != 0, (mask & 4) != 0, (mask & 16) != 0);
    }

    /** What a relation of this relkind allows when nothing else is known: all for tables, none otherwise. */
    static Writes ofKind(String kind) {
        return kind.equals("r") || kind.equals("p") ? ALL : NONE;
    }

    public boolean any() {
        return insert || update || delete;
    }
}
