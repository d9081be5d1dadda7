//! `share`: the link that shares an article to a messenger, for scripts and tests.

use byline_share::{share_action, ShareAction, ShareRequest, ShareTarget};
use serde_json::json;

use crate::output;

pub fn share(
    target: ShareTarget,
    url: &str,
    title: &str,
    image: Option<&str>,
    messenger_app_id: Option<&str>,
    json: bool,
) -> anyhow::Result<String> {
    let request = ShareRequest { url, title, image, messenger_app_id };
    let action = share_action(target, &request)?;
    if json {
        return Ok(output::json(&json!({ "target": target.as_str(), "action": action })));
    }
    Ok(match action {
        ShareAction::Open(link) => format!("{link}\n"),
        ShareAction::CopyThenOpen { text, url } => {
            eprintln!("byline-cli: no Messenger app id: copy the link ({text}) and paste it in Messenger");
            format!("{url}\n")
        }
    })
}
