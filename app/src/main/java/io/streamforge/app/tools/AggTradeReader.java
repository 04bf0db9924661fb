package io.streamforge.app.tools;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Symbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams aggTrades of one symbol from a file: the REST JSON array of objects ({@code
 * a,p,q,f,l,T,m,M}; other fields ignored) or the data.binance.vision CSV ({@code agg_id, price,
 * qty, first_id, last_id, time, is_buyer_maker[, is_best_match]}, {@code True/False}, header
 * optional as in newer futures dumps). Times may be ms or µs, detected from the first trade. Errors
 * thrown while a trade is handled (by the reader or by the consumer) get the file and line
 * prepended.
 */
final class AggTradeReader {
    /** What was read. */
    record Summary(String format, EpochUnit unit, long trades) {}

    private static final String[] JSON_FIELDS = {"a", "p", "q", "f", "l", "T", "m"};
    private static final String[] CSV_NAMES = {
        "agg_id", "price", "qty", "first_id", "last_id", "time", "is_buyer_maker", "is_best_match"
    };

    private final Path file;
    private final Symbol symbol;
    private final Consumer<AggTrade> sink;
    private EpochUnit unit;
    private long count;

    AggTradeReader(Path file, Symbol symbol, Consumer<AggTrade> sink) {
        this.file = file;
        this.symbol = symbol;
        this.sink = sink;
    }

    /** The unit of the file's timestamps; null until the first trade was read. */
    EpochUnit unit() {
        return unit;
    }

    /** Reads the whole file, handing each aggTrade to the consumer in file order. */
    Summary read() {
        boolean json = Fields.looksLikeJson(file);
        try {
            if (json) {
                readJson();
            } else {
                readCsv();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (count == 0) {
            throw new IllegalArgumentException(file + ": no aggTrades in the file");
        }
        return new Summary(json ? "REST JSON aggTrades" : "vision CSV aggTrades", unit, count);
    }

    private void readCsv() throws IOException {
        Fields.forEachCsvRow(
                file,
                (f, where, first) -> {
                    if (first && !Fields.isInteger(f[0])) {
                        return; // header
                    }
                    if (f.length < 7 || f.length > 8) {
                        throw new IllegalArgumentException(
                                where
                                        + ": "
                                        + f.length
                                        + " fields, expected 7 or 8 (aggTrades layout)");
                    }
                    String[] v = {
                        f[0], f[1], f[2], f[3], f[4], f[5], f[6], f.length > 7 ? f[7] : null
                    };
                    emit(v, where);
                });
    }

    private void readJson() throws IOException {
        try (JsonParser p = Fields.JSON.createParser(Fields.open(file))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(file + ": expected a JSON array of aggTrades");
            }
            int record = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                record++;
                String where = Fields.where(file, p, record);
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException(
                            where + ": expected an aggTrade object {\"a\":..,\"p\":..,...}");
                }
                emit(jsonObject(p, where), where);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    file + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String[] jsonObject(JsonParser p, String where) throws IOException {
        Map<String, String> m = new HashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isStructStart()) {
                p.skipChildren();
            } else {
                m.put(name, p.getText());
            }
        }
        String[] v = new String[8];
        for (int i = 0; i < JSON_FIELDS.length; i++) {
            v[i] = m.get(JSON_FIELDS[i]);
            if (v[i] == null) {
                throw new IllegalArgumentException(
                        where + ": missing field '" + JSON_FIELDS[i] + "' (" + CSV_NAMES[i] + ")");
            }
        }
        v[7] = m.get("M");
        return v;
    }

    /** Fields in vision CSV order; the best-match flag may be null (defaults to true). */
    private void emit(String[] v, String where) {
        try {
            long time = Fields.parseLong(v[5], where, CSV_NAMES[5]);
            if (unit == null) {
                unit = EpochUnit.of(time);
            }
            AggTrade t =
                    new AggTrade(
                            symbol,
                            Fields.parseLong(v[0], where, CSV_NAMES[0]),
                            Fields.parseDecimal(v[1], where, CSV_NAMES[1]),
                            Fields.parseDecimal(v[2], where, CSV_NAMES[2]),
                            Fields.parseLong(v[3], where, CSV_NAMES[3]),
                            Fields.parseLong(v[4], where, CSV_NAMES[4]),
                            unit.checkedMicros(time, where),
                            Fields.parseBoolean(v[6], where, CSV_NAMES[6]),
                            v[7] == null || Fields.parseBoolean(v[7], where, CSV_NAMES[7]));
            if (t.price().signum() < 0 || t.qty().signum() < 0) {
                throw new IllegalArgumentException(
                        "negative price or quantity (" + v[1] + ", " + v[2] + ")");
            }
            sink.accept(t);
            count++;
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IllegalArgumentException(
                    msg.startsWith(file.toString()) ? msg : where + ": " + msg, e);
        }
    }
}
