//! Byline desktop app: the Tauri 2 shell.
//!
//! This binary stays thin: it opens the engine (the database in the app data
//! dir), registers the plugins, the navigation guard and the IPC commands,
//! and starts the background sync (after the first article list is painted:
//! `startup.rs`). Everything else lives in `crates/`.

// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod bench_probe;
mod bindings;
#[cfg(test)]
mod command_tests;
mod commands;
mod engine_open;
mod error;
mod events;
mod images;
mod navigation;
mod search_index;
mod settings;
mod startup;
mod state;
mod sync;
mod webview_memory;
mod window_theme;

use byline_engine::{EngineConfig, DB_FILE_NAME};
use tauri::webview::PageLoadEvent;
use tauri::Manager;

use crate::startup::Step;
use crate::state::AppState;

fn main() {
    startup::start_clock();
    webview_memory::prepare_environment();
    // A local of `main`, so it lives as long as the app: Tauri keeps only its handle.
    let runtime = webview_memory::async_runtime().expect("the async runtime could not start");
    tauri::async_runtime::set(runtime.handle().clone());
    let context = tauri::generate_context!();
    let dev_url = context.config().build.dev_url.clone();
    // The window answers first: a sync's parsing yields to it.
    let config = EngineConfig { background_cpu: true, ..EngineConfig::default() };
    let early_engine = engine_open::start(&runtime, &context.config().identifier, config.clone());
    let specta = bindings::builder();

    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(navigation::navigation_guard(dev_url))
        .register_asynchronous_uri_scheme_protocol(images::THUMB_SCHEME, images::handle_thumb)
        .register_asynchronous_uri_scheme_protocol(byline_media::IMAGE_SCHEME, images::handle_media)
        .invoke_handler(specta.invoke_handler())
        .on_page_load(|_, payload| {
            if payload.event() == PageLoadEvent::Started {
                startup::mark(Step::Page);
            }
        })
        .setup(move |app| {
            startup::mark(Step::Window);
            window_theme::paint_background(app.handle());
            webview_memory::tune(app.handle());
            specta.mount_events(app);
            webview_memory::trim_after_syncs(app.handle());
            let db_path = app.path().app_data_dir()?.join(DB_FILE_NAME);
            let engine = engine_open::finish(early_engine, &db_path, config)?;
            startup::mark(Step::Database);
            let cache_dir = app.path().app_data_dir()?.join("images");
            app.manage(byline_media::MediaCache::new(cache_dir, engine.fetcher().clone()));
            app.manage(AppState::new(engine.clone()));
            search_index::spawn_rebuild(app.handle().clone(), engine);
            sync::spawn_schedule(app.handle().clone());
            Ok(())
        })
        .run(context)
        .expect("error while running the Byline app");
}
