//! `byline-fixture-server DIR [--port N]`: serves the files under DIR on
//! 127.0.0.1 (see `byline_testkit::FixtureServer::serve_dir`), prints the base
//! URL (`http://127.0.0.1:PORT`) as the first line of stdout, and serves until
//! killed. For end-to-end tests and benchmarks that run outside Rust tests.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: byline-fixture-server DIR [--port N]";

fn parse_args() -> Result<(PathBuf, u16), String> {
    let mut dir = None;
    let mut port = 0u16;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--port" | "-p" => {
                let v = args.next().ok_or("--port needs a value")?;
                port = v.parse().map_err(|_| format!("bad port: {v}"))?;
            }
            _ if arg.starts_with("--port=") => {
                let v = &arg["--port=".len()..];
                port = v.parse().map_err(|_| format!("bad port: {v}"))?;
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option: {arg}")),
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument: {arg}")),
        }
    }
    let dir = dir.ok_or("missing DIR")?;
    if !dir.is_dir() {
        return Err(format!("not a directory: {}", dir.display()));
    }
    Ok((dir, port))
}

#[tokio::main]
async fn main() -> ExitCode {
    let (dir, port) = match parse_args() {
        Ok(v) => v,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("byline-fixture-server: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let server = match byline_testkit::FixtureServer::serve_dir_on_port(&dir, port).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("byline-fixture-server: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", server.base_url());
    let _ = out.flush();
    drop(out);
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}
