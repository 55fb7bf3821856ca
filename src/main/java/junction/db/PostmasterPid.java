package junction.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code postmaster.pid} of a data directory says: the postmaster's process id, the data
 * directory it serves and its port. PostgreSQL writes it at start and removes it at a clean stop;
 * after a {@code kill -9} it stays, naming a process that is gone (or an orphan still running).
 */
record PostmasterPid(long pid, Path dataDirectory, int port, Path socketDirectory) {
    static final String FILE = "postmaster.pid";

    /** The file of {@code dataDirectory}, if there is one that can be read. */
    static Optional<PostmasterPid> read(Path dataDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(FILE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.size() < 5) {
            return Optional.empty(); // being written by a starting postmaster
        }
        try {
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1).trim()),
                    Integer.parseInt(lines.get(3).trim()), Path.of(lines.get(4).trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the process runs a PostgreSQL server: alive, not a zombie waiting to be reaped, and a postgres binary. */
    boolean running() {
        return process().isPresent();
    }

    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(PostmasterPid::live)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe")).orElse(true));
    }

    /** Whether this file names {@code dataDirectory} (both made absolute and real where they exist). */
    boolean serves(Path dataDirectory) {
        return canonical(this.dataDirectory).equals(canonical(dataDirectory));
    }

    /**
     * After the postmaster {@code pid} of {@code dataDirectory} has died: waits (up to 10 s) while its
     * process is a zombie, until it is reaped, since PostgreSQL's next start takes a lock file naming a zombie for a
     * live server. Where nothing reaps it in time, removes the lock files (the data directory's
     * {@code postmaster.pid} and the Unix socket's) that still name it.
     */
    static void clearAfterExit(Path dataDirectory, long pid) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(pid).filter(p -> p.isAlive() && !live(p)).isPresent() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Optional<PostmasterPid> stale = read(dataDirectory).filter(p -> p.pid() == pid && !p.running());
        if (stale.isPresent()) {
            Path socketLock = stale.get().socketDirectory().resolve(".s.PGSQL." + stale.get().port() + ".lock");
            if (namesPid(socketLock, pid)) {
                Files.deleteIfExists(socketLock);
            }
            Files.deleteIfExists(dataDirectory.resolve(FILE));
        }
    }

    /** Whether a lock file's first line is {@code pid} (another server on the port has its own). */
    private static boolean namesPid(Path lockFile, long pid) {
        try (var lines = Files.lines(lockFile)) {
            return lines.findFirst().map(String::trim).map(Long.toString(pid)::equals).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Alive and not a zombie. A killed postmaster's parent is PID 1 (pg_ctl has exited); where PID 1
     * reaps late, {@link ProcessHandle#isAlive} stays true for a zombie, so on Linux the state in
     * {@code /proc} decides.
     */
    static boolean live(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            int end = text.lastIndexOf(')');
            return end < 0 || end + 2 >= text.length() || text.charAt(end + 2) != 'Z';
        } catch (NoSuchFileException e) {
            return !Files.isDirectory(Path.of("/proc", "self"));
        } catch (IOException e) {
            return true;
        }
    }

    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }
}
