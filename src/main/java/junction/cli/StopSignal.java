package junction.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop, awaited by {@code serve}'s main thread, which then stops
 * in order: the engine drains its requests, then the embedded PostgreSQL stops. Left to the JVM's
 * default, the signal would run every shutdown hook at once, and the embedded library's own hook
 * stops PostgreSQL while requests are still running on it. A second signal stops at once.
 */
final class StopSignal {
    private final CountDownLatch received = new CountDownLatch(1);
    private volatile String name = "";

    private StopSignal() {
    }

    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), s -> {
                if (stop.received.getCount() == 0) {
                    System.err.println("junction: SIG" + s.getName() + " again: stopping now, without waiting for requests in flight");
                    System.exit(1);
                }
                stop.name = "SIG" + s.getName();
                stop.received.countDown();
            });
        }
        return stop;
    }

    /** Blocks until a signal came; returns its name. */
    String await() throws InterruptedException {
        received.await();
        return name;
    }
}
