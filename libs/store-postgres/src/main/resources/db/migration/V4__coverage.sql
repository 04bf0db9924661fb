-- StreamForge schema v4: the coverage ledger (ADR 1301).
-- Received ranges: per (key, source, queue) merged, so they never overlap or touch within that
-- group. Gaps: per key never overlapping; a new state replaces the overlapped parts. Both rules are
-- applied by the adapter under a per-key advisory lock (io.streamforge.domain.coverage.LedgerRules).
-- interval is '' for streams without one; queue_id is '' for data received outside any queue.

CREATE TABLE coverage_received (
    symbol              text        NOT NULL,
    stream              text        NOT NULL
        CHECK (stream IN ('klines', 'agg_trades', 'trades', 'depth')),
    interval            text        NOT NULL,
    source              text        NOT NULL CHECK (source IN ('dump', 'rest', 'ws')),
    queue_id            text        NOT NULL,
    start_us            bigint      NOT NULL,
    end_us              bigint      NOT NULL,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (end_us > start_us),
    CHECK ((stream = 'klines') = (interval <> '')),
    PRIMARY KEY (symbol, stream, interval, source, queue_id, start_us)
);
CREATE INDEX coverage_received_key_time ON coverage_received (symbol, stream, interval, start_us);
CREATE INDEX coverage_received_queue ON coverage_received (queue_id);

CREATE TABLE coverage_gaps (
    symbol              text        NOT NULL,
    stream              text        NOT NULL
        CHECK (stream IN ('klines', 'agg_trades', 'trades', 'depth')),
    interval            text        NOT NULL,
    start_us            bigint      NOT NULL,
    end_us              bigint      NOT NULL,
    status              text        NOT NULL CHECK (status IN ('missing', 'filled', 'expected')),
    reason              text        NOT NULL,
    first_id            bigint,
    last_id             bigint,
    queue_id            text        NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (end_us > start_us),
    CHECK ((stream = 'klines') = (interval <> '')),
    CHECK ((first_id IS NULL) = (last_id IS NULL) AND (first_id IS NULL OR first_id <= last_id)),
    PRIMARY KEY (symbol, stream, interval, start_us)
);
CREATE INDEX coverage_gaps_queue ON coverage_gaps (queue_id);
