package junction.execute;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import junction.error.ApiException;
import junction.error.Code;

/**
 * A part of a request's work, either running on its own virtual thread ({@link #start}) or already
 * done on the caller's ({@link #now}); {@link #join} returns its value or rethrows its failure.
 */
final class Forked<T> {
    private final FutureTask<T> task;

    private Forked(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /** Starts {@code work} on a new virtual thread. */
    static <T> Forked<T> start(String name, Callable<T> work) {
        Forked<T> forked = new Forked<>(work);
        Thread.ofVirtual().name(name).start(forked.task);
        return forked;
    }

    /** Runs {@code work} on this thread now, keeping its value or failure for {@link #join}. */
    static <T> Forked<T> now(Callable<T> work) {
        Forked<T> forked = new Forked<>(work);
        forked.task.run();
        return forked;
    }

    T join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw ApiException.of(Code.UNEXPECTED, "interrupted while waiting for a remote schema");
        } catch (CancellationException e) {
            throw ApiException.of(Code.UNEXPECTED, "cancelled");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Stops the work if it is still running (its thread is interrupted); a no-op once done. */
    void cancel() {
        task.cancel(true);
    }
}
