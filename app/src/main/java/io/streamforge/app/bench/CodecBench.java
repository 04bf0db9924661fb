package io.streamforge.app.bench;

import io.streamforge.domain.MarketRecord;
import io.streamforge.domain.TimeRange;
import io.streamforge.kafka.DataMessage;
import io.streamforge.kafka.RecordCodec;
import io.streamforge.sim.MarketModel;
import io.streamforge.sim.SimConfig;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Function;

/**
 * {@code bench codec}: the CPU per record of the data-topic JSON codec ({@link RecordCodec}: encode
 * in the loaders, decode in the connector) against a compact binary prototype ({@link
 * BinaryCodecPrototype}) on the same records (candles 1m + aggTrades from the simulator's model).
 * Single-threaded, timed with this thread's CPU time (so other work on a shared machine does not
 * count); best of {@code --rounds} after one warm-up round. Decisions: ADR 2901.
 */
public final class CodecBench {

    public record Options(List<io.streamforge.domain.Symbol> symbols, String days, int rounds) {}

    /** µs of CPU per record to encode and to decode, and bytes per record. */
    public record Codec(double encodeMicros, double decodeMicros, double bytesPerRecord) {
        double total() {
            return encodeMicros + decodeMicros;
        }
    }

    public record Result(long records, Codec json, Codec binary) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CodecBench() {}

    public static Result run(Options o, PrintStream out) {
        MarketModel model = new MarketModel(SimConfig.defaults().withSymbols(o.symbols()));
        List<MarketRecord> records =
                SinkBench.records(model, o.symbols(), TimeRange.parseDays(o.days()));
        out.printf("» %,d records; %d rounds after a warm-up round%n", records.size(), o.rounds());
        Codec json = null;
        Codec binary = null;
        for (int round = 0; round <= o.rounds(); round++) {
            Codec j =
                    measure(
                            records,
                            RecordCodec::encode,
                            b -> ((DataMessage.Data) RecordCodec.decode(b)).record());
            Codec b = measure(records, BinaryCodecPrototype::encode, BinaryCodecPrototype::decode);
            if (round > 0) {
                json = json == null || j.total() < json.total() ? j : json;
                binary = binary == null || b.total() < binary.total() ? b : binary;
            }
        }
        Result r = new Result(records.size(), json, binary);
        print(r, out);
        return r;
    }

    private static Codec measure(
            List<MarketRecord> records,
            Function<MarketRecord, byte[]> encode,
            Function<byte[], MarketRecord> decode) {
        byte[][] encoded = new byte[records.size()][];
        long bytes = 0;
        long c0 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = encode.apply(records.get(i));
        }
        long c1 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < encoded.length; i++) {
            if (!decode.apply(encoded[i]).equals(records.get(i))) {
                throw new IllegalStateException("codec round trip differs at record " + i);
            }
            bytes += encoded[i].length;
        }
        long c2 = THREADS.getCurrentThreadCpuTime();
        double n = records.size();
        return new Codec((c1 - c0) / 1e3 / n, (c2 - c1) / 1e3 / n, bytes / n);
    }

    private static void print(Result r, PrintStream out) {
        out.println();
        out.printf("records (candles 1m + aggTrades)  %,12d%n", r.records());
        out.println(
                "                          encode µs   decode µs   bytes/record  (thread CPU, best round)");
        row(out, "JSON (RecordCodec)", r.json());
        row(out, "binary prototype", r.binary());
        out.printf(
                "codec CPU per record JSON − binary  %.2f µs  (encode + decode; decode includes the"
                        + " equality check on both)%n",
                r.json().total() - r.binary().total());
    }

    private static void row(PrintStream out, String name, Codec c) {
        out.printf(
                "%-24s %10.2f %11.2f %14.1f%n",
                name, c.encodeMicros(), c.decodeMicros(), c.bytesPerRecord());
    }
}
