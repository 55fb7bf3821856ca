package junction.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement ready for JDBC: text with {@code ?} placeholders (each cast to its Postgres type) and
 * the parameters in placeholder order. The text depends only on the plan, never on values.
 */
public record Rendered(String text, List<Sql.Param> params) {
    public Rendered {
        params = List.copyOf(params);
    }

    public static Rendered render(Sql sql) {
        StringBuilder text = new StringBuilder(256);
        List<Sql.Param> params = new ArrayList<>();
        for (Sql.Part part : sql.parts()) {
            switch (part) {
                case Sql.Text t -> text.append(t.text());
                case Sql.Ident i -> text.append('"').append(i.name().replace("\"", "\"\"")).append('"');
                case Sql.Name n -> text.append('\'').append(n.name()).append('\'');
                case Sql.Count c -> text.append(c.value());
                case Sql.Param p -> {
                    params.add(p);
                    text.append("?::\"").append(p.type().replace("\"", "\"\"")).append('"');
                    if (p.array()) {
                        text.append("[]");
                    }
                }
            }
        }
        return new Rendered(text.toString(), params);
    }

    /** The text with {@code $n} placeholders, as Postgres and Hasura's explain show it. */
    public String numbered() {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int n = 0;
        boolean quoted = false;
        boolean literal = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && !literal) {
                quoted = !quoted;
            } else if (c == '\'' && !quoted) {
                literal = !literal;
            }
            if (c == '?' && !quoted && !literal) {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
