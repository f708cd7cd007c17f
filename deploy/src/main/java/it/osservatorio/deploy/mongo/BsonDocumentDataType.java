package it.osservatorio.deploy.mongo;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stored documents written as BSON (length-prefixed) instead of by Java serialization. H2's default value type writes
 * each document with an {@code ObjectOutputStream}, class descriptors and all, every time the page holding it is
 * saved: under write load that was about half of the embedded server's CPU and most of its garbage. BSON is what the
 * server decodes every document from and encodes it back to on the wire, so it keeps every value a client can store.
 */
final class BsonDocumentDataType extends BasicDataType<Document> {

    static final BsonDocumentDataType INSTANCE = new BsonDocumentDataType();

    private static final Comparator<Object> VALUES = ValueComparator.asc();

    private BsonDocumentDataType() {}

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, encoded);
            int length = encoded.readableBytes();
            buffer.putVarInt(length);
            buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
        } finally {
            encoded.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        ByteBuf encoded = Unpooled.wrappedBuffer(bytes);
        try {
            return BsonDecoder.decodeBson(encoded);
        } finally {
            encoded.release();
        }
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Only equality matters for stored values (H2 asks when it replaces one conditionally). */
    @Override
    public int compare(Document a, Document b) {
        if (a == b || a.equals(b)) {
            return 0;
        }
        int byValue = VALUES.compare(a, b);
        return byValue != 0 ? byValue : Integer.compare(a.hashCode(), b.hashCode()) | 1;
    }

    /** An estimate of the heap the document takes, which H2 uses to size its pages, cache and save buffer. */
    @Override
    public int getMemory(Document document) {
        return 64 + memory(document);
    }

    private static int memory(Object value) {
        return switch (value) {
            case null -> 8;
            case String text -> 48 + 2 * text.length();
            case Map<?, ?> map -> {
                int total = 64;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    total += 40 + memory(entry.getKey()) + memory(entry.getValue());
                }
                yield total;
            }
            case Collection<?> list -> {
                int total = 48;
                for (Object element : list) {
                    total += 8 + memory(element);
                }
                yield total;
            }
            case byte[] bytes -> 24 + bytes.length;
            default -> 32;
        };
    }
}
