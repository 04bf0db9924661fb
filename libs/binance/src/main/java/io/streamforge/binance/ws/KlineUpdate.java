package io.streamforge.binance.ws;

import io.streamforge.domain.Candle;
import java.util.Objects;

/**
 * A {@code kline} event: the candle so far, whether it is closed ({@code x}), and the event time.
 */
public record KlineUpdate(Candle candle, boolean closed, long eventTimeUs) {
    public KlineUpdate {
        Objects.requireNonNull(candle, "candle");
    }
}
