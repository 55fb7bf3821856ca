package junction.metadata.model;

/** An object or array relationship between two tables of one source. */
public record Relationship(String name, RelationshipUsing using, String comment) {
    public Relationship withName(String newName) {
        return new Relationship(newName, using, comment);
    }

    public Relationship withUsing(RelationshipUsing newUsing) {
        return new Relationship(name, newUsing, comment);
    }
}
