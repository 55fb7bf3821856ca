package junction.execute.join;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import junction.json.Json;

/**
 * The remote values of one splice, each written as JSON once, by one generator, into one buffer;
 * rows refer to them as slices ({@code start << 32 | length}) and the splice copies the slices.
 */
final class ValueBuffer {
    private final Bytes bytes = new Bytes();
    private final JsonGenerator generator;
    /** The slice holding {@code null}. */
    final long nullSlice;

    ValueBuffer() {
        try {
            generator = Json.MAPPER.createGenerator(bytes);
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nullSlice = write(Json.NODES.nullNode());
    }

    long write(JsonNode value) {
        int start = bytes.size();
        try {
            generator.writeTree(value);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ((long) start << 32) | (bytes.size() - start);
    }

    static int length(long slice) {
        return (int) slice;
    }

    void copy(long slice, ByteArrayOutputStream out) {
        out.write(bytes.array(), (int) (slice >>> 32), (int) slice);
    }

    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(4096);
        }

        byte[] array() {
            return buf;
        }
    }
}
