//! `sqlx::migrate!` embeds `migrations/` at compile time, but on stable Rust
//! it cannot tell cargo to watch the directory: a new migration file would
//! not rebuild this crate, and `Store::open` would silently skip it. This
//! makes cargo rebuild when anything in `migrations/` changes (sqlx's own
//! advice); `tests/migrations.rs` checks that every file is applied.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
