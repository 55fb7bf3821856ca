package junction.catalog;

/**
 * One argument of a SQL function. {@code name} is empty for an unnamed argument; {@code type} the
 * type's name as in {@link Column#type()}; {@code mode} Postgres' proargmodes letter ({@code i} in,
 * {@code o} out, {@code b} inout, {@code v} variadic, {@code t} table column); {@code hasDefault}
 * whether a call may leave it out.
 */
public record FunctionArgument(String name, String type, String category, char mode, boolean hasDefault) {
    public boolean isInput() {
        return mode == 'i' || mode == 'b' || mode == 'v';
    }
}
