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
import java.util.concurrent.Future;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.plan.join.AnswerJoin;
import junction.plan.join.AnswerJoins;
import junction.plan.join.JoinTrees;

/**
 * Relationships of remote types joined into a remote's answer (a JSON tree, changed in place), as
 * collect → call → splice: one walk gathers, for every relationship, the objects it is selected on
 * and their join values (read from the hidden keys, then removed); then, concurrently, ONE statement
 * per relationship to a table for all its distinct keys (the rows' own remote relationships joined
 * into its answer by {@link RemoteJoinExecutor}), and ONE request per remote schema for the
 * relationships to remote schemas (aliased fields per distinct argument set, as for a table's rows);
 * then each object gets its value. An object whose join values include a null gets null; an object
 * without the hidden keys (another type in a list of an abstract type) gets nothing.
 */
final class AnswerJoinExecutor {
    private final RemoteJoinExecutor remotes;
    /** The errors answered beside the data (partial mode), from the concurrent tasks. */
    private final List<PartialError> errors = java.util.Collections.synchronizedList(new ArrayList<>());

    AnswerJoinExecutor(RemoteJoinExecutor remotes) {
        this.remotes = remotes;
    }

    /** The objects one relationship is selected on, with their join values (null: a null among them). */
    private static final class Group {
        final AnswerJoin join;
        final List<ObjectNode> objects = new ArrayList<>();
        final List<List<JsonNode>> values = new ArrayList<>();
        final List<ResponsePath> paths = new ArrayList<>();
        JsonNode[] results;

        Group(AnswerJoin join) {
            this.join = join;
        }
    }

    /**
     * Joins the relationships into {@code root}. A relationship that fails throws its first error
     * (Hasura's mode) or, in partial mode, leaves its fields {@code null} and its errors (paths from
     * {@code root}) in the list this returns.
     */
    List<PartialError> execute(JsonNode root, AnswerJoins tree, JsonNode variables) {
        Map<AnswerJoin, Group> groups = new IdentityHashMap<>();
        List<Group> ordered = new ArrayList<>();
        List<ObjectNode> visited = new ArrayList<>();
        List<AnswerJoins> levels = new ArrayList<>();
        walk(root, tree, ResponsePath.ROOT, groups, ordered, visited, levels);
        List<Runnable> tasks = new ArrayList<>();
        List<Group> toRemote = new ArrayList<>();
        for (Group group : ordered) {
            switch (group.join.target()) {
                case AnswerJoin.ToSource toSource -> tasks.add(() -> rows(group, toSource, variables));
                case AnswerJoin.ToRemote toRemote1 -> toRemote.add(group);
            }
        }
        if (!toRemote.isEmpty()) {
            tasks.add(() -> remote(toRemote, variables));
        }
        run(tasks);
        for (Group group : ordered) {
            for (int i = 0; i < group.objects.size(); i++) {
                JsonNode value = group.results[i];
                group.objects.get(i).set(group.join.responseKey(), value == null ? Json.NODES.nullNode() : value);
            }
        }
        for (int i = 0; i < visited.size(); i++) {
            visited.get(i).remove(levels.get(i).hiddenKeys());
            inOrder(visited.get(i), levels.get(i).keyOrder());
        }
        return List.copyOf(errors);
    }

    /** Hasura's mode: the first error fails the request; partial mode: kept to answer beside the data. */
    private void report(List<PartialError> found) {
        if (found.isEmpty()) {
            return;
        }
        if (remotes.mode() == RemoteErrorMode.HASURA) {
            throw found.getFirst().error();
        }
        errors.addAll(found);
    }

    /** The path of the relationship's field on the group's object {@code i}. */
    private static ArrayNode fieldPath(Group group, int i) {
        return group.paths.get(i).key(group.join.responseKey()).toJson();
    }

    /** The object's keys in the client's selection order (keys it does not list stay after them). */
    private static void inOrder(ObjectNode object, List<String> order) {
        if (order.isEmpty()) {
            return;
        }
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> rest.put(e.getKey(), e.getValue()));
        object.removeAll();
        for (String key : order) {
            JsonNode value = rest.remove(key);
            if (value != null) {
                object.set(key, value);
            }
        }
        rest.forEach(object::set);
    }

    private static void walk(JsonNode node, AnswerJoins tree, ResponsePath path, Map<AnswerJoin, Group> groups,
                             List<Group> ordered, List<ObjectNode> visited, List<AnswerJoins> levels) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), tree, path.index(i), groups, ordered, visited, levels);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (AnswerJoin join : tree.joins()) {
            List<JsonNode> values = new ArrayList<>(join.hiddenKeys().size());
            boolean present = true;
            boolean nulls = false;
            for (String key : join.hiddenKeys()) {
                JsonNode value = object.get(key);
                present &= value != null;
                nulls |= value == null || value.isNull();
                values.add(value);
            }
            if (!present) {
                continue;
            }
            Group group = groups.computeIfAbsent(join, j -> {
                Group created = new Group(j);
                ordered.add(created);
                return created;
            });
            group.objects.add(object);
            group.values.add(nulls ? null : values);
            group.paths.add(path);
        }
        if (!tree.hiddenKeys().isEmpty()) {
            visited.add(object);
            levels.add(tree);
        }
        tree.children().forEach((key, child) -> {
            JsonNode value = object.get(key);
            if (value != null) {
                walk(value, child, path.key(key), groups, ordered, visited, levels);
            }
        });
    }

    /** A relationship to a table: one statement for the distinct keys, each object its key's value. */
    private void rows(Group group, AnswerJoin.ToSource target, JsonNode variables) {
        Map<List<JsonNode>, Integer> distinct = new LinkedHashMap<>();
        int[] setOf = new int[group.objects.size()];
        for (int i = 0; i < setOf.length; i++) {
            List<JsonNode> values = group.values.get(i);
            setOf[i] = values == null ? -1 : distinct.computeIfAbsent(values, v -> distinct.size());
        }
        List<JsonNode> answer = List.of();
        group.results = new JsonNode[setOf.length];
        if (!distinct.isEmpty()) {
            List<ArrayNode> keys = new ArrayList<>();
            for (int c = 0; c < target.columns().size(); c++) {
                ArrayNode column = Json.array();
                for (List<JsonNode> values : distinct.keySet()) {
                    column.add(values.get(c));
                }
                keys.add(column);
            }
            JoinStatements statements = remotes.statements();
            if (statements == null) {
                throw ApiException.of(Code.NOT_SUPPORTED, "relationships from remote schemas to tables are not available here");
            }
            byte[] bytes;
            try {
                bytes = statements.rows(target, keys, variables);
            } catch (ApiException e) {
                List<PartialError> failed = new ArrayList<>();
                for (int i = 0; i < setOf.length; i++) {
                    if (setOf[i] >= 0) {
                        failed.add(new PartialError(fieldPath(group, i), e));
                    }
                }
                report(failed);
                return;
            }
            if (target.select().hasRemoteJoin()) {
                bytes = joined(bytes, target, group, setOf, variables);
            }
            answer = Json.rawElements(bytes); // the rows are written out as the statement made them, never parsed into a tree
        }
        for (int i = 0; i < setOf.length; i++) {
            group.results[i] = setOf[i] < 0 ? null : answer.get(setOf[i]);
        }
    }

    /**
     * The rows' own remote relationships joined into the statement's answer (one element per distinct
     * key, {@code setOf} the key of each object); their errors placed at each object's field.
     */
    private byte[] joined(byte[] bytes, AnswerJoin.ToSource target, Group group, int[] setOf, JsonNode variables) {
        RemoteJoinExecutor.Spliced spliced = remotes.execute(bytes, JoinTrees.ofRows(target.select().fields()), variables);
        List<PartialError> placed = new ArrayList<>();
        for (PartialError error : spliced.errors()) {
            int key = error.path().path(0).asInt(-1);
            for (int i = 0; i < setOf.length; i++) {
                if (setOf[i] == key) {
                    placed.add(error.under(fieldPath(group, i), 1));
                }
            }
        }
        report(placed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(spliced.size());
        spliced.writeTo(out);
        return out.toByteArray();
    }

    /** Relationships to remote schemas: one request per remote schema for all of them. */
    private void remote(List<Group> groups, JsonNode variables) {
        Map<String, List<JoinBatch>> byRemote = new LinkedHashMap<>();
        List<JoinBatch> batches = new ArrayList<>();
        for (Group group : groups) {
            AnswerJoin.ToRemote target = (AnswerJoin.ToRemote) group.join.target();
            JoinBatch batch = new JoinBatch(target.field(), batches.size());
            for (int i = 0; i < group.objects.size(); i++) {
                Map<String, JsonNode> values = new java.util.HashMap<>();
                List<JsonNode> row = group.values.get(i);
                for (int k = 0; k < group.join.hiddenKeys().size(); k++) {
                    values.put(group.join.hiddenKeys().get(k), row == null ? Json.NODES.nullNode() : row.get(k));
                }
                batch.add(values, group.paths.get(i));
            }
            batches.add(batch);
            if (!batch.argumentSets().isEmpty()) {
                byRemote.computeIfAbsent(target.field().remoteSchema(), k -> new ArrayList<>()).add(batch);
            }
        }
        Map<String, RemoteJoinExecutor.Answer> answers = byRemote.isEmpty() ? Map.of() : remotes.call(byRemote, variables);
        List<PartialError> errors = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            JoinBatch batch = batches.get(g);
            RemoteJoinExecutor.Answer answer = answers.get(batch.field.remoteSchema());
            group.results = answer == null ? new JsonNode[batch.rowCount()] : remotes.rowValues(batch, answer, errors, variables);
        }
        report(errors);
    }

    /** Runs the tasks, concurrently when there are several; the first failure is thrown. */
    private static void run(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            tasks.getFirst().run();
            return;
        }
        if (tasks.isEmpty()) {
            return;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(threads.submit(t)));
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(Code.UNEXPECTED, "interrupted while joining remote relationships");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
