package it.osservatorio.deploy.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Unique index keys ordered by their values in MongoDB's comparison order and stored as BSON. H2's default key type
 * would compare two keys by Java-serializing both at every step of a B-tree search, and writes them with an {@code
 * ObjectOutputStream} at every page save (ADR 0009, 0017). Only where two different keys compare equal as values (a
 * rare mix of types) do their encoded bytes decide, which keeps the order total and two keys the same only when they
 * are equal.
 */
final class KeyValueDataType extends BasicDataType<KeyValue> {

    static final KeyValueDataType INSTANCE = new KeyValueDataType();

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    private static final byte MISSING = 0;
    private static final byte PRESENT = 1;
    private static final String VALUE_FIELD = "v";

    private KeyValueDataType() {}

    @Override
    public int compare(KeyValue left, KeyValue right) {
        if (left == right) {
            return 0;
        }
        int shared = Math.min(left.size(), right.size());
        for (int i = 0; i < shared; i++) {
            Object leftValue = left.get(i);
            Object rightValue = right.get(i);
            // ids are strings: MongoDB's order for two strings is String.compareTo, which ValueComparator reaches
            // only after its checks of every other type, at each step of every B-tree search
            int byValue = leftValue instanceof String leftString && rightValue instanceof String rightString
                    ? leftString.compareTo(rightString)
                    : VALUES.compare(leftValue, rightValue);
            if (byValue != 0) {
                return byValue;
            }
        }
        int bySize = Integer.compare(left.size(), right.size());
        if (bySize != 0 || left.equals(right)) {
            return bySize;
        }
        return Arrays.compare(encode(left), encode(right));
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        byte[] encoded = encode(key);
        buffer.putVarInt(encoded.length);
        buffer.put(encoded);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        byte[] encoded = new byte[length];
        buffer.get(encoded);
        return decode(encoded);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 40 * key.size();
    }

    /** Per value a marker byte, then (unless the field is missing) a BSON document {@code {v: value}}. */
    static byte[] encode(KeyValue key) {
        ByteBuf encoded = Unpooled.buffer(64);
        try {
            encoded.writeByte(key.size());
            for (Object value : key) {
                if (value instanceof Missing) {
                    encoded.writeByte(MISSING);
                } else {
                    encoded.writeByte(PRESENT);
                    BsonEncoder.encodeDocument(new Document(VALUE_FIELD, value), encoded);
                }
            }
            byte[] bytes = new byte[encoded.readableBytes()];
            encoded.readBytes(bytes);
            return bytes;
        } finally {
            encoded.release();
        }
    }

    static KeyValue decode(byte[] bytes) {
        ByteBuf encoded = Unpooled.wrappedBuffer(bytes);
        try {
            int size = encoded.readUnsignedByte();
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                if (encoded.readByte() == MISSING) {
                    values.add(Missing.getInstance());
                } else {
                    values.add(BsonDecoder.decodeBson(encoded).get(VALUE_FIELD));
                }
            }
            return new KeyValue(values);
        } finally {
            encoded.release();
        }
    }
}
