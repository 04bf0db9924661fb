package io.streamforge.sim;

import io.streamforge.domain.AggTrade;
import io.streamforge.domain.Candle;
import io.streamforge.domain.Micros;
import io.streamforge.domain.Trade;

/**
 * The CSV inside a dump zip, as data.binance.vision writes it: no header, 8-decimal numbers, {@code
 * True/False}, timestamps in ms or µs.
 */
final class DumpCsv {
    private DumpCsv() {}

    /** The CSV rows (no header) of a dump file. */
    static String csv(MarketModel model, DumpFiles.Spec spec, boolean us) {
        long start = Micros.of(spec.first());
        long end = Micros.of(spec.end());
        StringBuilder sb = new StringBuilder(1 << 16);
        switch (spec.kind()) {
            case "klines":
                for (Candle c : model.klines(spec.symbol(), spec.interval(), start, end)) {
                    long next = c.closeTimeUs() + 1_000L;
                    sb.append(JsonOut.time(c.openTimeUs(), us))
                            .append(',')
                            .append(JsonOut.decimal(c.open()))
                            .append(',')
                            .append(JsonOut.decimal(c.high()))
                            .append(',')
                            .append(JsonOut.decimal(c.low()))
                            .append(',')
                            .append(JsonOut.decimal(c.close()))
                            .append(',')
                            .append(JsonOut.decimal(c.volume()))
                            .append(',')
                            .append(us ? next - 1 : next / 1_000L - 1)
                            .append(',')
                            .append(JsonOut.decimal(c.quoteVolume()))
                            .append(',')
                            .append(c.tradeCount())
                            .append(',')
                            .append(JsonOut.decimal(c.takerBuyBaseVolume()))
                            .append(',')
                            .append(JsonOut.decimal(c.takerBuyQuoteVolume()))
                            .append(",0\n");
                }
                break;
            case "aggTrades":
                for (AggTrade t : model.aggTrades(spec.symbol(), start, end)) {
                    sb.append(t.aggId())
                            .append(',')
                            .append(JsonOut.decimal(t.price()))
                            .append(',')
                            .append(JsonOut.decimal(t.qty()))
                            .append(',')
                            .append(t.firstTradeId())
                            .append(',')
                            .append(t.lastTradeId())
                            .append(',')
                            .append(JsonOut.time(t.timeUs(), us))
                            .append(',')
                            .append(bool(t.buyerMaker()))
                            .append(',')
                            .append(bool(t.bestMatch()))
                            .append('\n');
                }
                break;
            default:
                trades(model, spec, start, end, us, sb);
        }
        return sb.toString();
    }

    private static void trades(
            MarketModel model,
            DumpFiles.Spec spec,
            long start,
            long end,
            boolean us,
            StringBuilder sb) {
        long next = model.firstTradeIdAtOrAfter(spec.symbol(), start);
        long stop = model.firstTradeIdAtOrAfter(spec.symbol(), end);
        while (next < stop) {
            int n = (int) Math.min(10_000, stop - next);
            for (Trade t : model.tradesFromId(spec.symbol(), next, n)) {
                sb.append(t.tradeId())
                        .append(',')
                        .append(JsonOut.decimal(t.price()))
                        .append(',')
                        .append(JsonOut.decimal(t.qty()))
                        .append(',')
                        .append(JsonOut.decimal(t.quoteQty()))
                        .append(',')
                        .append(JsonOut.time(t.timeUs(), us))
                        .append(',')
                        .append(bool(t.buyerMaker()))
                        .append(',')
                        .append(bool(t.bestMatch()))
                        .append('\n');
            }
            next += n;
        }
    }

    private static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
