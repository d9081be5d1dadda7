//! Other posts of a WordPress page: WordPress marks the body of a post's
//! own page with the post's number (`postid-1806`, `page-id-12` on a page)
//! and the element of every post it prints with its own (`post-1806`,
//! `post-7816`). Posts printed beside the page's own (the next articles
//! of an endless scroll, cards of other posts, even inside the post's
//! element) are not its article.

use dom_query::{Document, NodeRef};

use crate::dom::tag;

/// Drops the elements of posts other than the page's own, when the body
/// names the page's post and an element of that post is on the page (so
/// a page whose own post is not marked keeps everything); an element that
/// holds the page's own post stays.
pub(super) fn remove_other_posts(doc: &Document) {
    let Some(body) = doc.body() else { return };
    let Some(own) = body.attr("class").as_deref().and_then(page_post_number) else { return };
    let posts: Vec<(NodeRef, String)> =
        doc.select("[class*='post-']").nodes().iter().filter_map(|node| Some((*node, post_number(node)?))).collect();
    let Some((own_post, _)) = posts.iter().find(|(_, n)| *n == own) else { return };
    for (node, n) in &posts {
        let holds_own = node.id == own_post.id || own_post.ancestors_it(None).any(|a| a.id == node.id);
        if *n != own && !holds_own && !matches!(tag(node).as_str(), "html" | "body") {
            node.remove_from_parent();
        }
    }
}

/// The number of the post a WordPress body class names (`postid-1806`,
/// `page-id-12`).
fn page_post_number(class: &str) -> Option<String> {
    class.split_whitespace().find_map(|w| {
        let n = w.strip_prefix("postid-").or_else(|| w.strip_prefix("page-id-"))?;
        is_number(n).then(|| n.to_string())
    })
}

/// The number of the post whose element `node` is (`class="post-7816 post
/// type-post"`).
fn post_number(node: &NodeRef) -> Option<String> {
    let class = node.attr("class")?;
    let n = class.split_whitespace().find_map(|w| w.strip_prefix("post-").filter(|n| is_number(n)))?;
    Some(n.to_string())
}

/// Whether `s` is digits only, one at least.
fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use crate::cleanup::tests::clean;

    #[test]
    fn the_posts_printed_beside_or_inside_the_pages_own_go_and_the_post_stays() {
        let out = clean(
            r#"<body class="single single-post postid-1806"><div id="primary">
               <article class="post-1806 post type-post"><h1>Only those who love themselves</h1>
               <p>The post's own text, long enough to be read as the article by anyone.</p>
               <article class="post-7816 post type-post"><p>Another post's whole text, printed inside.</p></article>
               </article>
               <article class="post-241137 post type-post"><p>The next article of an endless scroll.</p></article>
               <li class="post-99 recent">A recent post in the sidebar</li></div></body>"#,
        );
        for gone in ["Another post's", "endless scroll", "recent post"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in ["Only those who love", "The post's own text"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

    #[test]
    fn a_page_whose_own_post_is_not_marked_or_not_named_keeps_every_post() {
        let other = r#"<article class="post-7 post"><p>A post printed in the page, maybe its own.</p></article>"#;
        // The body names post 12 (a WordPress page), but no element is post 12's.
        let out = clean(&format!(r#"<body class="page page-id-12"><main><h1>T</h1>{other}</main></body>"#));
        assert!(out.contains("maybe its own"), "{out}");
        // The body names no post.
        let out = clean(&format!(r#"<body class="home"><main><h1>T</h1>{other}</main></body>"#));
        assert!(out.contains("maybe its own"), "{out}");
    }

    #[test]
    fn a_pages_own_post_is_found_by_the_page_id_too_and_what_holds_it_stays() {
        let out = clean(
            r#"<body class="page-template page page-id-12"><div class="post-3 wrapper">
               <div class="post-12 page type-page"><p>The page's own text.</p></div></div>
               <div class="post-4 page"><p>Another page's text.</p></div></body>"#,
        );
        assert!(out.contains("The page's own text"), "{out}");
        assert!(!out.contains("Another page's"), "{out}");
    }
}
