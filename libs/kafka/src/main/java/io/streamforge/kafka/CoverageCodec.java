package io.streamforge.kafka;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The coverage-fact messages of the data topics (ADR 1701), part of {@link RecordCodec}. */
final class CoverageCodec {
    private CoverageCodec() {}

    /**
     * {@code {"kind":"coverage","producer","received":[{symbol,stream,interval,start_us,end_us,
     * source,queue_id}],"gaps":[{…,status,reason,first_id?,last_id?,queue_id}]}}.
     */
    static byte[] encode(DataMessage.Coverage cov) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", 1);
            g.writeStringField("kind", "coverage");
            g.writeStringField("producer", cov.producer());
            g.writeArrayFieldStart("received");
            for (Received r : cov.received()) {
                g.writeStartObject();
                writeKeyAndRange(g, r.key(), r.range());
                g.writeStringField("source", r.source().wire());
                g.writeStringField("queue_id", r.queueId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("gaps");
            for (Gap gap : cov.gaps()) {
                g.writeStartObject();
                writeKeyAndRange(g, gap.key(), gap.range());
                g.writeStringField("status", gap.status().wire());
                g.writeStringField("reason", gap.reason());
                if (gap.ids() != null) {
                    g.writeNumberField("first_id", gap.ids().firstId());
                    g.writeNumberField("last_id", gap.ids().lastId());
                }
                g.writeStringField("queue_id", gap.queueId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeKeyAndRange(JsonGenerator g, CoverageKey k, TimeRange r)
            throws IOException {
        g.writeStringField("symbol", k.symbol().value());
        g.writeStringField("stream", k.stream().wire());
        g.writeStringField("interval", k.intervalCode());
        g.writeNumberField("start_us", r.startUs());
        g.writeNumberField("end_us", r.endUs());
    }

    /** The coverage message whose fields {@code n} holds. */
    static DataMessage.Coverage decode(FlatObject n) {
        List<Received> received = new ArrayList<>();
        int i = 0;
        for (FlatObject e : n.array("received")) {
            String at = "received[" + i++ + "].";
            received.add(
                    new Received(key(e, at), range(e, at), Source.of(e.text("source")), queue(e)));
        }
        List<Gap> gaps = new ArrayList<>();
        i = 0;
        for (FlatObject e : n.array("gaps")) {
            String at = "gaps[" + i++ + "].";
            IdRange ids =
                    e.has("first_id") ? new IdRange(e.num("first_id"), e.num("last_id")) : null;
            gaps.add(
                    new Gap(
                            key(e, at),
                            range(e, at),
                            GapStatus.of(e.text("status")),
                            e.text("reason"),
                            ids,
                            queue(e)));
        }
        return new DataMessage.Coverage(n.text("producer"), received, gaps);
    }

    private static CoverageKey key(FlatObject e, String at) {
        try {
            return CoverageKey.parse(e.text("symbol"), e.text("stream"), e.textOr("interval", ""));
        } catch (IllegalArgumentException ex) {
            throw new InvalidRecordException(at + "key: " + ex.getMessage(), ex);
        }
    }

    private static TimeRange range(FlatObject e, String at) {
        long start = e.num("start_us");
        long end = e.num("end_us");
        if (end <= start) {
            throw new InvalidRecordException(
                    at + "end_us: " + end + " is not after start_us " + start);
        }
        return new TimeRange(start, end);
    }

    private static String queue(FlatObject e) {
        return e.has("queue_id") ? e.text("queue_id") : "";
    }
}
