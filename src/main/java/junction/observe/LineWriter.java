package junction.observe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the log's lines go out: the per-request lines ({@link #write}) gather in memory and one
 * writer thread writes, in one call, all that gathered in the last few milliseconds; a request
 * thread then makes no system call for its log line (it used to be the third write of every
 * request, beside the statement to PostgreSQL and the answer to the client). Lines keep their
 * order, also against those written at once ({@link #writeNow}: start-up, metadata), which go out
 * after whatever gathered before them. {@link #close} writes what is left; a line written after it
 * goes out at once.
 */
final class LineWriter implements AutoCloseable {
    /** How long the writer lets lines gather after a write: under load, one write per this long at most. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Past this many gathered bytes (a sink that does not keep up), the caller writes itself, as it waits. */
    private static final int MAX_PENDING = 1 << 20;

    private final OutputStream sink;
    /** Guards {@link #pending}, {@link #idle} and {@link #closed}; never held while writing. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    /** Held while taking what gathered and writing it out, so that writes keep the lines' order. */
    private final ReentrantLock output = new ReentrantLock();
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(8192);
    private ByteArrayOutputStream spare = new ByteArrayOutputStream(8192);
    private boolean idle;
    private boolean closed;
    private final Thread writer;

    LineWriter(OutputStream sink) {
        this.sink = sink;
        this.writer = Thread.ofPlatform().daemon().name("log-writer").start(this::run);
    }

    /** A line (ending in a newline) for the next batch. */
    void write(byte[] line) {
        lock.lock();
        try {
            if (!closed && pending.size() < MAX_PENDING) {
                pending.writeBytes(line);
                if (idle) {
                    idle = false;
                    work.signal();
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        writeNow(line);
    }

    /** A line written before this returns, after every line handed over before it. */
    void writeNow(byte[] line) {
        output.lock();
        try {
            flushPending(line);
        } finally {
            output.unlock();
        }
    }

    /** Stops the writer thread after it wrote everything handed over. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeNow(new byte[0]);
    }

    private void run() {
        while (awaitLines()) {
            output.lock();
            try {
                flushPending(null);
            } finally {
                output.unlock();
            }
            LockSupport.parkNanos(LINGER_NANOS);
        }
    }

    /** Waits until there are lines (true) or the writer is closed (false). */
    private boolean awaitLines() {
        lock.lock();
        try {
            while (pending.size() == 0 && !closed) {
                idle = true;
                work.awaitUninterruptibly();
            }
            idle = false;
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    /** Writes what gathered, then {@code line} if given; the caller holds {@link #output}. */
    private void flushPending(byte[] line) {
        ByteArrayOutputStream batch;
        lock.lock();
        try {
            batch = pending;
            pending = spare;
        } finally {
            lock.unlock();
        }
        try {
            if (line != null) {
                batch.writeBytes(line);
            }
            if (batch.size() > 0) {
                batch.writeTo(sink);
                sink.flush();
            }
        } catch (IOException e) {
            // a closed stdout must not fail requests
        } finally {
            batch.reset();
            spare = batch;
        }
    }
}
