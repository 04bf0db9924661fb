package io.streamforge.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One kline. Identified by (symbol, interval, open time). Decimals are normalised on construction.
 * {@code closeTimeUs} follows Binance's kline convention: next open time minus 1 ms. Sources in µs
 * precision (REST/WebSocket with the MICROSECOND time unit, dump files from 2025) report next open
 * minus 1 µs; that form is normalised here so every source yields the identical record.
 */
public record Candle(
        Symbol symbol,
        Interval interval,
        long openTimeUs,
        long closeTimeUs,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal quoteVolume,
        long tradeCount,
        BigDecimal takerBuyBaseVolume,
        BigDecimal takerBuyQuoteVolume)
        implements MarketRecord {

    public Candle {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        if (closeTimeUs == interval.nextOpenTime(openTimeUs) - 1) {
            closeTimeUs = interval.closeTimeOf(openTimeUs);
        }
        open = Decimals.normalize(open);
        high = Decimals.normalize(high);
        low = Decimals.normalize(low);
        close = Decimals.normalize(close);
        volume = Decimals.normalize(volume);
        quoteVolume = Decimals.normalize(quoteVolume);
        takerBuyBaseVolume = Decimals.normalize(takerBuyBaseVolume);
        takerBuyQuoteVolume = Decimals.normalize(takerBuyQuoteVolume);
        if (closeTimeUs < openTimeUs) {
            throw new IllegalArgumentException("close_time_us before open_time_us");
        }
        if (tradeCount < 0) {
            throw new IllegalArgumentException("trade_count negative");
        }
    }

    @Override
    public String key() {
        return RecordKeys.candle(Market.SPOT, symbol, interval, openTimeUs);
    }

    @Override
    public long timeUs() {
        return openTimeUs;
    }

    @Override
    public String kind() {
        return "candle";
    }

    /** Problems that make this candle invalid (empty when valid): high/low envelope, negatives. */
    public java.util.List<String> violations() {
        var out = new java.util.ArrayList<String>();
        if (high.compareTo(low) < 0) out.add("high < low");
        if (high.compareTo(open) < 0 || high.compareTo(close) < 0) out.add("high below open/close");
        if (low.compareTo(open) > 0 || low.compareTo(close) > 0) out.add("low above open/close");
        if (volume.signum() < 0 || quoteVolume.signum() < 0) out.add("negative volume");
        if (interval.openTimeOf(openTimeUs) != openTimeUs)
            out.add("open_time_us not aligned to " + interval.code());
        return out;
    }
}
