-- What kind of failure a feed's last error was, so the UI can say it in the
-- reader's language ('unreachable', 'server_error', 'rate_limited',
-- 'not_a_feed', 'too_large', 'other'); the raw message stays in last_error.
ALTER TABLE feeds ADD COLUMN last_error_kind TEXT;
