package dev.trellis.storage;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The stored form of a collection's documents in the H2 file: BSON, behind a tag H2's own format does not use. H2's
 * default writes each document with Java serialization, and every commit writes each changed page whole, so a turn
 * re-serialized the conversation document (its 200-entry transcript) and its page neighbours several times; that was
 * the largest single cost the profile of {@code TurnLatencyBenchmark} showed. BSON is the form the documents
 * arrive and leave in anyway, so it keeps every value the wire protocol can carry.
 *
 * <p>Values written before (Java serialization, H2's tags) are read as they are and written as BSON the next time
 * their page is written. A file written in this form cannot be read by a Trellis from before it.
 */
final class BsonDocumentType extends ObjectDataType {

    /** Not a type or tag of {@link ObjectDataType} (those end at 119). */
    static final byte BSON = 127;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document)) {
            super.write(buffer, value);
            return;
        }
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON).putVarInt(bson.readableBytes()).put(ByteBufUtil.getBytes(bson));
        } finally {
            bson.release();
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }
}
