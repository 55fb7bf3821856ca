package junction.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The log's lines: per-request lines go out together, in order, without the caller writing them. */
class LineWriterTest {
    /** A sink that records each write call, and can hold the writer inside one. */
    static final class Sink extends ByteArrayOutputStream {
        final List<String> writes = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        volatile CountDownLatch hold = new CountDownLatch(0);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public void write(byte[] b, int off, int len) {
            entered.countDown();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            synchronized (this) {
                writes.add(new String(b, off, len, StandardCharsets.UTF_8));
                threads.add(Thread.currentThread().getName());
                super.write(b, off, len);
            }
        }

        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesHandedOverWhileTheWriterIsBusyGoOutInOneWriteOnItsThread() throws Exception {
        Sink sink = new Sink();
        sink.hold = new CountDownLatch(1);
        try (LineWriter writer = new LineWriter(sink)) {
            writer.write(line("first"));
            assertThat(sink.entered.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 100; i++) {
                writer.write(line("line " + i)); // returns at once: the writer is still inside its write
            }
            sink.hold.countDown();
        }
        assertThat(sink.text()).startsWith("first\nline 0\nline 1\n").endsWith("line 98\nline 99\n");
        assertThat(sink.writes).hasSizeLessThanOrEqualTo(3);
        assertThat(sink.threads.get(0)).isEqualTo("log-writer");
    }

    @Test
    void aLineWrittenAtOnceComesAfterTheLinesBeforeIt() {
        Sink sink = new Sink();
        try (LineWriter writer = new LineWriter(sink)) {
            writer.write(line("request 1"));
            writer.write(line("request 2"));
            writer.writeNow(line("metadata changed"));
            assertThat(sink.text()).isEqualTo("request 1\nrequest 2\nmetadata changed\n");
        }
    }

    @Test
    void closingWritesWhatIsLeftAndLaterLinesGoOutAtOnce() {
        Sink sink = new Sink();
        LineWriter writer = new LineWriter(sink);
        for (int i = 0; i < 50; i++) {
            writer.write(line("line " + i));
        }
        writer.close();
        assertThat(sink.text().lines()).hasSize(50);
        writer.write(line("after"));
        assertThat(sink.text()).endsWith("line 49\nafter\n");
    }
}
