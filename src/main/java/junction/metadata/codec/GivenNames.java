package junction.metadata.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.model.GraphqlName;
import junction.remote.RemoteDefinition;

/**
 * The GraphQL names a user gives in a metadata call, checked as Hasura parses them (each is a
 * {@code G.Name}): a table's {@code custom_name}, its custom root fields, its columns' custom names,
 * a source's root field and type name customization, a remote schema's customization. A name that
 * is not a GraphQL name is {@code parse-failed} "&lt;name&gt; is not valid GraphQL name" at its path.
 * Stored metadata is not read through here: a bad name found there makes its object inconsistent.
 */
public final class GivenNames {
    private GivenNames() {
    }

    /** A table's {@code configuration}. */
    public static void tableConfiguration(Obj config) {
        name(config, "custom_name");
        config.optObj("custom_root_fields").ifPresent(roots -> roots.node().fieldNames().forEachRemaining(key -> {
            JsonNode value = roots.get(key);
            if (value != null && value.isObject()) {
                name(Obj.of(value, roots.pathOf(key)), "name");
            } else {
                name(roots, key);
            }
        }));
        config.optObj("column_config").ifPresent(columns -> columns.node().fieldNames().forEachRemaining(column -> {
            JsonNode value = columns.get(column);
            if (value != null && value.isObject()) {
                name(Obj.of(value, columns.pathOf(column)), "custom_name");
            }
        }));
        config.optObj("custom_column_names").ifPresent(columns -> columns.node().fieldNames()
                .forEachRemaining(column -> name(columns, column)));
    }

    /**
     * A source's {@code customization}: root field namespace, prefix and suffix, type name prefix and
     * suffix; and its {@code naming_convention}, one of Hasura's two.
     */
    public static void sourceCustomization(Obj customization) {
        customization.optObj("root_fields").ifPresent(roots -> {
            name(roots, "namespace");
            name(roots, "prefix");
            name(roots, "suffix");
        });
        customization.optObj("type_names").ifPresent(types -> {
            name(types, "prefix");
            name(types, "suffix");
        });
        JsonNode convention = customization.get("naming_convention");
        if (convention != null && !convention.isNull() && !(convention.isTextual()
                && (convention.textValue().equals("hasura-default") || convention.textValue().equals("graphql-default")))) {
            throw ApiException.of(Code.PARSE_FAILED, "naming_convention can either be \"hasura-default\" or \"graphql-default\"")
                    .at(customization.pathOf("naming_convention"));
        }
    }

    /**
     * A whole metadata document given to {@code replace_metadata}: version 3 (sources) or the older
     * form with {@code tables} at the top; and each remote schema's definition.
     */
    public static void document(Obj document) {
        if (document.has("sources")) {
            document.list("sources", Obj::of).forEach(GivenNames::source);
        } else {
            tables(document);
        }
        document.list("remote_schemas", Obj::of).forEach(remote ->
                remote.optObj("definition").ifPresent(d -> RemoteDefinition.read(d.node(), d.path())));
    }

    private static void source(Obj source) {
        source.optObj("customization").ifPresent(GivenNames::sourceCustomization);
        tables(source);
    }

    private static void tables(Obj holder) {
        holder.list("tables", Obj::of).forEach(table -> table.optObj("configuration").ifPresent(GivenNames::tableConfiguration));
    }

    /** The string at {@code key}, when there is one, must be a GraphQL name. */
    private static void name(Obj holder, String key) {
        Optional<String> value = holder.has(key) && holder.get(key).isTextual()
                ? Optional.of(holder.get(key).textValue()) : Optional.empty();
        value.filter(v -> !GraphqlName.isValid(v)).ifPresent(v -> {
            throw ApiException.of(Code.PARSE_FAILED, GraphqlName.notValid(v)).at(holder.pathOf(key));
        });
    }
}
