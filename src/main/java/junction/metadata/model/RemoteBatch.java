package junction.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Junction's {@code batch} extension of a remote relationship: its rows are fetched in one call of
 * the list field {@code field}, whose list argument {@code argument} gets one item per distinct join
 * value (the single join column's value, or {@code item} with its {@code "$column"}s filled). Results
 * are matched back by their {@code key} field, or by position when there is no key.
 *
 * @param key  a field of the result type compared with the join column's value, or null (position)
 * @param item the item template (JSON, {@code "$column"} placeholders), or null (the column's value)
 */
public record RemoteBatch(String field, String argument, String key, JsonNode item) {
}
