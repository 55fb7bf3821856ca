package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.json.Obj;
import junction.metadata.codec.GivenNames;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.Snapshot;

/**
 * {@code pg_track_tables}, as Hasura does it: every table that can be tracked is; each one that
 * cannot (already tracked, unknown source, missing in the database, bad configuration) becomes a
 * {@code track-table-failed} warning in the answer. It fails only when no table could be tracked,
 * or with {@code allow_warnings: false} when any could not.
 */
final class TrackTables {
    private record Candidate(String source, TableEntry entry) {
        Inconsistency.Location location() {
            return Inconsistency.Location.ofTable(source, entry.table());
        }
    }

    private TrackTables() {
    }

    static Outcome apply(CommandContext context, Obj args) {
        List<Obj> items = args.list("tables", Obj::of);
        boolean allowWarnings = args.bool("allow_warnings", true);
        rejectDuplicates(items, args.pathOf("tables"));
        items.forEach(item -> item.optObj("configuration").ifPresent(GivenNames::tableConfiguration));
        ArrayNode warnings = Json.array();
        List<Candidate> candidates = new ArrayList<>();
        for (Obj item : items) {
            TableName name = Lookup.tableName(item);
            String source = Lookup.sourceName(item);
            try {
                Source found = Lookup.source(context.metadata(), item);
                candidates.add(new Candidate(source, TableCommands.untrackedEntry(found, item)));
            } catch (ApiException e) {
                warnings.add(warning(source, name, e.getMessage()));
            }
        }
        List<Candidate> tracked = withoutFailures(context, candidates, warnings);
        if (tracked.isEmpty()) {
            throw ApiException.of(Code.INVALID_CONFIGURATION, "all tables failed to track").withInternal(warnings);
        }
        if (!allowWarnings && !warnings.isEmpty()) {
            throw ApiException.of(Code.METADATA_WARNINGS, "failed due to metadata warnings").withInternal(warnings);
        }
        ObjectNode response = Json.object().put("message", "success");
        if (!warnings.isEmpty()) {
            response.set("warnings", warnings);
        }
        return new Outcome.Write(metadata(context.metadata(), tracked), ConsistencyCheck.NEW, Optional.empty(),
                snapshot -> response);
    }

    /** The candidates that track without becoming inconsistent; the others are added to {@code warnings}. */
    private static List<Candidate> withoutFailures(CommandContext context, List<Candidate> candidates, ArrayNode warnings) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Snapshot next = context.resolve(metadata(context.metadata(), candidates));
        List<Inconsistency> added = ConsistencyCheck.added(context.snapshot(), next);
        List<Candidate> ok = new ArrayList<>();
        for (Candidate candidate : candidates) {
            List<Inconsistency> own = added.stream().filter(i -> i.at().equals(candidate.location())).toList();
            if (own.isEmpty()) {
                ok.add(candidate);
            } else {
                String reasons = own.stream().map(Inconsistency::reason).collect(Collectors.joining(", "));
                warnings.add(warning(candidate.source(), candidate.entry().table(), reasons));
            }
        }
        return ok;
    }

    private static Metadata metadata(Metadata metadata, List<Candidate> candidates) {
        Metadata out = metadata;
        for (Candidate candidate : candidates) {
            out = TableCommands.withTable(out, candidate.source(), candidate.entry());
        }
        return out;
    }

    private static void rejectDuplicates(List<Obj> items, String path) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (Obj item : items) {
            String key = Lookup.sourceName(item) + "." + Lookup.tableName(item);
            if (!seen.add(key)) {
                duplicates.add(key);
            }
        }
        if (!duplicates.isEmpty()) {
            throw ApiException.of(Code.BAD_REQUEST, "The following tables occur more than once in the request: "
                    + String.join(", ", duplicates)).at(path);
        }
    }

    private static JsonNode warning(String source, TableName table, String message) {
        ObjectNode node = Json.object();
        node.put("code", "track-table-failed");
        node.put("message", message);
        node.put("name", "table " + table + " in source " + source);
        node.put("type", "table");
        return node;
    }
}
