package junction.metadata.resolve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import junction.catalog.Column;
import junction.catalog.Table;

/**
 * What one role may do with one table, resolved: each kind of permission it has. {@code admin}
 * has {@link #full} on every table; a role without any permission on a table has {@link #NONE}.
 */
public record TablePermissions(Optional<SelectPermission> select, Optional<InsertPermission> insert,
                               Optional<UpdatePermission> update, Optional<DeletePermission> delete) {
    /** The role that has every permission and cannot be given any. */
    public static final String ADMIN = "admin";
    public static final TablePermissions NONE = new TablePermissions(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Everything on every column and row: what {@code admin} has. */
    public static TablePermissions full(Table table) {
        List<String> columns = table.columns().stream().map(Column::name).toList();
        return new TablePermissions(
                Optional.of(new SelectPermission(columns, Filter.TRUE, Optional.empty(), true,
                        SelectPermission.ROOT_FIELDS, SelectPermission.ROOT_FIELDS, List.of(), Map.of())),
                Optional.of(new InsertPermission(Filter.TRUE, Map.of(), columns, false)),
                Optional.of(new UpdatePermission(columns, Filter.TRUE, Filter.TRUE, Map.of(), false)),
                Optional.of(new DeletePermission(Filter.TRUE, false)));
    }

    /**
     * The permissions that apply in a scenario: in the frontend one ({@code backendOnly} false) the
     * insert, update and delete permissions marked {@code backend_only} do not exist; in the backend
     * one (admin secret and {@code x-hasura-use-backend-only-permissions: true}) every permission does.
     */
    public TablePermissions forScenario(boolean backendOnly) {
        if (backendOnly) {
            return this;
        }
        return new TablePermissions(select, insert.filter(p -> !p.backendOnly()), update.filter(p -> !p.backendOnly()),
                delete.filter(p -> !p.backendOnly()));
    }

    public boolean isEmpty() {
        return select.isEmpty() && insert.isEmpty() && update.isEmpty() && delete.isEmpty();
    }

    public TablePermissions withSelect(Optional<SelectPermission> p) {
        return new TablePermissions(p, insert, update, delete);
    }

    public TablePermissions withInsert(Optional<InsertPermission> p) {
        return new TablePermissions(select, p, update, delete);
    }

    public TablePermissions withUpdate(Optional<UpdatePermission> p) {
        return new TablePermissions(select, insert, p, delete);
    }

    public TablePermissions withDelete(Optional<DeletePermission> p) {
        return new TablePermissions(select, insert, update, p);
    }
}
