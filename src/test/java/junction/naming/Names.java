package junction.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import junction.json.Json;

/** The database the naming tests share, and their assertions. */
final class Names {
    static final String SQL = """
        create table author_local (author_id serial primary key, full_name text unique, meta jsonb);
        create table article_local (id serial primary key, author_id int references author_local(author_id),
          title text not null, rating int);
        create table tag_item (item_id int primary key, item_label text);
        insert into author_local (full_name, meta) values ('Ada', '{"vip": true}'), ('Bob', null);
        insert into article_local (author_id, title, rating) values (1, 'A1', 5), (1, 'A2', 3), (2, 'B1', 4);
        insert into tag_item values (1, 'red');
        """;

    static final String METADATA = """
        {"type": "bulk", "args": [
          {"type": "pg_track_table", "args": {"table": "author_local"}},
          {"type": "pg_track_table", "args": {"table": "article_local"}},
          {"type": "pg_track_table", "args": {"table": "tag_item", "configuration": {
             "custom_root_fields": {"select": "tags"}, "column_config": {"item_label": {"custom_name": "label_text"}}}}},
          {"type": "pg_create_object_relationship", "args": {"table": "article_local", "name": "author",
             "using": {"foreign_key_constraint_on": "author_id"}}},
          {"type": "pg_create_array_relationship", "args": {"table": "author_local", "name": "articles",
             "using": {"foreign_key_constraint_on": {"table": "article_local", "columns": ["author_id"]}}}},
          {"type": "pg_create_select_permission", "args": {"table": "author_local", "role": "reader",
             "permission": {"columns": ["author_id", "full_name"], "filter": {}}}}
        ]}
        """;

    private Names() {
    }

    static void assertData(JsonNode answer, String expected) {
        assertThat(answer.has("errors")).as("errors: %s", answer).isFalse();
        JsonNode want = Json.parse(expected);
        assertThat(answer.get("data").equals(Names::sameValue, want)).as("%s is not %s", answer.get("data"), want).isTrue();
    }

    private static int sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }
}
