package junction.execute.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.plan.join.JoinTree;

/**
 * Remote joins as collect → call → splice: gathers the distinct argument sets of every join field
 * from the database JSON, sends ONE request per remote schema (all join fields and nesting levels
 * together, one alias per distinct argument set; different remote schemas concurrently), and writes
 * the database bytes with the answers in place of the relationships' {@code null}s and without the
 * hidden join values. The database JSON is read once as a token stream (never built into a tree) and
 * copied once; each distinct remote value is written to bytes once, however many rows share it.
 */
public final class RemoteJoinExecutor {
    private final JoinTransport transport;
    private final RemoteErrorMode mode;
    private final JoinStatements statements;

    public RemoteJoinExecutor(JoinTransport transport, RemoteErrorMode mode) {
        this(transport, mode, null);
    }

    /** @param statements runs the statements of relationships from remote types to tables (null: none may be selected) */
    public RemoteJoinExecutor(JoinTransport transport, RemoteErrorMode mode, JoinStatements statements) {
        this.transport = transport;
        this.mode = mode;
        this.statements = statements;
    }

    JoinTransport transport() {
        return transport;
    }

    RemoteErrorMode mode() {
        return mode;
    }

    JoinStatements statements() {
        return statements;
    }

    /**
     * Calls the remotes for the remote fields of {@code data} (database JSON); the result writes it
     * with the answers in place, and holds the errors to report beside it (partial mode).
     *
     * @param variables the request's variables, for the client variables used under remote fields
     */
    public Spliced execute(byte[] data, JoinTree tree, JsonNode variables) {
        JoinCollector.Collected collected = new JoinCollector().collect(data, tree);
        Map<String, List<JoinBatch>> byRemote = new LinkedHashMap<>();
        for (JoinBatch batch : collected.batches()) {
            if (!batch.argumentSets().isEmpty()) {
                byRemote.computeIfAbsent(batch.field.remoteSchema(), k -> new ArrayList<>()).add(batch);
            }
        }
        Map<String, Answer> answers = call(byRemote, variables);
        List<PartialError> errors = new ArrayList<>();
        ValueBuffer buffer = new ValueBuffer();
        Map<JoinBatch, long[]> values = new IdentityHashMap<>();
        for (JoinBatch batch : collected.batches()) {
            values.put(batch, resolve(batch, answers.get(batch.field.remoteSchema()), buffer, errors, variables));
        }
        return new Spliced(data, collected.edits(), values, buffer, errors);
    }

    /**
     * Joins the relationships of remote types selected in a remote's answer ({@code root}, changed in
     * place: values added, hidden join values removed); in partial mode, the errors to answer beside
     * it (paths from {@code root}).
     */
    public List<PartialError> joinAnswers(JsonNode root, junction.plan.join.AnswerJoins tree, JsonNode variables) {
        return tree.isEmpty() ? List.of() : new AnswerJoinExecutor(this).execute(root, tree, variables);
    }

    /** The database JSON with its remote fields answered, ready to be written; and the errors beside it. */
    public static final class Spliced {
        private final byte[] data;
        private final List<JoinCollector.Edit> edits;
        private final Map<JoinBatch, long[]> values;
        private final ValueBuffer buffer;
        private final List<PartialError> errors;

        private Spliced(byte[] data, List<JoinCollector.Edit> edits, Map<JoinBatch, long[]> values, ValueBuffer buffer,
                        List<PartialError> errors) {
            this.data = data;
            this.edits = edits;
            this.values = values;
            this.buffer = buffer;
            this.errors = errors;
        }

        public List<PartialError> errors() {
            return List.copyOf(errors);
        }

        /** How many bytes {@link #writeTo} writes. */
        public int size() {
            int size = data.length;
            for (JoinCollector.Edit edit : edits) {
                size -= edit.end() - edit.start();
                if (edit.batch() != null) {
                    size += ValueBuffer.length(values.get(edit.batch())[edit.row()]);
                }
            }
            return size;
        }

        public void writeTo(ByteArrayOutputStream out) {
            int at = 0;
            for (JoinCollector.Edit edit : edits) {
                out.write(data, at, edit.start() - at);
                if (edit.batch() != null) {
                    buffer.copy(values.get(edit.batch())[edit.row()], out);
                }
                at = edit.end();
            }
            out.write(data, at, data.length - at);
        }
    }

    /** A remote's answer, or why there is none. */
    record Answer(JsonNode data, JsonNode errors, ApiException failure) {
        /**
         * The remote's errors that concern argument set {@code set} of {@code batch}: those whose path
         * starts with its alias (and, with {@code batch}, the index of its item or no index) and those
         * without a path; all of them when the value is missing and none names it.
         */
        List<JsonNode> errorsOf(JoinBatch batch, int set, boolean missing) {
            if (errors == null) {
                return List.of();
            }
            String alias = batch.alias(set);
            List<JsonNode> own = new ArrayList<>();
            for (JsonNode error : errors) {
                JsonNode path = error.path("path");
                if (!path.isArray() || path.isEmpty()) {
                    own.add(error);
                } else if (path.get(0).asText().equals(alias)
                        && (!batch.batched() || path.size() < 2 || !path.get(1).isInt() || batch.setOfAnswer(path.get(1).asInt()) == set)) {
                    own.add(error);
                }
            }
            if (own.isEmpty() && missing) {
                errors.forEach(own::add);
            }
            return own;
        }
    }

    Map<String, Answer> call(Map<String, List<JoinBatch>> byRemote, JsonNode variables) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (byRemote.size() == 1) {
            Map.Entry<String, List<JoinBatch>> only = byRemote.entrySet().iterator().next();
            answers.put(only.getKey(), ask(only.getKey(), only.getValue(), variables));
            return answers;
        }
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<Map.Entry<String, Answer>> done = new ExecutorCompletionService<>(threads);
            byRemote.forEach((remote, list) -> done.submit(() -> Map.entry(remote, ask(remote, list, variables))));
            for (int i = 0; i < byRemote.size(); i++) {
                Map.Entry<String, Answer> answer = done.take().get();
                answers.put(answer.getKey(), answer.getValue());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(Code.UNEXPECTED, "interrupted while calling remote schemas");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // all answered, or the request fails now: either way nothing is left to wait for
            threads.shutdownNow();
        }
    }

    private Answer ask(String remote, List<JoinBatch> batches, JsonNode variables) {
        try {
            JsonNode response = transport.send(remote, JoinQuery.build(batches), JoinQuery.variables(batches, variables));
            JsonNode errors = response.get("errors");
            if (errors != null && !errors.isNull() && !errors.isEmpty()) {
                if (mode == RemoteErrorMode.HASURA) {
                    ObjectNode internal = Json.object();
                    internal.set("errors", errors);
                    throw ApiException.of(Code.UNEXPECTED, "Errors from remote server").withInternal(internal);
                }
                return new Answer(response.get("data"), errors, null);
            }
            JsonNode data = response.get("data");
            if (data == null || !data.isObject()) {
                throw ApiException.of(Code.UNEXPECTED, "Invalid response from remote server: no \"data\" object")
                        .withInternal(response);
            }
            return new Answer(data, null, null);
        } catch (ApiException e) {
            if (mode == RemoteErrorMode.HASURA) {
                throw e;
            }
            return new Answer(null, null, e);
        }
    }

    /** Each row's value as a slice of {@code buffer} (rows of one argument set share one), and its errors in row order. */
    private long[] resolve(JoinBatch batch, Answer answer, ValueBuffer buffer, List<PartialError> errors, JsonNode variables) {
        long[] rows = new long[batch.rowCount()];
        java.util.Arrays.fill(rows, buffer.nullSlice);
        resolve(batch, answer, errors, variables, (row, set) -> rows[row] = batch.valueSlice(set, answer.data(), buffer));
        return rows;
    }

    /** Each row's value (null when it has none), its errors added to {@code errors}. */
    JsonNode[] rowValues(JoinBatch batch, Answer answer, List<PartialError> errors, JsonNode variables) {
        JsonNode[] rows = new JsonNode[batch.rowCount()];
        resolve(batch, answer, errors, variables, (row, set) -> rows[row] = batch.customizedValue(set, answer.data()));
        return rows;
    }

    /** Where a row's value goes: row {@code row} has argument set {@code set}'s value. */
    private interface RowSink {
        void value(int row, int set);
    }

    private void resolve(JoinBatch batch, Answer answer, List<PartialError> errors, JsonNode variables, RowSink sink) {
        ApiException mismatch = null;
        if (batch.batched() && answer != null && answer.failure() == null) {
            mismatch = batch.match(answer.data());
            if (mismatch != null && mode == RemoteErrorMode.HASURA) {
                throw mismatch;
            }
        }
        if (answer != null && answer.failure() == null && mismatch == null && !batch.field.answers().isEmpty()) {
            joinAnswers(batch, answer.data(), errors, variables);
        }
        for (int i = 0; i < batch.rowCount(); i++) {
            int set = batch.setOf(i);
            if (set < 0 || answer == null) {
                continue;
            }
            ApiException failure = answer.failure() != null ? answer.failure() : mismatch;
            if (failure != null) {
                // a failure to get an answer (unreachable, timed out, not JSON, a list of the wrong length), at the field
                errors.add(new PartialError(batch.path(i).toJson(), failure));
                continue;
            }
            String alias = batch.alias(set);
            boolean missing = batch.batched() ? batch.value(set, answer.data()).isNull() : isNull(answer.data(), alias);
            if (!missing) {
                sink.value(i, set);
            }
            for (JsonNode remoteError : answer.errorsOf(batch, set, missing)) {
                errors.add(remote(batch, i, remoteError, missing));
            }
        }
    }

    /**
     * The relationships of remote types selected under the field, joined into its values (all argument
     * sets at once); their errors (partial mode) placed at each row's field.
     */
    private void joinAnswers(JoinBatch batch, JsonNode data, List<PartialError> errors, JsonNode variables) {
        ArrayNode values = Json.array();
        List<Integer> setOfValue = new ArrayList<>();
        for (int set = 0; set < batch.argumentSets().size(); set++) {
            JsonNode value = batch.value(set, data);
            if (!value.isNull()) {
                values.add(value);
                setOfValue.add(set);
            }
        }
        for (PartialError error : new AnswerJoinExecutor(this).execute(values, batch.field.answers(), variables)) {
            int set = setOfValue.get(error.path().get(0).asInt());
            for (int i = 0; i < batch.rowCount(); i++) {
                if (batch.setOf(i) == set) {
                    errors.add(error.under(batch.path(i).toJson(), 1));
                }
            }
        }
    }

    private static boolean isNull(JsonNode data, String alias) {
        return data == null || data.isNull() || data.path(alias).isNull() || data.path(alias).isMissingNode();
    }


    /**
     * One of the remote's errors, at the relationship field of row {@code row} — or, when the value
     * came back and the remote's path points inside it, at that place inside the field.
     */
    private static PartialError remote(JoinBatch batch, int row, JsonNode remoteError, boolean missing) {
        ArrayNode path = batch.path(row).toJson();
        JsonNode remotePath = remoteError.path("path");
        if (!missing && batch.field.definition().path().size() == 1 && remotePath.isArray()) {
            for (int i = batch.batched() ? 2 : 1; i < remotePath.size(); i++) {
                path.add(remotePath.get(i));
            }
        }
        ObjectNode internal = Json.object();
        internal.putArray("errors").add(remoteError);
        return new PartialError(path, ApiException.of(Code.UNEXPECTED, "Errors from remote server").withInternal(internal));
    }
}
