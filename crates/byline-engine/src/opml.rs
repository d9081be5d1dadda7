//! OPML import and export, with nested folders.

use std::collections::HashMap;

use byline_feeds::opml::{parse_opml, write_opml, Opml, OpmlFeed, Outline};
use byline_store::{Feed, FolderId, NewSubscription, Subscribed};
use serde::Serialize;

use crate::error::Result;
use crate::Engine;

/// What an OPML import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportReport {
    /// Feeds in the file.
    pub feeds_in_file: usize,
    /// Feeds newly subscribed.
    pub feeds_added: usize,
    /// Feeds refused (not http(s) URLs), with the reason.
    pub rejected: Vec<String>,
}

impl Engine {
    /// Subscribes to every feed in an OPML file, creating its folders. The
    /// feeds are fetched by the next sync.
    pub async fn import_opml(&self, bytes: &[u8]) -> Result<ImportReport> {
        let doc = parse_opml(bytes)?;
        let mut report = ImportReport::default();
        let mut folders: HashMap<Vec<String>, FolderId> = HashMap::new();
        let mut subscriptions = Vec::new();
        for (path, feed) in doc.feeds() {
            let folder = self.folder_for_path(&path, &mut folders).await?;
            subscriptions.push(NewSubscription {
                url: &feed.xml_url,
                folder,
                title: feed.title.as_deref().filter(|t| !t.trim().is_empty()),
            });
        }
        report.feeds_in_file = subscriptions.len();
        for result in self.store.add_feeds(&subscriptions).await? {
            match result {
                Subscribed::Added(_) => report.feeds_added += 1,
                Subscribed::Existing(_) => {}
                Subscribed::Refused(reason) => report.rejected.push(reason),
            }
        }
        Ok(report)
    }

    async fn folder_for_path(
        &self,
        path: &[String],
        cache: &mut HashMap<Vec<String>, FolderId>,
    ) -> Result<Option<FolderId>> {
        let mut parent = None;
        for depth in 1..=path.len() {
            let key = path[..depth].to_vec();
            let id = match cache.get(&key) {
                Some(id) => *id,
                None => {
                    let folder = self.store.create_folder(&path[depth - 1], parent).await?;
                    cache.insert(key, folder.id);
                    folder.id
                }
            };
            parent = Some(id);
        }
        Ok(parent)
    }

    /// Every subscription as an OPML 2.0 document, folders nested.
    pub async fn export_opml(&self) -> Result<String> {
        let folders = self.store.folders().await?;
        let feeds = self.store.feeds().await?;
        let mut by_folder: HashMap<Option<FolderId>, Vec<&Feed>> = HashMap::new();
        for feed in &feeds {
            by_folder.entry(feed.folder_id).or_default().push(feed);
        }
        let mut children: HashMap<Option<FolderId>, Vec<&byline_store::Folder>> = HashMap::new();
        for folder in &folders {
            children.entry(folder.parent_id).or_default().push(folder);
        }
        let doc =
            Opml { title: Some("Byline subscriptions".into()), outlines: outlines(None, &children, &by_folder, 0) };
        Ok(write_opml(&doc))
    }
}

fn outlines(
    parent: Option<FolderId>,
    children: &HashMap<Option<FolderId>, Vec<&byline_store::Folder>>,
    feeds: &HashMap<Option<FolderId>, Vec<&Feed>>,
    depth: usize,
) -> Vec<Outline> {
    let mut out = Vec::new();
    if depth < 64 {
        for folder in children.get(&parent).into_iter().flatten() {
            out.push(Outline::Folder {
                title: folder.name.clone(),
                children: outlines(Some(folder.id), children, feeds, depth + 1),
            });
        }
    }
    for feed in feeds.get(&parent).into_iter().flatten() {
        out.push(Outline::Feed(OpmlFeed {
            xml_url: feed.url.clone(),
            title: Some(feed.title.clone()).filter(|t| !t.is_empty()),
            html_url: feed.site_url.clone(),
        }));
    }
    out
}
