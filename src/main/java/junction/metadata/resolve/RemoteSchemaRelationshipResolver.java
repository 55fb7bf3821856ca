package junction.metadata.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import junction.catalog.Column;
import junction.catalog.Table;
import junction.catalog.TableName;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Json;
import junction.metadata.codec.RemoteSchemaRelationshipReader;
import junction.metadata.model.GraphqlName;
import junction.metadata.model.RemoteSchema;
import junction.metadata.model.RemoteSchemaRelationship;

/**
 * The remote schema relationships stage: each relationship of a usable remote schema's type,
 * against that type (it must have the join fields, as leaf fields, and not the relationship's name),
 * and against its target — a tracked table of a reachable source with the mapped columns, or a usable
 * remote schema whose field the template fills (checked as a table's remote relationship is, the
 * type's join fields standing for columns). One that does not fit is an inconsistency.
 */
final class RemoteSchemaRelationshipResolver {
    private RemoteSchemaRelationshipResolver() {
    }

    static Map<String, List<ResolvedRemoteSchemaRelationship>> resolve(List<RemoteSchema> remotes, RemoteSchemaLookup usable,
                                                                        Map<String, SourceSnapshot> sources,
                                                                        List<Inconsistency> issues) {
        Map<String, List<ResolvedRemoteSchemaRelationship>> out = new LinkedHashMap<>();
        for (RemoteSchema remote : remotes) {
            Optional<GraphQLSchema> schema = usable.schema(remote.name());
            if (schema.isEmpty() || remote.remoteRelationships().isEmpty()) {
                continue;
            }
            List<ResolvedRemoteSchemaRelationship> resolved = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode onType : remote.remoteRelationships()) {
                String type = onType.path("type_name").asText();
                for (JsonNode relationship : onType.path("relationships")) {
                    String name = relationship.path("name").asText();
                    try {
                        if (!seen.add(type + "." + name)) {
                            throw new RemoteJoinValidator.Invalid("remote relationship with name \"" + name
                                    + "\" already exists on type \"" + type + "\"");
                        }
                        RemoteSchemaRelationship definition = RemoteSchemaRelationshipReader.read(remote.name(), type, name,
                                relationship.path("definition"), "$.definition");
                        resolved.add(resolveOne(definition, schema.get(), usable, sources));
                    } catch (RemoteJoinValidator.Invalid e) {
                        issues.add(issue(remote.name(), type, name, relationship.path("definition"), e.getMessage(),
                                Code.INVALID_CONFIGURATION));
                    } catch (ApiException e) {
                        issues.add(issue(remote.name(), type, name, relationship.path("definition"), e.getMessage(), e.code()));
                    }
                }
            }
            out.put(remote.name(), resolved);
        }
        return out;
    }

    private static ResolvedRemoteSchemaRelationship resolveOne(RemoteSchemaRelationship definition, GraphQLSchema schema,
                                                               RemoteSchemaLookup usable, Map<String, SourceSnapshot> sources) {
        if (!GraphqlName.isValid(definition.name())) {
            throw new RemoteJoinValidator.Invalid(GraphqlName.cannotInclude(definition.name()));
        }
        if (!(schema.getType(definition.typeName()) instanceof GraphQLObjectType type)) {
            throw new RemoteJoinValidator.Invalid("object type with name \"" + definition.typeName()
                    + "\" not found in remote schema \"" + definition.remoteSchema() + "\"");
        }
        if (type.getFieldDefinition(definition.name()) != null) {
            throw new RemoteJoinValidator.Invalid("field with name \"" + definition.name() + "\" already exists in type \""
                    + type.getName() + "\"");
        }
        return switch (definition) {
            case RemoteSchemaRelationship.ToSource toSource -> toSource(toSource, type, sources);
            case RemoteSchemaRelationship.ToRemote toRemote -> toRemote(toRemote, type, usable);
        };
    }

    private static ResolvedRemoteSchemaRelationship toSource(RemoteSchemaRelationship.ToSource definition,
                                                             GraphQLObjectType type, Map<String, SourceSnapshot> sources) {
        SourceSnapshot source = sources.get(definition.source());
        if (source == null) {
            throw new RemoteJoinValidator.Invalid("source with name \"" + definition.source() + "\" does not exist");
        }
        TableName tableName = definition.table();
        TrackedTable table = source.table(tableName).orElseThrow(() -> new RemoteJoinValidator.Invalid(
                "table \"" + tableName + "\" does not exist in source: " + definition.source()));
        List<String> fields = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        definition.fieldMapping().forEach((field, columnName) -> {
            leafField(type, field);
            Column column = table.table().column(columnName).orElseThrow(() -> new RemoteJoinValidator.Invalid(
                    "column with name \"" + columnName + "\" does not exist in table \"" + tableName + "\""));
            fields.add(field);
            columns.add(column.name());
            types.add(column.type());
        });
        return new ResolvedRemoteSchemaRelationship.ToSource(definition, fields, columns, types);
    }

    private static ResolvedRemoteSchemaRelationship toRemote(RemoteSchemaRelationship.ToRemote definition,
                                                             GraphQLObjectType type, RemoteSchemaLookup usable) {
        List<Column> columns = new ArrayList<>();
        int attnum = 1;
        for (String field : definition.join().lhsFields()) {
            GraphQLType leaf = leafField(type, field);
            columns.add(new Column(field, attnum++, pgType(leaf), category(leaf), true, false, false, null, List.of()));
        }
        GraphQLSchema target = usable.schema(definition.join().remoteSchema()).orElseThrow(() -> new RemoteJoinValidator.Invalid(
                "remote schema with name \"" + definition.join().remoteSchema() + "\" not found"));
        Table fields = new Table(new TableName("", type.getName()), 0, "r", columns, Optional.empty(), List.of(), List.of(), null);
        String suffix = "_remote_rel_" + type.getName() + definition.name();
        TrackedTable joinFields = new TrackedTable(fields.name(), fields, junction.metadata.model.TableEntry.tracked(fields.name(),
                junction.metadata.model.TableConfig.EMPTY, false), List.of(), List.of());
        ResolvedRemoteRelationship join = new RemoteJoinValidator(joinFields, definition.join(), suffix)
                .validate(definition.name(), target);
        return new ResolvedRemoteSchemaRelationship.ToRemote(definition, join);
    }

    /** The named type of a join field of {@code type}: a scalar or an enum. */
    private static GraphQLType leafField(GraphQLObjectType type, String field) {
        GraphQLFieldDefinition definition = type.getFieldDefinition(field);
        if (definition == null) {
            throw new RemoteJoinValidator.Invalid("field with name \"" + field + "\" not found in type \"" + type.getName() + "\"");
        }
        GraphQLType named = GraphQLTypeUtil.unwrapAll(definition.getType());
        if (!(named instanceof GraphQLScalarType) && !(named instanceof GraphQLEnumType)
                || GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof graphql.schema.GraphQLList) {
            throw new RemoteJoinValidator.Invalid("field with name \"" + field + "\" in type \"" + type.getName()
                    + "\" is not a scalar field");
        }
        return named;
    }

    /** The Postgres type a remote scalar's values are checked as when they fill a template's {@code $field}. */
    private static String pgType(GraphQLType leaf) {
        return switch (leaf instanceof GraphQLScalarType s ? s.getName() : "") {
            case "Int" -> "int4";
            case "Float" -> "float8";
            case "Boolean" -> "bool";
            case "String", "ID" -> "text";
            default -> leaf instanceof GraphQLEnumType ? "text" : "json";
        };
    }

    private static String category(GraphQLType leaf) {
        return switch (pgType(leaf)) {
            case "int4", "float8" -> "N";
            case "bool" -> "B";
            case "text" -> "S";
            default -> "U";
        };
    }

    private static Inconsistency issue(String remote, String type, String name, JsonNode definition, String reason, Code code) {
        ObjectNode node = Json.object();
        node.put("remote_schema", remote);
        node.put("type_name", type);
        node.put("name", name);
        node.set("definition", definition);
        return new Inconsistency("remote_schema_remote_relationship", "remote_relationship " + name + " on type " + type
                + " in remote schema " + remote, node, "Inconsistent object: in remote schema \"" + remote
                + "\": in remote relationship \"" + name + "\" on type \"" + type + "\": " + reason, code,
                Inconsistency.Location.remoteSchemaRelationship(remote, type, name));
    }
}
