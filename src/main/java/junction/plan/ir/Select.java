package junction.plan.ir;

import java.util.List;
import java.util.Optional;
import junction.catalog.TableName;

/**
 * Rows of one table: filter, order, distinct, paging and the fields of each row. {@code single}:
 * at most one row, answered as an object or null (by-pk fields, object relationships).
 * {@code permit}: the role's row cap and per-row column filters ({@link Permit#NONE} for admin);
 * its row filter is part of {@code where}.
 */
public record Select(TableName table, BoolExp where, List<OrderItem> orderBy, List<String> distinctOn,
                     Optional<Value> limit, Optional<Value> offset, List<Field> fields, boolean single, Permit permit) {
    public Select {
        orderBy = List.copyOf(orderBy);
        distinctOn = List.copyOf(distinctOn);
        fields = List.copyOf(fields);
    }

    /** A selection with nothing beyond its filter ({@link Permit#NONE}). */
    public Select(TableName table, BoolExp where, List<OrderItem> orderBy, List<String> distinctOn,
                  Optional<Value> limit, Optional<Value> offset, List<Field> fields, boolean single) {
        this(table, where, orderBy, distinctOn, limit, offset, fields, single, Permit.NONE);
    }

    public boolean hasRemoteJoin() {
        return fields.stream().anyMatch(Field::hasRemoteJoin);
    }

    public Select withFields(List<Field> newFields) {
        return new Select(table, where, orderBy, distinctOn, limit, offset, newFields, single, permit);
    }
}
