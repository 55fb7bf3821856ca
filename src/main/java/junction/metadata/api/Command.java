package junction.metadata.api;

import junction.json.Obj;

/** One metadata API command: reads its {@code args} and computes an outcome. Pure. */
@FunctionalInterface
public interface Command {
    Outcome apply(CommandContext context, Obj args);
}
