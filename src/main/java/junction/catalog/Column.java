package junction.catalog;

/**
 * A column as Postgres has it. {@code type} is the type's name ({@code int4}, {@code text},
 * {@code _int4} for arrays), {@code category} Postgres' typcategory letter, {@code attnum} the stable
 * number that lets a rename be told from a drop.
 */
public record Column(String name, int attnum, String type, String category, boolean nullable,
                     boolean hasDefault, boolean generated, String comment, java.util.List<String> enumValues) {
    public Column {
        enumValues = enumValues == null ? java.util.List.of() : java.util.List.copyOf(enumValues);
    }

    public boolean isArray() {
        return category.equals("A");
    }
}
