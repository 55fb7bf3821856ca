package junction.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell examples of the README, as {@link ReadmeExamplesTest} runs them. The convention (also
 * stated in the README's "Layout" section):
 * <ul>
 *   <li>Every {@code ```bash} block is run, in README order, unless the line before its fence (blank
 *       lines aside) is {@code <!-- not run: reason -->}. Other fences ({@code ```json},
 *       {@code ```graphql}, plain {@code ```}) are never run.</li>
 *   <li>A block is a list of commands as bash reads them: a command goes on over lines while a quote is
 *       open or a line ends with {@code \}.</li>
 *   <li>The {@code # } comment lines right under a command (no blank line between) are its shown
 *       answer: what it prints, one line of output per comment line. A comment after a blank line,
 *       or before a command, only explains.</li>
 * </ul>
 */
record ReadmeExamples(List<Block> blocks) {
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*not run:\\s*(.+?)\\s*-->\\s*$");
    private static final Pattern OWN_ENGINE = Pattern.compile("^<!--\\s*own engine:\\s*(.+?)\\s*-->\\s*$");

    /**
     * A {@code ```bash} block: where it starts (1-based line of its fence), its section, its commands,
     * why it is not run, if so, and whether it starts an engine of its own ({@code <!-- own engine: … -->}).
     */
    record Block(int line, String section, List<Command> commands, Optional<String> notRun, boolean ownEngine) {
    }

    /** One command (its text, possibly over several lines) and its shown answer, if any. */
    record Command(int line, String text, Optional<String> answer) {
    }

    static ReadmeExamples parse(String readme) {
        List<String> lines = readme.lines().toList();
        List<Block> blocks = new ArrayList<>();
        String section = "";
        String lastText = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                if (line.startsWith("#")) {
                    section = line.replaceFirst("^#+\\s*", "");
                }
                if (!line.isBlank()) {
                    lastText = line.trim();
                }
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            if (fence.group(1).equals("bash")) {
                Matcher notRun = NOT_RUN.matcher(lastText);
                blocks.add(new Block(i + 1, section, commands(lines.subList(i + 1, end), i + 2),
                        notRun.matches() ? Optional.of(notRun.group(1)) : Optional.empty(),
                        OWN_ENGINE.matcher(lastText).matches()));
            }
            lastText = "";
            i = end;
        }
        return new ReadmeExamples(blocks);
    }

    /** The commands of a block's lines; {@code firstLine} is the README line number of the first. */
    static List<Command> commands(List<String> lines, int firstLine) {
        List<Command> out = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        int commandLine = 0;
        List<String> answer = new ArrayList<>();
        boolean answerOpen = false;
        Quotes quotes = new Quotes();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (command.isEmpty()) {
                String trimmed = line.trim();
                if (trimmed.startsWith("#")) {
                    if (answerOpen) {
                        answer.add(trimmed.equals("#") ? "" : trimmed.substring(trimmed.startsWith("# ") ? 2 : 1));
                    }
                    continue;
                }
                flush(out, answer);
                answerOpen = false;
                if (trimmed.isEmpty()) {
                    continue;
                }
                commandLine = firstLine + i;
            }
            command.append(line).append('\n');
            if (quotes.complete(line)) {
                out.add(new Command(commandLine, command.toString(), Optional.empty()));
                command.setLength(0);
                answerOpen = true;
            }
        }
        if (!command.isEmpty()) {
            throw new IllegalArgumentException("README line " + commandLine + ": a command whose quotes never close");
        }
        flush(out, answer);
        return out;
    }

    /** Gives the last command the answer lines collected under it. */
    private static void flush(List<Command> out, List<String> answer) {
        if (answer.isEmpty()) {
            return;
        }
        Command last = out.removeLast();
        out.add(new Command(last.line(), last.text(), Optional.of(String.join("\n", answer))));
        answer.clear();
    }

    /** Bash's quoting, line by line: whether a command is complete at the end of a line. */
    private static final class Quotes {
        private char open; // 0, '\'' or '"'

        boolean complete(String line) {
            boolean continued = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                continued = false;
                if (open == '\'') {
                    open = c == '\'' ? 0 : open;
                } else if (c == '\\') {
                    continued = i == line.length() - 1;
                    i++;
                } else if (open == '"') {
                    open = c == '"' ? 0 : open;
                } else if (c == '\'' || c == '"') {
                    open = c;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    break;
                }
            }
            String code = line.strip();
            return open == 0 && !continued && !code.endsWith("&&") && !code.endsWith("||") && !code.endsWith("|");
        }
    }
}
