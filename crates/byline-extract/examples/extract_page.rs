//! Prints the reading view of a saved page as JSON:
//! `cargo run -p byline-extract --example extract_page -- FILE.html URL [FEED_AUTHOR]`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(url)) = (args.first(), args.get(1)) else {
        eprintln!("usage: extract_page FILE.html URL [FEED_AUTHOR]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let url = match url::Url::parse(url) {
        Ok(u) => u,
        Err(e) => {
            eprintln!("{url}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match byline_extract::extract(&bytes, None, &url, args.get(2).map(String::as_str)) {
        Ok(article) => {
            println!("{}", serde_json::to_string_pretty(&article).expect("serializable"));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
