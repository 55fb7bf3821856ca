// Run: javac -cp target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) -d /tmp/splicecost bench/SpliceCost.java,
// then java -cp /tmp/splicecost:<same classpath> SpliceCost
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import junction.json.Json;
/**
 * The rows of a remote type's relationship to a table, as the statement answers them (100 keys × 5
 * rows, ~16.6 KB): parsed into a Jackson tree and written out again (before), against
 * {@code Json.rawElements} — one token pass, each element written as it came (now). µs per answer,
 * eight rounds (the first ones carry the JIT's warm-up).
 */
public class SpliceCost {
    public static void main(String[] a) {
        StringBuilder sb = new StringBuilder("[");
        for (int u = 0; u < 100; u++) { if (u > 0) sb.append(','); sb.append('[');
            for (int k = 0; k < 5; k++) { if (k > 0) sb.append(','); sb.append("{\"id\" : ").append(u * 1000 + k).append(", \"total\" : ").append(100 + k).append(".25}"); }
            sb.append(']'); }
        byte[] bytes = sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
        System.out.println(bytes.length + " bytes");
        for (int r = 0; r < 8; r++) {
            int n = 3000; long t0 = System.nanoTime(); int sink = 0;
            for (int i = 0; i < n; i++) { JsonNode tree = Json.parse(bytes); ArrayNode out = Json.array(); for (JsonNode e : tree) out.add(e); sink += Json.bytes(out).length; }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) { List<JsonNode> raw = Json.rawElements(bytes); ArrayNode out = Json.array(); raw.forEach(out::add); sink += Json.bytes(out).length; }
            long t2 = System.nanoTime();
            System.out.printf("tree %.1f µs, raw %.1f µs (%d)%n", (t1 - t0) / 1000.0 / n, (t2 - t1) / 1000.0 / n, sink);
        }
    }
}
