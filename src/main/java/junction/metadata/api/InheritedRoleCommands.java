package junction.metadata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import junction.error.ApiException;
import junction.error.Code;
import junction.json.Obj;
import junction.metadata.model.InheritedRole;
import junction.metadata.resolve.Inconsistency;

/**
 * {@code add_inherited_role} and {@code drop_inherited_role}, as Hasura has them: adding a role
 * that exists replaces its role set; parent roles that no role permission names make it
 * inconsistent (refused); a cycle of inherited roles is refused by the resolver.
 */
final class InheritedRoleCommands {
    private InheritedRoleCommands() {
    }

    static void register(Map<String, Command> commands) {
        commands.put("add_inherited_role", InheritedRoleCommands::add);
        commands.put("drop_inherited_role", InheritedRoleCommands::drop);
    }

    static Outcome add(CommandContext context, Obj args) {
        PermissionCommands.nonEmpty(args, "role_name");
        InheritedRole role = InheritedRole.read(args.node(), args.path());
        if (role.roleSet().contains(role.roleName())) {
            throw ApiException.of(Code.INVALID_PARAMS, "an inherited role name cannot be in the role combination");
        }
        List<InheritedRole> roles = new ArrayList<>(context.metadata().inheritedRoles());
        int at = indexOf(roles, role.roleName());
        if (at >= 0) {
            roles.set(at, role);
        } else {
            roles.add(role);
        }
        return Outcome.success(context.metadata().withInheritedRoles(roles),
                Inconsistency.Location.inheritedRole(role.roleName()));
    }

    static Outcome drop(CommandContext context, Obj args) {
        String name = args.string("role_name");
        List<InheritedRole> roles = new ArrayList<>(context.metadata().inheritedRoles());
        int at = indexOf(roles, name);
        if (at < 0) {
            throw ApiException.of(Code.NOT_EXISTS, "\"" + name + "\" inherited role doesn't exist");
        }
        roles.remove(at);
        return Outcome.success(context.metadata().withInheritedRoles(roles));
    }

    private static int indexOf(List<InheritedRole> roles, String name) {
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).roleName().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
