package junction.plan.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import junction.catalog.TableName;

/** How rows of {@code target} relate to the current row: current column → target column. */
public record Join(TableName target, Map<String, String> columns) {
    public Join {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
