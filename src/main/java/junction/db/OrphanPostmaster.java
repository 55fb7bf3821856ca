package junction.db;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster still running on a data directory whose engine is gone. The embedded server is
 * started by {@code pg_ctl}, so it is not the engine's child: a {@code kill -9} of the engine leaves
 * it running with the directory and the port, and the next start would fail. Before a start, such a
 * postmaster is stopped — only when its {@code postmaster.pid} names this directory, its process is
 * a postgres, and no live engine holds the directory's lock.
 */
final class OrphanPostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanPostmaster.class);
    private static final String LOCK = "epg-lock";

    private OrphanPostmaster() {
    }

    static void stop(Path dataDirectory) throws IOException {
        Optional<PostmasterPid> found = PostmasterPid.read(dataDirectory);
        if (found.isEmpty()) {
            return;
        }
        PostmasterPid pid = found.get();
        Optional<ProcessHandle> process = pid.process();
        if (!pid.serves(dataDirectory)) {
            return; // a data directory copied or moved: PostgreSQL itself deals with the file
        }
        if (process.isEmpty()) {
            PostmasterPid.clearAfterExit(dataDirectory, pid.pid()); // dead: its lock files must not name a zombie
            return;
        }
        ensureNoEngineHolds(dataDirectory, pid);
        LOG.warn("stopping PostgreSQL (pid {}) left running on {} by an engine that did not stop", pid.pid(), dataDirectory);
        ProcessHandle postmaster = process.get();
        fastShutdown(postmaster);
        if (!exited(postmaster, 10)) {
            LOG.warn("PostgreSQL (pid {}) did not stop within 10 s; killing it (the next start recovers from its WAL)", pid.pid());
            postmaster.destroyForcibly();
            exited(postmaster, 10);
        }
        PostmasterPid.clearAfterExit(dataDirectory, pid.pid());
    }

    /**
     * PostgreSQL's fast shutdown (SIGINT: sessions ended, a checkpoint written): other engines
     * sharing the server would keep a smart shutdown (SIGTERM) waiting for their sessions. Java sends
     * only SIGTERM and SIGKILL, so {@code kill} sends it; without {@code kill}, SIGTERM.
     */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }

    /** The library locks the directory while an engine uses it; a held lock means a live engine. */
    private static void ensureNoEngineHolds(Path dataDirectory, PostmasterPid pid) throws IOException {
        try (FileOutputStream out = new FileOutputStream(dataDirectory.resolve(LOCK).toFile());
             FileLock lock = out.getChannel().tryLock()) {
            if (lock != null) {
                return;
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM
        }
        throw new IOException("the data directory " + dataDirectory + " is in use by another running engine"
                + " (its PostgreSQL has pid " + pid.pid() + " and port " + pid.port() + "); stop it or choose another --data-dir");
    }

    private static boolean exited(ProcessHandle process, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!PostmasterPid.live(process)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
