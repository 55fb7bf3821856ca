package junction.cli;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts (3 lines of context), by longest common subsequence of lines. */
final class LineDiff {
    private static final int CONTEXT = 3;

    private LineDiff() {
    }

    private record Edit(char kind, String line, int oldLine, int newLine) {
    }

    /** The hunks ({@code @@ …} headers and {@code ' '/-/+} lines), empty when the texts are equal. */
    static List<String> unified(String before, String after) {
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i++, j++));
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                edits.add(new Edit('+', b.get(j), i, j++));
            } else {
                edits.add(new Edit('-', a.get(i), i++, j));
            }
        }
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < edits.size()) {
            if (edits.get(k).kind() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < edits.size() && (edits.get(end).kind() != ' ' || end - lastChange <= 2 * CONTEXT)) {
                if (edits.get(end).kind() != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            int oldCount = 0;
            int newCount = 0;
            List<String> lines = new ArrayList<>();
            for (Edit edit : edits.subList(start, end)) {
                oldCount += edit.kind() == '+' ? 0 : 1;
                newCount += edit.kind() == '-' ? 0 : 1;
                lines.add(edit.kind() + edit.line());
            }
            Edit first = edits.get(start);
            out.add("@@ -" + (first.oldLine() + (oldCount == 0 ? 0 : 1)) + "," + oldCount + " +"
                    + (first.newLine() + (newCount == 0 ? 0 : 1)) + "," + newCount + " @@");
            out.addAll(lines);
            k = end;
        }
        return out;
    }
}
