package junction.metadata.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.codec.GivenNames;
import junction.metadata.model.Metadata;
import junction.metadata.model.Source;
import junction.metadata.resolve.Inconsistency;

/**
 * {@code pg_add_source}, {@code pg_update_source}, {@code pg_drop_source}, {@code rename_source}.
 * Dropping a source drops its tracked tables with it, as Hasura does; {@code cascade} only matters
 * for objects of other sources that depend on it (none exist yet).
 */
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
        args.optObj("customization").ifPresent(GivenNames::sourceCustomization);
        JsonNode customization = args.get("customization");
        boolean replace = args.bool("replace_configuration", false);
        Inconsistency.Location target = Inconsistency.Location.ofSource(name);
        if (metadata.source(name).isPresent()) {
            if (!replace) {
                throw ApiException.of(Code.ALREADY_EXISTS, "source with name \"" + name + "\" already exists")
                        .at(args.pathOf("name"));
            }
            return Outcome.success(metadata.updateSource(name, s -> s.withConfiguration(configuration.node(), customization)),
                    target);
        }
        List<Source> sources = new ArrayList<>(metadata.sources());
        sources.add(new Source(name, "postgres", configuration.node(), customization, List.of(), List.of()));
        return Outcome.success(metadata.withSources(sources), target);
    }

    static Outcome update(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        String name = args.string("name");
        Source source = existing(metadata, args, name);
        JsonNode configuration = args.optObj("configuration").<JsonNode>map(Obj::node).orElse(source.configuration());
        args.optObj("customization").ifPresent(GivenNames::sourceCustomization);
        JsonNode customization = args.has("customization") ? args.get("customization") : source.customization();
        return Outcome.success(metadata.updateSource(name, s -> s.withConfiguration(configuration, customization)),
                Inconsistency.Location.ofSource(name));
    }

    static Outcome drop(CommandContext context, Obj args) {
        Metadata metadata = context.metadata();
        String name = args.string("name");
        existing(metadata, args, name);
        if (args.bool("cascade", false) && context.snapshot().source(name).isEmpty()) {
            throw ApiException.of(Code.UNEXPECTED, "source with name \"" + name + "\" is inconsistent").withStatus(400);
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
            throw ApiException.of(Code.NOT_EXISTS, "Could not find source with name \"" + name + "\"").at(args.pathOf("name"));
        }
        if (metadata.source(newName).isPresent()) {
            throw ApiException.of(Code.ALREADY_EXISTS, "Source with name \"" + newName + "\" already exists")
                    .at(args.pathOf("new_name"));
        }
        return Outcome.success(metadata.updateSource(name, s -> new Source(newName, s.kind(), s.configuration(),
                s.customization(), s.tables(), s.functions())), Inconsistency.Location.ofSource(newName));
    }

    private static Source existing(Metadata metadata, Obj args, String name) {
        return metadata.source(name).orElseThrow(() -> ApiException.of(Code.NOT_EXISTS,
                "source with name \"" + name + "\" does not exist").at(args.pathOf("name")));
    }
}
