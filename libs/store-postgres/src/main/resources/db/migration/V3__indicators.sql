-- StreamForge schema v3: indicator values keyed by (symbol, interval, name, open_time_us).
-- NaN (warm-up) and infinities are never stored; the key order serves range reads per
-- (symbol, interval, name).

CREATE TABLE indicator_values (
    symbol              text        NOT NULL,
    interval            text        NOT NULL,
    name                text        NOT NULL,
    open_time_us        bigint      NOT NULL,
    value               double precision NOT NULL
        CHECK (value NOT IN ('NaN', 'Infinity', '-Infinity')),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (symbol, interval, name, open_time_us)
);
