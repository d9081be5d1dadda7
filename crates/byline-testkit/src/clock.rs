//! The fixed clock of every generated feed, so that runs compare.

use chrono::{DateTime, Duration, TimeZone, Utc};

/// The date of item 0 of every generated feed; item `i` is `i` hours older.
pub(crate) fn item_date(i: usize) -> DateTime<Utc> {
    let base = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
    base - Duration::hours(i as i64)
}
