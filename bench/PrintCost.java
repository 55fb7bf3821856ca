// Run: javac -cp target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) -d /tmp/printcost bench/PrintCost.java,
// then java -cp /tmp/printcost:<same classpath> PrintCost [aliases, default 100]
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import junction.remote.CompactPrinter;

/**
 * The cost of printing a remote join's request (issue 20): a document of N aliased
 * {@code rK: user(id: K) {id name email}} fields, as a join over N rows sends it, printed with
 * graphql-java's {@code AstPrinter.printAstCompact} and with {@code remote/CompactPrinter} (same
 * text, checked), and the list-mode document {@code users(ids: [...]) {id name email}}. Prints µs
 * per print for each, ten rounds (the first ones carry the JIT's warm-up).
 */
public class PrintCost {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        SelectionSet user = SelectionSet.newSelectionSet().selection(new Field("id")).selection(new Field("name"))
                .selection(new Field("email")).build();
        List<graphql.language.Selection> aliases = new ArrayList<>();
        List<graphql.language.Value> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            aliases.add(Field.newField("user").alias("r" + i)
                    .arguments(List.of(new Argument("id", new IntValue(BigInteger.valueOf(i + 1))))).selectionSet(user).build());
            ids.add(new IntValue(BigInteger.valueOf(i + 1)));
        }
        Document alias = document(SelectionSet.newSelectionSet().selections(aliases).build());
        Document list = document(SelectionSet.newSelectionSet().selection(Field.newField("users")
                .arguments(List.of(new Argument("ids", graphql.language.ArrayValue.newArrayValue().values(ids).build())))
                .selectionSet(user).build()).build());
        for (Document d : List.of(alias, list)) {
            if (!AstPrinter.printAstCompact(d).equals(CompactPrinter.print(d))) {
                throw new AssertionError("the two printers differ on " + AstPrinter.printAstCompact(d));
            }
        }
        System.out.println("round | AstPrinter, " + n + " aliases | CompactPrinter, " + n + " aliases | AstPrinter, list of " + n
                + " | CompactPrinter, list of " + n + " (µs per print)");
        for (int round = 1; round <= 10; round++) {
            System.out.printf("%d | %.1f | %.1f | %.1f | %.1f%n", round, time(() -> AstPrinter.printAstCompact(alias)),
                    time(() -> CompactPrinter.print(alias)), time(() -> AstPrinter.printAstCompact(list)),
                    time(() -> CompactPrinter.print(list)));
        }
    }

    private static Document document(SelectionSet selections) {
        return Document.newDocument().definition(OperationDefinition.newOperationDefinition()
                .operation(OperationDefinition.Operation.QUERY).selectionSet(selections).build()).build();
    }

    static int sink;

    private static double time(java.util.function.Supplier<String> print) {
        int runs = 5_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            sink += print.get().length();
        }
        return (System.nanoTime() - t0) / 1000.0 / runs;
    }
}
