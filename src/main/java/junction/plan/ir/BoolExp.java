package junction.plan.ir;

import java.util.List;
import junction.catalog.TableName;

/** A row filter over the current table: a {@code where} argument, a permission's filter or check. */
public sealed interface BoolExp {
    BoolExp TRUE = new And(List.of());

    record And(List<BoolExp> items) implements BoolExp {
        public And {
            items = List.copyOf(items);
        }
    }

    record Or(List<BoolExp> items) implements BoolExp {
        public Or {
            items = List.copyOf(items);
        }
    }

    record Not(BoolExp item) implements BoolExp {
    }

    /**
     * {@code column <op> value}; {@code columnType} is the column's Postgres type name. For
     * {@code _st_d_within} and {@code _st_3d_d_within} the value is the list of the input's fields,
     * {@code (distance, from)}, and for a geography column {@code (distance, from, use_spheroid)}:
     * see {@link #withinDistance}.
     */
    record Compare(String column, String columnType, Op op, Value value) implements BoolExp {
    }

    /** The value of a {@code _st_d_within} comparison: its fields in the order the SQL function takes them. */
    static Value withinDistance(Value distance, Value from, java.util.Optional<Value> useSpheroid) {
        List<Value> items = new java.util.ArrayList<>(List.of(distance, from));
        useSpheroid.ifPresent(items::add);
        return new Value.ListOf(items);
    }

    record IsNull(String column, boolean isNull) implements BoolExp {
    }

    /**
     * Comparisons of {@code column} cast to {@code type} (Hasura's {@code _cast}:
     * {@code {_cast: {geography: {_st_d_within: …}}}} compares {@code col::geography}): {@code item}
     * holds {@link Compare}s and {@link IsNull}s of the column (and nested casts).
     */
    record Cast(String column, String type, BoolExp item) implements BoolExp {
    }

    /**
     * Comparisons ({@link Compare}, {@link IsNull}) on a scalar computed field's value instead of a
     * column: their {@code column} is the field's name, for reading only.
     */
    record OnComputed(ComputedCall call, BoolExp test) implements BoolExp {
    }

    /** Some row a computed field returns for the row matches {@code where} (a table computed field in a filter). */
    record OnComputedRows(ComputedCall call, BoolExp where) implements BoolExp {
    }

    /**
     * {@code column <op> other}: two columns compared ({@code _ceq}, {@code _cgt}, …); {@code other}
     * is a column of the current row, or when {@code root} of the row {@link Rooted} marks.
     */
    record CompareColumns(String column, Op op, String other, boolean root) implements BoolExp {
    }

    /**
     * A permission's filter: the row it is evaluated on is the "root" row that its
     * {@code ["$", column]} comparisons refer to, wherever relationships inside lead.
     */
    record Rooted(BoolExp item) implements BoolExp {
    }

    /**
     * {@code item} over a column an inherited role sees only where {@code filter} holds (null on the
     * other rows): {@code case when filter then item else <otherwise> end}, {@code otherwise} being
     * what {@code item} is for a null value (empty: null, as for every comparison but {@code _is_null}).
     */
    record Redacted(BoolExp filter, BoolExp item, java.util.Optional<Boolean> otherwise) implements BoolExp {
    }

    /** Some related row (object or array relationship) matches {@code where}. */
    record Related(Join join, BoolExp where) implements BoolExp {
    }

    /**
     * The number of related rows (matching {@code filter}; non-null, distinct values of {@code columns}
     * when given) satisfies every comparison of {@code predicate} ({@code <arrayrel>_aggregate}).
     */
    record RelatedCount(Join join, List<String> columns, boolean distinct, BoolExp filter, List<Compare> predicate)
            implements BoolExp {
        public RelatedCount {
            columns = List.copyOf(columns);
            predicate = List.copyOf(predicate);
        }
    }

    /** Some row of an unrelated table matches {@code where} (Hasura's {@code _exists}). */
    record Exists(TableName table, BoolExp where) implements BoolExp {
    }

    /** Hasura's comparison operators. */
    enum Op {
        EQ, NEQ, GT, LT, GTE, LTE, IN, NIN, LIKE, NLIKE, ILIKE, NILIKE, SIMILAR, NSIMILAR, REGEX, NREGEX, IREGEX,
        NIREGEX, CONTAINS, CONTAINED_IN, HAS_KEY, HAS_KEYS_ANY, HAS_KEYS_ALL,
        /** PostGIS ({@code geometry}; {@code geography} has {@code _st_intersects} and {@code _st_d_within}). */
        ST_CONTAINS, ST_CROSSES, ST_EQUALS, ST_INTERSECTS, ST_3D_INTERSECTS, ST_OVERLAPS, ST_TOUCHES, ST_WITHIN,
        ST_D_WITHIN, ST_3D_D_WITHIN,
        /** {@code ltree}. */
        ANCESTOR, ANCESTOR_ANY, DESCENDANT, DESCENDANT_ANY, MATCHES, MATCHES_ANY, MATCHES_FULLTEXT;

        /** {@code _eq → EQ}, {@code _has_keys_any → HAS_KEYS_ANY}, {@code _st_3d_d_within → ST_3D_D_WITHIN}. */
        public static Op of(String graphqlName) {
            return valueOf(graphqlName.substring(1).toUpperCase(java.util.Locale.ROOT));
        }
    }
}
