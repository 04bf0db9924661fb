-- StreamForge schema v1: market data (idempotent upserts on the record key) and queues.
-- Decimals are NUMERIC without precision so every Binance value round-trips exactly.

CREATE TABLE candles (
    key                 text        PRIMARY KEY,
    symbol              text        NOT NULL,
    interval            text        NOT NULL,
    open_time_us        bigint      NOT NULL,
    close_time_us       bigint      NOT NULL,
    open                numeric     NOT NULL,
    high                numeric     NOT NULL,
    low                 numeric     NOT NULL,
    close               numeric     NOT NULL,
    volume              numeric     NOT NULL,
    quote_volume        numeric     NOT NULL,
    trade_count         bigint      NOT NULL,
    taker_buy_base      numeric     NOT NULL,
    taker_buy_quote     numeric     NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX candles_symbol_interval_open_time ON candles (symbol, interval, open_time_us);

CREATE TABLE agg_trades (
    key                 text        PRIMARY KEY,
    symbol              text        NOT NULL,
    agg_id              bigint      NOT NULL,
    price               numeric     NOT NULL,
    qty                 numeric     NOT NULL,
    first_trade_id      bigint      NOT NULL,
    last_trade_id       bigint      NOT NULL,
    time_us             bigint      NOT NULL,
    buyer_maker         boolean     NOT NULL,
    best_match          boolean     NOT NULL,
    invalidated         boolean     NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agg_trades_symbol_time ON agg_trades (symbol, time_us);

CREATE TABLE trades (
    key                 text        PRIMARY KEY,
    symbol              text        NOT NULL,
    trade_id            bigint      NOT NULL,
    price               numeric     NOT NULL,
    qty                 numeric     NOT NULL,
    quote_qty           numeric     NOT NULL,
    time_us             bigint      NOT NULL,
    buyer_maker         boolean     NOT NULL,
    best_match          boolean     NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trades_symbol_time ON trades (symbol, time_us);

CREATE TABLE queues (
    queue_id            text        PRIMARY KEY,
    short_id            text,
    symbols             text[]      NOT NULL,
    type                text,
    time_range          text,
    kafka_topic         text,
    collection_name     text,
    status              text        NOT NULL
        CHECK (status IN ('pending', 'running', 'finished', 'failed', 'interrupted')),
    created_at_us       bigint      NOT NULL,
    updated_at_us       bigint      NOT NULL,
    spec_json           text
);
CREATE INDEX queues_created_at ON queues (created_at_us DESC, queue_id DESC);

CREATE TABLE queue_steps (
    queue_id            text        NOT NULL REFERENCES queues (queue_id) ON DELETE CASCADE,
    telemetry_id        text        NOT NULL,
    position            int         NOT NULL,
    target              text        NOT NULL,
    type                text,
    job_name            text,
    depends_on          text[]      NOT NULL,
    status              text        NOT NULL
        CHECK (status IN ('pending', 'running', 'finished', 'failed', 'interrupted')),
    records_written     bigint      NOT NULL,
    message             text        NOT NULL,
    updated_at_us       bigint      NOT NULL,
    PRIMARY KEY (queue_id, telemetry_id)
);
