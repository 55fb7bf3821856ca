package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;

/**
 * Remote joins as collect → call → splice: gathers the distinct argument sets of every join field
 * from the database JSON, sends ONE request per remote schema (all join fields and nesting levels
 * together, one alias per distinct argument set; different remote schemas concurrently), and puts
 * the answers in place, removing the hidden join columns. The tree is changed in place: the
 * database JSON is parsed once and written once.
 */
public final class RemoteJoinExecutor {
    private final JoinTransport transport;
    private final RemoteErrorMode mode;

    public RemoteJoinExecutor(JoinTransport transport, RemoteErrorMode mode) {
        this.transport = transport;
        this.mode = mode;
    }

    /** Fills in the remote fields of {@code data}; returns the errors to report beside it (partial mode). */
    public ArrayNode execute(ObjectNode data, JoinTree tree) {
        List<JoinBatch> batches = new JoinCollector().collect(data, tree);
        Map<String, List<JoinBatch>> byRemote = new LinkedHashMap<>();
        for (JoinBatch batch : batches) {
            if (!batch.argumentSets().isEmpty()) {
                byRemote.computeIfAbsent(batch.field.remoteSchema(), k -> new ArrayList<>()).add(batch);
            }
        }
        Map<String, Answer> answers = call(byRemote);
        ArrayNode errors = Json.array();
        for (JoinBatch batch : batches) {
            splice(batch, answers.get(batch.field.remoteSchema()), errors);
        }
        for (JoinBatch batch : batches) {
            for (int i = 0; i < batch.rowCount(); i++) {
                batch.row(i).remove(batch.field.phantomKeys());
            }
        }
        return errors;
    }

    /** A remote's answer, or why there is none. */
    private record Answer(JsonNode data, JsonNode errors, ApiException failure) {
    }

    private Map<String, Answer> call(Map<String, List<JoinBatch>> byRemote) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (byRemote.size() == 1) {
            Map.Entry<String, List<JoinBatch>> only = byRemote.entrySet().iterator().next();
            answers.put(only.getKey(), ask(only.getKey(), only.getValue()));
            return answers;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<Answer>> pending = new LinkedHashMap<>();
            byRemote.forEach((remote, list) -> pending.put(remote, threads.submit(() -> ask(remote, list))));
            for (Map.Entry<String, Future<Answer>> e : pending.entrySet()) {
                answers.put(e.getKey(), e.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(Code.UNEXPECTED, "interrupted while calling remote schemas");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return answers;
    }

    private Answer ask(String remote, List<JoinBatch> batches) {
        try {
            JsonNode response = transport.send(remote, JoinQuery.build(batches));
            JsonNode errors = response.get("errors");
            if (errors != null && !errors.isNull() && !errors.isEmpty()) {
                if (mode == RemoteErrorMode.HASURA) {
                    ObjectNode internal = Json.object();
                    internal.set("errors", errors);
                    throw ApiException.of(Code.UNEXPECTED, "Errors from remote server").withInternal(internal);
                }
                return new Answer(response.get("data"), errors, null);
            }
            return new Answer(response.get("data"), null, null);
        } catch (ApiException e) {
            if (mode == RemoteErrorMode.HASURA) {
                throw e;
            }
            return new Answer(null, null, e);
        }
    }

    private static void splice(JoinBatch batch, Answer answer, ArrayNode errors) {
        for (int i = 0; i < batch.rowCount(); i++) {
            int set = batch.setOf(i);
            ObjectNode row = batch.row(i);
            if (set < 0 || answer == null) {
                row.putNull(batch.field.responseKey());
                continue;
            }
            if (answer.failure() != null || (answer.errors() != null && isNull(answer.data(), batch.alias(set)))) {
                row.putNull(batch.field.responseKey());
                errors.add(error(batch, i, answer));
                continue;
            }
            row.set(batch.field.responseKey(), JoinQuery.extract(answer.data(), batch, set));
        }
    }

    private static boolean isNull(JsonNode data, String alias) {
        return data == null || data.isNull() || data.path(alias).isNull() || data.path(alias).isMissingNode();
    }

    private static ObjectNode error(JoinBatch batch, int row, Answer answer) {
        ObjectNode error = Json.object();
        ObjectNode extensions = Json.object();
        if (answer.failure() != null) {
            error.put("message", answer.failure().getMessage());
            extensions.put("code", answer.failure().code().text());
        } else {
            error.put("message", "Errors from remote server");
            extensions.put("code", "unexpected");
            extensions.set("internal", Json.object().set("errors", answer.errors()));
        }
        error.set("path", batch.path(row).toJson());
        error.set("extensions", extensions);
        return error;
    }
}
