package junction.remote;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cuts a remote call off at its deadline, wherever it is: connecting, writing, waiting for the
 * status line, or reading a body that trickles in. At the deadline the calling thread is
 * interrupted; socket I/O on a virtual thread is interruptible (the socket is closed and the read
 * or write fails), so it must be a virtual thread. Per-read timeouts alone cannot bound a call: a
 * remote sending one byte per second never lets a read time out.
 *
 * <p>One timer thread for all calls; an alarm that is disarmed in time is removed from its queue,
 * so a busy server does not keep one dead task per call for {@code timeout_seconds}.
 */
final class DeadlineAlarm implements AutoCloseable {
    private static final int ARMED = 0;
    private static final int DISARMED = 1;
    private static final int STRIKING = 2;
    private static final int STRUCK = 3;
    private static final int CLEARED = 4;

    private final ScheduledThreadPoolExecutor timer;

    DeadlineAlarm() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "remote-call-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Interrupts the current (virtual) thread at {@code deadlineNanos} ({@link System#nanoTime()}) unless disarmed before. */
    Armed arm(long deadlineNanos) {
        Armed armed = new Armed(Thread.currentThread());
        armed.task = timer.schedule(armed::strike, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        return armed;
    }

    /** One call's alarm. */
    static final class Armed {
        private final Thread thread;
        private final AtomicInteger state = new AtomicInteger(ARMED);
        private volatile ScheduledFuture<?> task;

        private Armed(Thread thread) {
            this.thread = thread;
        }

        private void strike() {
            if (state.compareAndSet(ARMED, STRIKING)) {
                thread.interrupt();
                state.set(STRUCK);
            }
        }

        /**
         * Stops the alarm (by the thread that armed it; again is harmless); true if it struck, and
         * then the thread's interrupt status, which only the alarm set, is cleared.
         */
        boolean disarm() {
            if (state.compareAndSet(ARMED, DISARMED)) {
                ScheduledFuture<?> scheduled = task;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                return false;
            }
            int now;
            while ((now = state.get()) == STRIKING) {
                Thread.onSpinWait();
            }
            if (now == STRUCK && state.compareAndSet(STRUCK, CLEARED)) {
                Thread.interrupted();
            }
            return now != DISARMED;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
