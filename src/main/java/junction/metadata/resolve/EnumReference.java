package junction.metadata.resolve;

import java.util.Comparator;
import java.util.List;
import junction.catalog.EnumRows;
import junction.catalog.TableName;

/**
 * A column typed with an enum table's GraphQL enum: it has a one-column foreign key to a tracked,
 * consistent enum table ({@code is_enum}). {@code typeName} is Hasura's {@code <table>_enum},
 * {@code values} the enum table's rows sorted by value (each value's comment its description).
 */
public record EnumReference(TableName table, String typeName, List<EnumRows.Row> values) {
    public EnumReference {
        values = values.stream().sorted(Comparator.comparing(EnumRows.Row::value)).toList();
    }
}
