package junction.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import junction.json.Json;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.Snapshot;
import junction.observe.EngineLog;
import junction.observe.LogLevel;

/**
 * The {@code metadata} log lines of each new snapshot: a change of resource version, and Hasura's
 * {@code Inconsistent Metadata!} warning with every inconsistent object whenever the set of
 * inconsistent objects changes to a non-empty one (at start too).
 */
final class MetadataLog {
    private final EngineLog log;

    MetadataLog(EngineLog log) {
        this.log = log;
    }

    void swapped(Snapshot previous, Snapshot next) {
        if (previous != null && previous.resourceVersion() != next.resourceVersion()) {
            ObjectNode detail = Json.object().put("message", "metadata changed");
            detail.putObject("info").put("resource_version", next.resourceVersion())
                    .put("previous_resource_version", previous.resourceVersion())
                    .put("is_consistent", next.isConsistent());
            log.write(EngineLog.METADATA, LogLevel.INFO, detail);
        }
        if (!next.isConsistent() && (previous == null || !previous.inconsistencies().equals(next.inconsistencies()))) {
            ObjectNode detail = Json.object().put("message", "Inconsistent Metadata!");
            ArrayNode objects = detail.putObject("info").putArray("objects");
            for (Inconsistency i : next.inconsistencies()) {
                objects.add(i.toJson());
            }
            log.write(EngineLog.METADATA, LogLevel.WARN, detail);
        }
    }
}
