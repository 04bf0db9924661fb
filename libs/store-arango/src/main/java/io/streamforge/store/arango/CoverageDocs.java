package io.streamforge.store.arango;

import io.streamforge.domain.PermanentException;
import io.streamforge.domain.TimeRange;
import io.streamforge.domain.coverage.CoverageKey;
import io.streamforge.domain.coverage.Gap;
import io.streamforge.domain.coverage.GapStatus;
import io.streamforge.domain.coverage.IdRange;
import io.streamforge.domain.coverage.Received;
import io.streamforge.domain.coverage.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Documents of {@code coverage_received} and {@code coverage_gaps}: the key parts ({@code symbol},
 * {@code stream}, {@code interval} — {@code ""} for streams without one), µs integers {@code
 * start_us}/{@code end_us}, gap ids as {@code first_id}/{@code last_id} (absent without ids), and
 * {@code _key} = the first 40 hex digits of SHA-256 over the identity of the entry (received: key,
 * source, queue, start; gap: key, start). Stored entries of one identity never overlap, so the
 * start identifies them; hashing keeps any queue id (whatever its characters or length) inside
 * ArangoDB's key alphabet and 254-byte limit.
 */
final class CoverageDocs {
    private CoverageDocs() {}

    static Map<String, Object> received(Received r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_key", hash(keyParts(r.key()), r.source().wire(), r.queueId(), r.range().startUs()));
        putKey(d, r.key());
        d.put("source", r.source().wire());
        d.put("queue_id", r.queueId());
        d.put("start_us", r.range().startUs());
        d.put("end_us", r.range().endUs());
        return d;
    }

    static Map<String, Object> gap(Gap g) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_key", hash(keyParts(g.key()), g.range().startUs()));
        putKey(d, g.key());
        d.put("start_us", g.range().startUs());
        d.put("end_us", g.range().endUs());
        d.put("status", g.status().wire());
        d.put("reason", g.reason());
        if (g.ids() != null) { // absent otherwise (the driver drops null attributes anyway)
            d.put("first_id", g.ids().firstId());
            d.put("last_id", g.ids().lastId());
        }
        d.put("queue_id", g.queueId());
        return d;
    }

    /** The bind variables {@code symbol}, {@code stream}, {@code interval} of a key. */
    static Map<String, Object> keyBind(CoverageKey k) {
        Map<String, Object> bind = new HashMap<>();
        putKey(bind, k);
        return bind;
    }

    private static void putKey(Map<String, Object> d, CoverageKey k) {
        d.put("symbol", k.symbol().value());
        d.put("stream", k.stream().wire());
        d.put("interval", k.intervalCode());
    }

    static Received toReceived(Map<String, Object> d) {
        try {
            return new Received(
                    key(d),
                    new TimeRange(MarketDocs.number(d, "start_us"), MarketDocs.number(d, "end_us")),
                    Source.of(MarketDocs.text(d, "source")),
                    MarketDocs.text(d, "queue_id"));
        } catch (IllegalArgumentException e) {
            throw corrupt(d, e);
        }
    }

    static Gap toGap(Map<String, Object> d) {
        try {
            IdRange ids =
                    d.get("first_id") == null
                            ? null
                            : new IdRange(
                                    MarketDocs.number(d, "first_id"),
                                    MarketDocs.number(d, "last_id"));
            return new Gap(
                    key(d),
                    new TimeRange(MarketDocs.number(d, "start_us"), MarketDocs.number(d, "end_us")),
                    GapStatus.of(MarketDocs.text(d, "status")),
                    MarketDocs.text(d, "reason"),
                    ids,
                    MarketDocs.text(d, "queue_id"));
        } catch (IllegalArgumentException e) {
            throw corrupt(d, e);
        }
    }

    static CoverageKey key(Map<String, Object> d) {
        return CoverageKey.parse(
                MarketDocs.text(d, "symbol"),
                MarketDocs.text(d, "stream"),
                MarketDocs.text(d, "interval"));
    }

    private static PermanentException corrupt(Map<String, Object> d, RuntimeException e) {
        return new PermanentException("document " + d.get("_key") + ": " + e.getMessage(), e);
    }

    private static String keyParts(CoverageKey k) {
        return k.symbol().value() + '\u0000' + k.stream().wire() + '\u0000' + k.intervalCode();
    }

    static String hash(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object p : parts) {
            s.append(p).append('\u0000');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
