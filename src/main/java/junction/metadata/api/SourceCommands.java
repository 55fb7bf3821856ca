package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.model.TableEntry;

/** {@code pg_add_source}, {@code pg_update_source}, {@code pg_drop_source}, {@code rename_source}. */
final class SourceCommands {
    private SourceCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("pg_add_source", SourceCommands::add);
        commands.put("pg_update_source", SourceCommands::update);
        commands.put("pg_drop_source", SourceCommands::drop);
        commands.put("rename_source", SourceCommands::rename);
    }

    static Outcome add(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        String name = args.string("name");
        Obj configuration = args.obj("configuration");
        configuration.obj("connection_info").required("database_url");
        JsonNode customization = args.get("customization");
        if (metadata.source(name).isPresent()) {
            if (!args.bool("replace_configuration", false)) {
                throw ApiException.of(Code.ALREADY_EXISTS, "source with name \"" + name + "\" already exists")
                        .at(args.pathOf("name"));
            }
            return Outcome.success(metadata.updateSource(name, s -> s.withConfiguration(configuration.node(),
                    customization != null ? customization : s.customization())));
        }
        List<Source> sources = new ArrayList<>(metadata.sources());
        sources.add(new Source(name, "postgres", configuration.node(), customization, List.of(), List.of()));
        return Outcome.success(metadata.withSources(sources));
    }

    static Outcome update(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        String name = args.string("name");
        Source source = metadata.source(name).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "source with name \"" + name + "\" does not exist").at(args.pathOf("name")));
        JsonNode configuration = args.optObj("configuration").map(Obj::node).orElse(null);
        JsonNode customization = args.get("customization");
        return Outcome.success(metadata.updateSource(name, s -> s.withConfiguration(
                configuration != null ? configuration : source.configuration(),
                customization != null ? customization : source.customization())));
    }

    static Outcome drop(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        String name = args.string("name");
        Source source = metadata.source(name).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "source with name \"" + name + "\" does not exist").at(args.pathOf("name")));
        if (!source.tables().isEmpty() && !args.bool("cascade", false)) {
            List<String> tables = source.tables().stream().map(TableEntry::table).map(t -> "table " + t + " in source " + name).toList();
            throw ApiException.of(Code.DEPENDENCY_ERROR,
                    "cannot drop due to the following dependent objects : " + String.join(", ", tables));
        }
        List<Source> sources = new ArrayList<>(metadata.sources());
        sources.removeIf(s -> s.name().equals(name));
        return Outcome.success(metadata.withSources(sources));
    }

    static Outcome rename(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        String name = args.string("name");
        String newName = args.string("new_name");
        if (metadata.source(name).isEmpty()) {
            throw ApiException.of(Code.NOT_EXISTS, "source with name \"" + name + "\" does not exist").at(args.pathOf("name"));
        }
        if (metadata.source(newName).isPresent()) {
            throw ApiException.of(Code.ALREADY_EXISTS, "source with name \"" + newName + "\" already exists")
                    .at(args.pathOf("new_name"));
        }
        return Outcome.success(metadata.updateSource(name, s -> new Source(newName, s.kind(), s.configuration(),
                s.customization(), s.tables(), s.functions())));
    }
}
