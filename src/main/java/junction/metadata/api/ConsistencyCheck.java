package junction.metadata.api;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import junction.error.ApiException;
import junction.error.Code;
import junction.metadata.resolve.Inconsistency;
import junction.metadata.resolve.RootFieldConflicts;
import junction.metadata.resolve.Snapshot;

/**
 * How much inconsistency a change may leave, and Hasura's errors when it leaves more:
 * {@code invalid-configuration} with the reasons when the command's own object became
 * inconsistent, {@code unexpected} "cannot continue due to new inconsistent metadata" when some
 * other object did, and "cannot continue due to inconsistent metadata" for a replaced document
 * that is not allowed to be inconsistent at all; and Hasura's {@code unexpected} "Encountered
 * conflicting definitions …" for a change that would define a root field twice.
 */
public enum ConsistencyCheck {
    /** No object that was consistent before may become inconsistent. */
    NEW,
    /** Nothing may be inconsistent afterwards ({@code replace_metadata} without allow_inconsistent_metadata). */
    ALL,
    /** Inconsistencies are stored and reported ({@code allow_inconsistent_metadata}, {@code reload_metadata}). */
    NONE;

    void verify(Snapshot before, Snapshot next, Optional<Inconsistency.Location> target) {
        if (this != NONE) {
            // a root field defined twice breaks the schema itself: refused as Hasura does, whatever else
            RootFieldConflicts.added(before, next).ifPresent(conflict -> {
                throw ApiException.of(Code.UNEXPECTED, conflict).withStatus(400).at("$.args");
            });
        }
        switch (this) {
            case NONE -> {
            }
            case ALL -> {
                if (!next.isConsistent()) {
                    throw ApiException.of(Code.UNEXPECTED, "cannot continue due to inconsistent metadata")
                            .withStatus(400).withInternal(ManagementCommands.issues(next.inconsistencies()));
                }
            }
            case NEW -> verifyNew(added(before, next), target);
        }
    }

    /**
     * The objects {@code next} reports that {@code before} did not. A permission an inherited role
     * could not inherit is only informational (Hasura ties it to no object), so it blocks no change.
     */
    static List<Inconsistency> added(Snapshot before, Snapshot next) {
        return next.inconsistencies().stream()
                .filter(i -> !i.at().isInheritedPermission())
                .filter(i -> before.inconsistencies().stream().noneMatch(i::sameObject))
                .toList();
    }

    private static void verifyNew(List<Inconsistency> added, Optional<Inconsistency.Location> target) {
        if (added.isEmpty()) {
            return;
        }
        List<Inconsistency> own = added.stream().filter(i -> target.isPresent() && i.at().equals(target.get())).toList();
        if (!own.isEmpty()) {
            String reasons = own.stream().map(Inconsistency::reason).collect(Collectors.joining(", "));
            throw ApiException.of(Code.INVALID_CONFIGURATION, reasons).withInternal(ManagementCommands.issues(own));
        }
        throw ApiException.of(Code.UNEXPECTED, "cannot continue due to new inconsistent metadata")
                .withStatus(400).withInternal(ManagementCommands.issues(added));
    }
}
