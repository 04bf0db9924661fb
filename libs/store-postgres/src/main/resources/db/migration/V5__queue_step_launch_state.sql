-- StreamForge schema v5: what the queue-manager needs to go on after a restart (ADR 2201).
-- Per step: the attempt and its launch state (claimed before the launcher is called), the
-- timestamp of the last telemetry event applied (replays change nothing), and the job spec
-- (image, env as KEY=VALUE; never secret values, only *_FILE paths).
ALTER TABLE queue_steps
    ADD COLUMN attempt        int    NOT NULL DEFAULT 0,
    ADD COLUMN launch_state   text   NOT NULL DEFAULT 'none'
        CHECK (launch_state IN ('none', 'launching', 'launched', 'stopping')),
    ADD COLUMN last_event_us  bigint NOT NULL DEFAULT 0,
    ADD COLUMN image          text   NOT NULL DEFAULT '',
    ADD COLUMN env            text[] NOT NULL DEFAULT '{}';

-- steps that ran before this migration were launched (attempt 1): reconcile watches their jobs
UPDATE queue_steps SET launch_state = 'launched', attempt = 1 WHERE status = 'running';

-- reconcile reads only the unfinished queues (queue or step not terminal): these partial indexes
-- keep that independent of the history
CREATE INDEX queues_unfinished ON queues (created_at_us DESC, queue_id DESC)
    WHERE status IN ('pending', 'running');
CREATE INDEX queue_steps_unfinished ON queue_steps (queue_id)
    WHERE status IN ('pending', 'running');
