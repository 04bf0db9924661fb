package io.streamforge.binance.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"a","p","q","f","l","T","m","M"}}; invalidated records have p=q="0", f=l=-1. */
public record AggTradeDto(
        @JsonProperty("a") Long aggId,
        @JsonProperty("p") String price,
        @JsonProperty("q") String qty,
        @JsonProperty("f") Long firstTradeId,
        @JsonProperty("l") Long lastTradeId,
        @JsonProperty("T") Long time,
        @JsonProperty("m") Boolean buyerMaker,
        @JsonProperty("M") Boolean bestMatch) {}
