package junction.plan;

import junction.catalog.TableName;
import junction.schema.TableInfo;

/** Where the readers of {@code where} and {@code order_by} find the tables relationships lead to. */
@FunctionalInterface
interface Tables {
    TableInfo table(String source, TableName name);
}
