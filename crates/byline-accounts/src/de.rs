//! Lenient deserializers: servers disagree on whether ids, times and flags
//! are JSON strings, numbers or booleans.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

fn value_to_string(v: Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string or a number, as a string; `null` or absent as `None`.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?.and_then(value_to_string))
}

/// A string or a number, as a string (required).
pub(crate) fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    value_to_string(Value::deserialize(d)?).ok_or_else(|| serde::de::Error::custom("expected a string or a number"))
}

/// A number or a numeric string, as `i64`; anything else as `None`.
pub(crate) fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

/// `1`/`0`, `true`/`false` or `"1"`/`"0"`, as a bool; absent as `false`.
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Bool(b)) => b,
        Some(Value::Number(n)) => n.as_i64().is_some_and(|i| i != 0),
        Some(Value::String(s)) => matches!(s.trim(), "1" | "true"),
        _ => false,
    })
}
