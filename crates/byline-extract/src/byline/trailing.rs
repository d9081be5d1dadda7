//! Credit lines at the end of the body: "Name – Role", "Name, Role",
//! "Автор: Name" (common on Azerbaijani and Russian sites), in a block of
//! their own or as the last line of the last block ("…text.<br>Name –
//! Role"), credits on several lines ("Name<br>Role", "Müəllif:
//! A<br>Fotoqraf: B"), a name alone in bold as the very last block, a name
//! and its role in the last two blocks; when the end has none, names alone
//! in bold among the body's first blocks, or a labelled credit ("By Jane
//! Doe") opening one of them before a break (a credit printed at the top).

use std::sync::LazyLock;

use byline_feeds::credit::{
    has_role_word, has_surname_ending, is_agency, is_name_shaped, name_and_role, parse_credit, spaced_initials,
    trim_separators,
};
use regex::Regex;

use super::lines::{
    contributor_line, credit, credit_lines, has_label, leading_role, role_line, strip_label, NOT_BYLINE_LINES,
};
use dom_query::{Document, NodeRef};

use super::names::Context;
use crate::dom::{br_lines, has_text, inside, opens_in_bold, tag, text_of, BOLD};
use crate::model::Author;
use crate::printed_date::{month_number, printed_date};
use crate::text::{comparable, squash};

/// A credit line found at the end of the body.
pub(crate) struct TrailingByline<'a> {
    /// The people it names, in order.
    pub authors: Vec<Author>,
    /// Whether it is an author note ("Jane Doe is a historian."), which
    /// stays in the body and names the author only when no other source
    /// names anyone ([`author_note`]).
    pub note: bool,
    nodes: Vec<NodeRef<'a>>,
}

impl TrailingByline<'_> {
    /// Removes the credit lines from the body.
    pub(crate) fn remove(&self) {
        for node in &self.nodes {
            node.remove_from_parent();
        }
    }
}

/// Finds "Name – Role" / "Name, Role" / "Автор: Name" lines at the end of
/// the extracted body.
pub(crate) fn trailing_byline<'a>(content: &'a Document, ctx: &Context) -> Option<TrailingByline<'a>> {
    let blocks: Vec<NodeRef<'a>> = content
        .select("p, div, h2, h3, h4, h5, h6, blockquote")
        .nodes()
        .iter()
        .filter(|n| !has_block_child(n) && !text_of(n).is_empty())
        .cloned()
        .collect();
    let mut found = TrailingByline { authors: Vec::new(), note: false, nodes: Vec::new() };
    for block in blocks.iter().rev().take(4) {
        let text = text_of(block);
        let first = comparable(text.split([' ', ':']).next().unwrap_or_default());
        if NOT_BYLINE_LINES.contains(&first.as_str()) && found.nodes.is_empty() {
            continue;
        }
        // "Hannu Huttunen, +358 40 344 5466<br>CEO": a press contact, never a credit.
        if PHONE_NUMBER.is_match(&text) {
            break;
        }
        let last = found.nodes.is_empty();
        match labelled_lines(block, ctx)
            .or_else(|| parse_credit_line(&text, ctx))
            .or_else(|| signature(block, ctx))
            .or_else(|| {
                if last {
                    bold_name(block, &text, ctx).or_else(|| dash_signature(block, &text, ctx))
                } else {
                    None
                }
            }) {
            Some(mut authors) => {
                authors.append(&mut found.authors);
                found.authors = authors;
                found.nodes.push(*block);
            }
            None => {
                // "…the last sentence.<br>Name – Role": the last block's last line.
                if found.nodes.is_empty() {
                    if let Some((line, nodes)) = last_line(block) {
                        if let Some(authors) = parse_credit_line(&line, ctx) {
                            found.authors = authors;
                            found.nodes = nodes;
                        }
                    }
                }
                break;
            }
        }
    }
    if found.authors.is_empty() {
        if let [.., name_block, role_block] = blocks.as_slice() {
            if let Some(signed) = name_above_role(name_block, role_block, ctx) {
                return Some(signed);
            }
        }
        return leading_bold_names(&blocks, ctx)
            .or_else(|| leading_by_line(&blocks, ctx))
            .or_else(|| dateline_credit(&blocks, ctx))
            .or_else(|| author_note(&blocks, ctx));
    }
    (!found.authors.is_empty()).then_some(found)
}

/// A telephone number: a contact's, which no credit line holds.
static PHONE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\+?\d[\d \-/()]{7,}\d").unwrap());

/// Words that join a person's name to what they are in an author note
/// ("Jane Doe is a historian", "Andrés Malamud es politólogo").
const NOTE_COPULAS: &[&str] = &["is", "es", "ist", "est", "é", "è", "является", "являются"];

/// Articles left out of the role an author note states ("is a historian").
const NOTE_ARTICLES: &[&str] = &["a", "an", "the", "un", "una", "ein", "eine", "une"];

/// The most people an author note names.
const NOTE_PEOPLE: usize = 3;

/// An author note at the end of an opinion piece: the body's last block,
/// all in italics or bold, whose sentences open with a person's name and
/// "is" ("<p><b><i>Andrés Malamud es politólogo e investigador en la
/// Universidad de Lisboa. Martín Schapiro es abogado …</i></b></p>"):
/// the people, each with what the sentence says they are as their role
/// (up to [`ROLE_MAX_WORDS`] words, an article before it left out). The
/// first sentence must name someone; a later one that names nobody is
/// read past. The note stays in the body.
fn author_note<'a>(blocks: &[NodeRef<'a>], ctx: &Context) -> Option<TrailingByline<'a>> {
    let block = blocks.last()?;
    if !is_emphasized_only(block) {
        return None;
    }
    let text = squash(&text_of(block));
    let mut parts = sentences(&text).into_iter();
    let mut people = vec![note_person(parts.next()?, ctx)?];
    people.extend(parts.filter_map(|s| note_person(s, ctx)));
    people.truncate(NOTE_PEOPLE);
    let authors = ctx.keep_people(people);
    (!authors.is_empty()).then_some(TrailingByline { authors, note: true, nodes: Vec::new() })
}

/// The most words of a role an author note states.
const ROLE_MAX_WORDS: usize = 10;

/// The person a sentence of an author note names, with their role: a name
/// (two to four capitalized words), a copula ([`NOTE_COPULAS`]), then what
/// they are.
fn note_person(sentence: &str, ctx: &Context) -> Option<Author> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| NOTE_COPULAS.contains(&w.to_lowercase().as_str())) else {
        return predicate_note_person(&words, ctx);
    };
    let name = words[..at].join(" ");
    if !is_name_shaped(&name) || !ctx.is_person(&name) {
        return None;
    }
    let mut rest = &words[at + 1..];
    if rest.first().is_some_and(|w| NOTE_ARTICLES.contains(&w.to_lowercase().as_str())) {
        rest = &rest[1..];
    }
    let role = rest.join(" ");
    let role = role.trim_end_matches(['.', ',', ';']);
    let role = (!role.is_empty() && rest.len() <= ROLE_MAX_WORDS).then(|| role.to_string());
    Some(Author::new(name, role))
}

/// Endings that make a word the sentence's predicate in Azerbaijani and
/// Turkish ("jurnalistdir": "is a journalist"), where no copula word
/// stands apart.
const PREDICATE_ENDINGS: &[&str] = &["dır", "dir", "dur", "dür", "tır", "tir", "tur", "tür"];

/// The person of an author note in Azerbaijani or Turkish: a name of two
/// (else three) capitalized words, and what they are, ending in a job with
/// a predicate's ending ("Aysel Məmmədova Bakıda yaşayan jurnalistdir":
/// the role "Bakıda yaşayan jurnalist").
fn predicate_note_person(words: &[&str], ctx: &Context) -> Option<Author> {
    let last = words.last()?.trim_end_matches(['.', ',', ';']);
    let job = PREDICATE_ENDINGS.iter().find_map(|e| last.strip_suffix(e)).filter(|stem| has_role_word(stem))?;
    let at = (2..=3).filter(|&n| n < words.len()).find(|&n| {
        let name = words[..n].join(" ");
        is_name_shaped(&name) && ctx.is_person(&name)
    })?;
    let rest = &words[at..words.len() - 1];
    if rest.len() + 1 > ROLE_MAX_WORDS {
        return None;
    }
    let role = rest.iter().copied().chain(std::iter::once(job)).collect::<Vec<_>>().join(" ");
    Some(Author::new(words[..at].join(" "), Some(role)))
}

/// `text` split into sentences at a full stop after a word in lower case
/// and before a capital: an initial's dot ("Jeffrey S. Passel") ends none.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for i in 1..chars.len().saturating_sub(2) {
        let (at, c) = chars[i];
        if c == '.' && chars[i - 1].1.is_lowercase() && chars[i + 1].1 == ' ' && chars[i + 2].1.is_uppercase() {
            out.push(text[start..at].trim());
            start = chars[i + 2].0;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Whether every word of `block` sits in italics or bold (`<i>`, `<em>`,
/// `<b>`, `<strong>`) inside it.
fn is_emphasized_only(block: &NodeRef) -> bool {
    let emphasized = |t: &NodeRef| {
        t.ancestors_it(None).take_while(|a| a.id != block.id).any(|a| BOLD_OR_ITALIC.contains(&tag(&a).as_str()))
    };
    let texts: Vec<NodeRef> = block.descendants_it().filter(|d| d.is_text() && !d.text().trim().is_empty()).collect();
    !texts.is_empty() && texts.iter().all(emphasized)
}

/// How many of the body's first blocks may hold a credit in bold.
const LEADING_BLOCKS: usize = 3;

/// A block among the body's first ones that is only names in bold
/// (`<p><strong>Mathatisi Sebusi/Mohalenyane Phakela</strong></p>`,
/// `<p><b>JANE DOE</b></p>`, one to three people split by "/", ",", "and"):
/// the credit of a site that prints its byline at the top of the text.
fn leading_bold_names<'a>(blocks: &[NodeRef<'a>], ctx: &Context) -> Option<TrailingByline<'a>> {
    blocks.iter().take(LEADING_BLOCKS).find_map(|block| {
        let text = squash(&text_of(block));
        // A bold line ending in a colon heads what follows ("Im
        // Einzelnen:", "Hinweis:"), never a credit.
        if !is_bold_only(block, &text) || text.ends_with(':') {
            return None;
        }
        let people = parse_credit(&text);
        if people.iter().any(|a| a.role.is_some()) {
            return None;
        }
        leading_credit(people, ctx, vec![*block])
    })
}

/// A labelled credit ("By Jane Doe", "Автор: Анна Орлова") opening one of
/// the body's first blocks in an element of its own before a break, the
/// text going on after it (`<p><strong><a href="…">By Boniface
/// Mwangi</a></strong><br>I have known Itumbi…</p>`): the credit of a site
/// that prints it at the top of the text. Only that line leaves the body.
fn leading_by_line<'a>(blocks: &[NodeRef<'a>], ctx: &Context) -> Option<TrailingByline<'a>> {
    blocks.iter().take(LEADING_BLOCKS).find_map(|block| {
        let mut children = block.children_it(false).filter(|c| c.is_element() || !c.text().trim().is_empty());
        let (line, br) = (children.next()?, children.next()?);
        if !line.is_element() || tag(&line) == "br" || tag(&br) != "br" {
            return None;
        }
        let text = squash(&text_of(&line));
        if !has_label(&text) || text.split_whitespace().count() > LEADING_LINE_WORDS {
            return None;
        }
        leading_credit(credit(&text), ctx, vec![line, br])
    })
}

/// A credit in the dateline that opens the body, before the text's first
/// sentence: a person, a dash and the agency or site that publishes the
/// piece ("BAKU, Azerbaijan, December 5. By Nargiz Sadikhova – Trend: …",
/// "Bakı. 5 dekabr. Aysel Məmmədova – APA. …"). The line stays in the
/// text, whose sentence runs on after it.
fn dateline_credit<'a>(blocks: &[NodeRef<'a>], ctx: &Context) -> Option<TrailingByline<'a>> {
    blocks.iter().take(LEADING_BLOCKS).find_map(|block| {
        let head: String = text_of(block).chars().take(DATELINE_CHARS).collect();
        let found = DATELINE_CREDIT.captures(&head)?;
        let source = found[2].trim_end_matches('.');
        if !(is_agency(source) || ctx.shares_site_word(source)) {
            return None;
        }
        leading_credit(vec![Author::new(strip_label(found[1].trim()), None)], ctx, Vec::new())
    })
}

/// How far into the body's first blocks a dateline's credit may end.
const DATELINE_CHARS: usize = 120;

/// A dateline's credit ([`dateline_credit`]): after the start or a
/// sentence's end, a short run of words without a stop or a comma (a name,
/// a credit's label before it, "By"), a dash, and the source's one or two
/// words before a colon or a full stop.
static DATELINE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.,]\s+)([^–—.,:;-]{3,60}?)\s+[–—-]\s+(\p{L}[\p{L}.]*(?:\s\p{L}[\p{L}.]*)?)[:.]\s").unwrap()
});

/// The most people a credit at the top of the text names.
const LEADING_PEOPLE: usize = 3;

/// `people` as the credit at the top of the text that `nodes` print: one
/// to [`LEADING_PEOPLE`] of them, every one a person's name.
fn leading_credit<'a>(people: Vec<Author>, ctx: &Context, nodes: Vec<NodeRef<'a>>) -> Option<TrailingByline<'a>> {
    let names = (1..=LEADING_PEOPLE).contains(&people.len())
        && people.iter().all(|a| is_name_shaped(&a.name) && ctx.is_person(&a.name));
    let authors = if names { ctx.keep_people(people) } else { Vec::new() };
    (!authors.is_empty()).then_some(TrailingByline { authors, note: false, nodes })
}

/// The most words of a credit line opening a block ([`leading_by_line`]).
const LEADING_LINE_WORDS: usize = 12;

/// Whether `block`'s only content is one bold element of plain text
/// (squashed, `text`), a link in bold being a teaser's.
fn is_bold_only(block: &NodeRef, text: &str) -> bool {
    is_only_in(block, text, BOLD)
}

/// The elements that set text in bold or in italics.
const BOLD_OR_ITALIC: &[&str] = &["strong", "b", "em", "i"];

/// Whether `block`'s only content is one element of plain text (squashed,
/// `text`) of one of `tags`.
fn is_only_in(block: &NodeRef, text: &str, tags: &[&str]) -> bool {
    let children: Vec<NodeRef> =
        block.children_it(false).filter(|c| c.is_element() || !c.text().trim().is_empty()).collect();
    let [only] = children.as_slice() else { return false };
    only.is_element()
        && tags.contains(&tag(only).as_str())
        && !only.children_it(false).any(|c| c.is_element())
        && squash(&only.text()) == text
}

fn has_block_child(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        matches!(tag(&d).as_str(), "p" | "div" | "ul" | "ol" | "table" | "figure" | "h2" | "h3" | "h4" | "blockquote")
    })
}

/// The authors of one credit line, or `None` when it is an ordinary sentence.
fn parse_credit_line(text: &str, ctx: &Context) -> Option<Vec<Author>> {
    if text.split_whitespace().count() > 12 || text.ends_with(['?', '!']) {
        return None;
    }
    let authors = if has_label(text) {
        credit(text)
    } else {
        match name_and_role(text) {
            Some((name, role)) => {
                if role.split_whitespace().count() > 10 || role.is_empty() {
                    return None;
                }
                // "Иван Иванов, Анна Петрова": two people signing, not a person and a town.
                if has_surname_ending(&role) {
                    credit(text)
                } else {
                    // "Kim Gump, Dallas": a letter's signature with its writer's town.
                    let role = (!is_place_shaped(&role)).then_some(role);
                    vec![Author::new(name, role)]
                }
            }
            // "Корреспондент Сергей Миронов": the role before the name.
            None => vec![leading_role(text)?],
        }
    };
    let all_names = authors.iter().all(|a| is_name_shaped(&a.name) && ctx.is_person(&a.name));
    (all_names && !authors.is_empty()).then(|| ctx.keep_people(authors))
}

/// Whether the text after a signature's comma reads as a place, not a
/// job: one to three capitalized words, hyphened or not, or a route of two
/// such places, and no role word ("Dallas", "Bakı", "New York",
/// "Санкт-Петербург", "Bakı – Tbilisi"; never "Staff Writer", "müxbir").
fn is_place_shaped(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().filter(|w| !matches!(*w, "-" | "–" | "—")).collect();
    let is_place_word =
        |w: &&str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-');
    (1..=3).contains(&words.len()) && words.iter().all(is_place_word) && !has_role_word(text)
}

/// A credit on several lines that opens with a label ("Müəllif: A<br>Fotoqraf:
/// B", "Автор: A<br>Фото: B"): each line read on its own.
fn labelled_lines(block: &NodeRef, ctx: &Context) -> Option<Vec<Author>> {
    let mut lines = br_lines(block);
    // "23.2.2015<br>Teksti: Petteri Harjula<br>Kuvat: Tommi Tuomi": the
    // date the credits follow is none of them.
    if lines.first().is_some_and(|l| is_date_alone(l)) {
        lines.remove(0);
    }
    // "<strong>Tâm Giao</strong><br>Ảnh: …": a name in bold signs the
    // article above the other contributors' credits.
    let signed = || opens_in_bold(block, &lines[0]) && lines[1..].iter().all(|l| contributor_line(l).is_some());
    if !(2..=4).contains(&lines.len())
        || !(has_label(&lines[0]) || signed())
        || lines.iter().any(|l| l.split_whitespace().count() > 12)
    {
        return None;
    }
    let authors = credit_lines(&lines);
    let all_people = authors.iter().all(|a| is_name_shaped(&a.name) && ctx.is_person(&a.name));
    (all_people && !authors.is_empty()).then(|| ctx.keep_people(authors))
}

/// Whether `line` is a date and nothing else ("23.2.2015", "5 декабря
/// 2026"): its words are numbers and month names.
fn is_date_alone(line: &str) -> bool {
    printed_date(line).is_some()
        && line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| month_number(&w.to_lowercase()).is_some())
}

/// The last line of a block of several lines split by `<br>`: its text, and
/// its nodes with the `<br>` before it (to remove them), when a line before
/// it holds text.
fn last_line<'a>(block: &NodeRef<'a>) -> Option<(String, Vec<NodeRef<'a>>)> {
    let children: Vec<NodeRef<'a>> = block.children_it(false).collect();
    let is_br = |c: &NodeRef| c.is_element() && tag(c) == "br";
    let mut end = children.len();
    loop {
        let br = children[..end].iter().rposition(is_br)?;
        let text = squash(&children[br + 1..end].iter().map(|c| c.text().to_string()).collect::<String>());
        if text.is_empty() {
            end = br;
            continue;
        }
        let text_before =
            children[..br].iter().any(|c| if c.is_element() { has_text(c) } else { !c.text().trim().is_empty() });
        return text_before.then(|| (text, children[br..].to_vec()));
    }
}

/// The most people a signature in bold names ("Иван Иванов и Анна Петрова").
const SIGNED_PEOPLE: usize = 3;

/// The body's last block when it is one person's name in bold or italics
/// and nothing else, as plain text (`<p><strong>Lê Phương</strong></p>`,
/// `<p><em>Ирина Волкова</em></p>`; a link in bold is a teaser), or a few
/// people's names joined ("<b>Иван Иванов и Анна Петрова</b>", "Kamran
/// Əliyev və Aysel Məmmədova"): the signature of a site that credits its
/// authors below the text.
fn bold_name(block: &NodeRef, text: &str, ctx: &Context) -> Option<Vec<Author>> {
    if !is_only_in(block, text, BOLD_OR_ITALIC) {
        return None;
    }
    let text = &*spaced_initials(text);
    let people = if is_name_shaped(text) {
        vec![Author::new(text, None)]
    } else {
        let people = parse_credit(text);
        let names_only = people.iter().all(|p| p.role.is_none() && is_name_shaped(&p.name));
        if !(2..=SIGNED_PEOPLE).contains(&people.len()) || !names_only {
            return None;
        }
        people
    };
    if !people.iter().all(|p| ctx.is_person(&p.name)) {
        return None;
    }
    Some(ctx.keep_people(people)).filter(|people| !people.is_empty())
}

/// A name alone in its block above a role alone in the next, the body's
/// last two blocks (`<p><b>Kamran Rzayev</b></p><p><i>Milli Məclisin
/// deputatı</i></p>`, "Jane Doe" then "Senior Correspondent"): a signature
/// split over two blocks. The role must read as one after "Name, " (in
/// lower case, or with a role word), never a sentence or another name.
fn name_above_role<'a>(
    name_block: &NodeRef<'a>,
    role_block: &NodeRef<'a>,
    ctx: &Context,
) -> Option<TrailingByline<'a>> {
    let name = squash(trim_separators(&text_of(name_block)));
    let role = text_of(role_block);
    if !is_name_shaped(&name) || !ctx.is_person(&name) || role.split_whitespace().count() > 8 {
        return None;
    }
    let role = role_line(&name, &role)?;
    let authors = ctx.keep_people(vec![Author::new(name, Some(role))]);
    (!authors.is_empty()).then(|| TrailingByline { authors, note: false, nodes: vec![*role_block, *name_block] })
}

/// Words of a letter's closing ("Viele Grüße<br>Tine"), never a name.
const CLOSING_WORDS: &[&str] = &[
    "grüße",
    "gruß",
    "grüßen",
    "liebe",
    "viele",
    "herzliche",
    "regards",
    "greetings",
    "cheers",
    "best",
    "kind",
    "yours",
];

/// A dash and a name alone, the body's very last block ("– David
/// Dunkley", "— Анна Орлова"): the writer signing the text above. Never
/// in a quotation, where it names the quoted.
fn dash_signature(block: &NodeRef, text: &str, ctx: &Context) -> Option<Vec<Author>> {
    let name = text.strip_prefix(['–', '—', '-'])?.trim();
    (!inside(block, &["blockquote"]) && is_name_shaped(name) && ctx.is_person(name))
        .then(|| ctx.keep_people(vec![Author::new(name, None)]))
        .filter(|people| !people.is_empty())
}

/// A signature at the end of a statement or a letter: a block of exactly
/// two lines split by `<br>`, a name and then a short role ("Kazım
/// TÜRKMEN<br>DITIB-Bundesvorsitzender", "Orxan Nağıyev<br>müxbir").
fn signature(block: &NodeRef, ctx: &Context) -> Option<Vec<Author>> {
    let lines = br_lines(block);
    let [name, role] = lines.as_slice() else { return None };
    // "Kamran Rzayev,<br>Milli Məclisin deputatı": the comma ends the name's line.
    let name = &trim_separators(name).to_string();
    let role_words = role.split_whitespace().count();
    let closing = name.split_whitespace().any(|w| CLOSING_WORDS.contains(&comparable(w).as_str()));
    let role_like = (1..=6).contains(&role_words)
        && role.chars().next().is_some_and(char::is_alphabetic)
        && !role.chars().any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | ':'))
        && !role.ends_with(['.', '!', '?'])
        // "Weinbau Rust<br>dierusterweinbauern.at": a link list, not a role.
        && !is_web_address(role)
        // "Jane Doe<br>Staff Writer": a title-cased role has a role word.
        && (!is_name_shaped(role) || role_line(name, role).is_some());
    (is_name_shaped(name) && ctx.is_person(name) && !closing && role_like)
        .then(|| ctx.keep_people(vec![Author::new(name, Some(role.clone()))]))
        .filter(|people| !people.is_empty())
}

/// Whether `text` is a web address alone, one word ending in a dot and a
/// domain's two to six letters ("dierusterweinbauern.at").
fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    !text.contains(char::is_whitespace)
        && text.rsplit_once('.').is_some_and(|(site, tld)| {
            site.chars().count() >= 2
                && (2..=6).contains(&tld.chars().count())
                && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::byline::names::test_context;

    #[test]
    fn credit_lines_in_all_dash_variants() {
        let c = test_context();
        let line = |t: &str| {
            parse_credit_line(t, &c).map(|a| {
                a.iter().map(|a| format!("{}|{}", a.name, a.role.as_deref().unwrap_or("-"))).collect::<Vec<_>>()
            })
        };
        assert_eq!(
            line("Gülağa İsgəndərov – Zərdab Rayon Təhsil Sektorunun müdiri").unwrap(),
            ["Gülağa İsgəndərov|Zərdab Rayon Təhsil Sektorunun müdiri"]
        );
        assert_eq!(
            line("Səbinə Kərimova — Milli Məclisin deputatı").unwrap(),
            ["Səbinə Kərimova|Milli Məclisin deputatı"]
        );
        assert_eq!(
            line("Андрей Петров - политический обозреватель").unwrap(),
            ["Андрей Петров|политический обозреватель"]
        );
        assert_eq!(line("Nərmin Əliyeva, Şəki bürosunun müxbiri").unwrap(), ["Nərmin Əliyeva|Şəki bürosunun müxbiri"]);
        assert_eq!(line("Автор: Ирина Волкова").unwrap(), ["Ирина Волкова|-"]);
        assert!(line("Növbəti festivalın 2028-ci ildə keçirilməsi planlaşdırılır.").is_none());
        assert!(line("Bakı, 20 noyabr").is_none());
        assert_eq!(line("Анна Петрова, Санкт-Петербург").unwrap(), ["Анна Петрова|-"]);
        assert_eq!(line("Иван Иванов, Анна Петрова").unwrap(), ["Иван Иванов|-", "Анна Петрова|-"]);
        assert_eq!(line("Aysel Məmmədova, Bakı – Tbilisi").unwrap(), ["Aysel Məmmədova|-"]);
        assert!(line("Xəzər Xəbər – Bakı").is_none());
        assert!(line("Admin Panel – sayt").is_none());
        assert!(line(
            "Prezident bildirib ki, iki ölkə arasında əməkdaşlıq genişlənir və yeni layihələr həyata keçiriləcək"
        )
        .is_none());
    }

    #[test]
    fn a_two_line_signature_at_the_end_is_a_name_and_role() {
        let doc = Document::from(
            "<div><p>Möge ihre Nacht gesegnet sein.</p><p>Kazım TÜRKMEN<br>DITIB-Bundesvorsitzender</p></div>",
        );
        let t = trailing_byline(&doc, &test_context()).unwrap();
        assert_eq!(t.authors[0].name, "Kazım Türkmen");
        assert_eq!(t.authors[0].role.as_deref(), Some("DITIB-Bundesvorsitzender"));
        for not_one in [
            "<p>Text.</p><p>Viele Grüße<br>Euer Team</p>",
            "<p>Text.</p><p>Max Muster<br>Hauptstraße 5</p>",
            "<p>Text.</p><p>Dr. Tim Loppe<br>Pressesprecher<br>Tel.: 0211 77900</p>",
            "<p>Text.</p><p>Anna Lee<br>Tom Ray</p>",
            "<p>Text.</p><p>Contacts:</p><p><b>Bittium</b><br>Hannu Huttunen, +358 40 344 5466<br>CEO</p>",
        ] {
            assert!(trailing_byline(&Document::from(not_one), &test_context()).is_none(), "{not_one}");
        }
    }

    #[test]
    fn a_labelled_credit_opening_the_first_block_is_the_author() {
        let (people, text) = trailing(
            "<div><p><strong><a href=\"https://facebook.com/bm\">By Boniface Mwangi</a></strong><br>\
             I have known Itumbi for about 10 years.</p><p>Second paragraph of the text.</p></div>",
        );
        assert_eq!(people, Some(vec![one("Boniface Mwangi", None)]));
        assert!(!text.contains("By Boniface") && text.contains("I have known"), "{text}");
        for not_one in [
            "<div><p><strong>By the river</strong><br>we walked.</p><p>More.</p></div>",
            "<div><p>By Boniface Mwangi's account<br>it was late.</p><p>More.</p></div>",
        ] {
            assert_eq!(trailing(not_one).0, None, "{not_one}");
        }
    }

    #[test]
    fn a_credit_in_the_dateline_before_the_first_sentence_is_the_author() {
        for (page, who) in [
            (
                "<div><p>BAKU, Azerbaijan, December 5. By Nargiz Sadikhova – Trend: Azerbaijan exported more gas.</p>\
                 <p>More.</p></div>",
                "Nargiz Sadikhova",
            ),
            (
                "<div><p>Bakı. 5 dekabr. Aysel Məmmədova – APA. Prezident qəbul edib.</p><p>Daha.</p></div>",
                "Aysel Məmmədova",
            ),
            ("<div><p>Баку. 5 декабря. Ирина Волкова – АПА. Президент принял.</p><p>Ещё.</p></div>", "Ирина Волкова"),
        ] {
            let (people, text) = trailing(page);
            assert_eq!(people, Some(vec![one(who, None)]), "{page}");
            assert!(text.contains(who), "the dateline stays in the text: {text}");
        }
        for not_one in [
            // Not an agency or the site after the dash.
            "<div><p>BAKU, December 5. Nargiz Sadikhova – Baku: a city of wind.</p><p>More.</p></div>",
            // Not the dateline: deep in the text.
            "<div><p>The minister spoke for an hour about energy, gas and the corridor's expansion in the coming \
             years. Later, Nargiz Sadikhova – Trend: asked.</p><p>More.</p></div>",
        ] {
            assert_eq!(trailing(not_one).0, None, "{not_one}");
        }
    }

    #[test]
    fn a_name_alone_in_bold_at_the_very_end_is_the_author() {
        let (people, _) = trailing("<div><p>Mətn birinci abzas.</p><p><strong>Lê Phương</strong></p></div>");
        assert_eq!(people, Some(vec![one("Lê Phương", None)]));
        let (people, _) = trailing("<div><p>Текст статьи.</p><p><em>Ирина Волкова</em></p></div>");
        assert_eq!(people, Some(vec![one("Ирина Волкова", None)]));
        let (people, _) = trailing("<div><p>Текст статьи.</p><p><b>Иван Иванов и Анна Петрова</b></p></div>");
        assert_eq!(people, Some(vec![one("Иван Иванов", None), one("Анна Петрова", None)]));
        let (people, _) = trailing("<div><p>Mətn.</p><p><strong>Kamran Əliyev; Aysel Məmmədova</strong></p></div>");
        assert_eq!(people, Some(vec![one("Kamran Əliyev", None), one("Aysel Məmmədova", None)]));
        for not_one in [
            "<div><p>Text.</p><p><em>Cats and Dogs</em></p></div>",
            "<div><p>Text.</p><p><em>Harry Potter and the Goblet of Fire</em></p></div>",
            "<div><p>Text.</p><p><em>Getty Images and Associated Press</em></p></div>",
            "<div><p>Текст.</p><p><em>Война и мир</em></p></div>",
            "<div><p>Text.</p><p><em>The Daily Show</em></p></div>",
            "<div><p>Text.</p><p><em>Getty Images</em></p></div>",
            "<div><p>Text.</p><p><em>Associated Press</em></p></div>",
            "<div><p>Text.</p><p><em>Staff Report</em></p></div>",
            "<div><p>Text.</p><p><em>All Rights Reserved</em></p></div>",
            "<div><p>Text.</p><p><em>Continue Reading</em></p></div>",
            "<div><p>Mətn.</p><p><strong>Lê Phương</strong> dedi.</p></div>",
            "<div><p>Mətn.</p><p>Lê Phương</p></div>",
            "<div><p>Mətn.</p><p><strong><a href=\"/x\">Anna Lee</a></strong></p></div>",
        ] {
            assert_eq!(trailing(not_one).0, None, "{not_one}");
        }
    }

    #[test]
    fn a_signature_s_town_after_the_comma_is_no_role() {
        let (people, _) = trailing("<div><p>Mətn birinci abzas.</p><p><em>Kim Gump, Dallas</em></p></div>");
        assert_eq!(people, Some(vec![one("Kim Gump", None)]));
        let (people, _) = trailing("<div><p>Mətn birinci abzas.</p><p><em>Orxan Nağıyev, müxbir</em></p></div>");
        assert_eq!(people, Some(vec![one("Orxan Nağıyev", Some("müxbir"))]));
    }

    /// The trailing byline's people (name, role) and the body's text after it is removed.
    type Trailing = (Option<Vec<(String, Option<String>)>>, String);

    fn trailing(html: &str) -> Trailing {
        let doc = Document::from(html);
        let found = trailing_byline(&doc, &test_context());
        let people = found.as_ref().map(|t| t.authors.iter().map(|a| (a.name.clone(), a.role.clone())).collect());
        if let Some(t) = found {
            t.remove();
        }
        (people, doc.select("body").text().to_string())
    }

    fn one(name: &str, role: Option<&str>) -> (String, Option<String>) {
        (name.to_string(), role.map(str::to_string))
    }

    #[test]
    fn a_credit_line_after_a_break_at_the_end_of_the_last_block() {
        for (html, who) in [
            (
                "<div>Mətn birinci abzas uzun cümlə. Bir az da mətn.<br><br>Orxan Nağıyev – müxbir<br></div>",
                one("Orxan Nağıyev", Some("müxbir")),
            ),
            (
                "<div><p>Текст.</p><p>Последний абзац здесь заканчивается.<br><b>Сергей Миронов</b>, корреспондент</p></div>",
                one("Сергей Миронов", Some("корреспондент")),
            ),
            ("<div><p>Text.</p><p>The council met on Tuesday.<br>Jane Doe, Senior Correspondent</p></div>", one("Jane Doe", Some("Senior Correspondent"))),
        ] {
            let (people, text) = trailing(html);
            assert_eq!(people, Some(vec![who.clone()]), "{html}");
            assert!(!text.contains(&who.0) && (text.contains("abzas") || text.contains("Последний") || text.contains("council")), "{text}");
        }
        // An ordinary last line, or a line break with nothing before it, is no credit.
        assert!(trailing("<div><p>Text.</p><p>The council met.<br>It will meet again in May.</p></div>").0.is_none());
        assert!(trailing("<div><p>Text.</p><p><br>Bakı, 20 noyabr</p></div>").0.is_none());
    }

    #[test]
    fn credits_on_several_lines_at_the_end() {
        assert_eq!(
            trailing("<div><p>Mətn.</p><p>Müəllif: Səbinə Əliyeva<br>Fotoqraf: Anar Quliyev</p></div>").0,
            Some(vec![one("Səbinə Əliyeva", None), one("Anar Quliyev", Some("fotoqraf"))])
        );
        assert_eq!(
            trailing("<div><p>Текст.</p><p>Автор: Ирина Волкова<br>Фото: Анна Лис</p></div>").0,
            Some(vec![one("Ирина Волкова", None), one("Анна Лис", Some("фотограф"))])
        );
        assert_eq!(
            trailing("<div><p>Text.</p><p>Jane Doe<br>Staff Writer</p></div>").0,
            Some(vec![one("Jane Doe", Some("Staff Writer"))])
        );
        // A name in bold above the other contributors' credits signs the article.
        assert_eq!(
            trailing("<div><p>Mətn.</p><p style=\"text-align:right\"><strong>Aysel Məmmədova</strong><br><em>Foto:</em> Anar Quliyev</p></div>").0,
            Some(vec![one("Aysel Məmmədova", None), one("Anar Quliyev", Some("foto"))])
        );
        assert!(trailing("<div><p>Text.</p><p><strong>Jane Doe</strong><br>She wrote this in May.</p></div>")
            .0
            .is_none());
        // The date the credits follow is read past.
        assert_eq!(
            trailing("<div><p>Teksti.</p><h6>23.2.2015<br> Teksti: Petteri Harjula<br> Kuvat: Tommi Tuomi</h6></div>")
                .0
                .map(|people| people[0].clone()),
            Some(one("Petteri Harjula", None))
        );
        assert_eq!(
            trailing("<div><p>Текст.</p><p>5 декабря 2026<br>Автор: Ирина Волкова<br>Фото: Анна Лис</p></div>").0,
            Some(vec![one("Ирина Волкова", None), one("Анна Лис", Some("фотограф"))])
        );
        assert!(is_date_alone("23.2.2015") && is_date_alone("5 декабря 2026") && is_date_alone("December 16, 2016"));
        assert!(!is_date_alone("Jane Doe, 23.2.2015") && !is_date_alone("Jane Doe"));
    }

    #[test]
    fn a_name_and_its_role_in_the_last_two_blocks_or_after_a_comma_and_a_break() {
        for (html, who) in [
            (
                "<div><p>Mətn.</p><p style=\"text-align:right\"><strong>Kamran Rzayev</strong></p><p style=\"text-align:right\"><em>Milli Məclisin deputatı</em></p></div>",
                one("Kamran Rzayev", Some("Milli Məclisin deputatı")),
            ),
            ("<div><p>Text.</p><p>Jane Doe</p><p>Senior Correspondent</p></div>", one("Jane Doe", Some("Senior Correspondent"))),
            ("<div><p>Текст.</p><p>Анна Петрова,<br>главный редактор</p></div>", one("Анна Петрова", Some("главный редактор"))),
            ("<div><p>Mətn.</p><p><b>Kamran Rzayev,</b><br>iqtisadçı-ekspert</p></div>", one("Kamran Rzayev", Some("iqtisadçı-ekspert"))),
        ] {
            let (people, text) = trailing(html);
            assert_eq!(people, Some(vec![who.clone()]), "{html}");
            assert!(!text.contains(&who.0), "{text}");
        }
        for not_one in [
            // A sentence, a place or another name under a name is no role.
            "<div><p>Text.</p><p>Jane Doe</p><p>The council meets again in May.</p></div>",
            "<div><p>Text.</p><p>Jane Doe</p><p>Tom Ray</p></div>",
            "<div><p>Mətn.</p><p>Kamran Rzayev</p><p>Bakı, 20 noyabr</p></div>",
            "<div><p>Text.</p><p>The council met on Tuesday.</p><p>senior editor</p></div>",
        ] {
            assert_eq!(trailing(not_one).0, None, "{not_one}");
        }
    }

    #[test]
    fn names_alone_in_bold_among_the_first_blocks_are_the_authors() {
        let (people, text) = trailing(
            "<div><p><em>…as communities cry foul</em></p><p><strong>Mathatisi Sebusi/Mohalenyane Phakela</strong></p><p><strong>A</strong> Chinese-owned company has come under heavy criticism.</p><p>More text.</p></div>",
        );
        assert_eq!(people, Some(vec![one("Mathatisi Sebusi", None), one("Mohalenyane Phakela", None)]));
        assert!(!text.contains("Sebusi") && text.contains("Chinese-owned"), "{text}");
        assert_eq!(
            trailing("<div><p><b>MTHOBISI SITHOLE&nbsp;</b></p><p>Text.</p><p>More text.</p></div>").0,
            Some(vec![one("Mthobisi Sithole", None)])
        );
        for not_one in [
            // A lone word, a sentence, a link or a name deep in the text is not a credit.
            "<div><p><b>BERLIN</b></p><p>Text.</p></div>",
            "<div><p><b>The council met on Tuesday.</b></p><p>Text.</p></div>",
            "<div><p><b><a href=\"/x\">Jane Doe</a></b></p><p>Text.</p></div>",
            "<div><p>One.</p><p>Two.</p><p>Three.</p><p><b>Jane Doe</b></p><p>Text.</p></div>",
        ] {
            assert_eq!(trailing(not_one).0, None, "{not_one}");
        }
    }

    #[test]
    fn the_last_lines_are_read_and_photo_credits_skipped() {
        let doc = Document::from(
            "<div><p>Mətn birinci abzas.</p><p>Gülağa İsgəndərov – Zərdab Rayon Təhsil Sektorunun müdiri</p><p>Foto: Anar Quliyev</p></div>",
        );
        let t = trailing_byline(&doc, &test_context()).unwrap();
        assert_eq!(t.authors.len(), 1);
        assert_eq!(t.authors[0].name, "Gülağa İsgəndərov");
    }

    #[test]
    fn an_author_note_in_italics_at_the_end_names_the_authors_and_stays() {
        let html = "<div><p>Texto de la columna.</p><p><b><i>Andrés Malamud es politólogo e investigador en la \
                    Universidad de Lisboa. Martín Schapiro es abogado</i></b></p></div>";
        let doc = Document::from(html);
        let found = trailing_byline(&doc, &test_context()).unwrap();
        assert!(found.note);
        let people: Vec<_> = found.authors.iter().map(|a| (a.name.clone(), a.role.clone())).collect();
        assert_eq!(
            people,
            [
                one("Andrés Malamud", Some("politólogo e investigador en la Universidad de Lisboa")),
                one("Martín Schapiro", Some("abogado"))
            ]
        );
        found.remove();
        assert!(doc.select("body").text().contains("Malamud"), "the note stays in the body");
        let (people, _) = trailing("<div><p>Text.</p><p><em>Jeffrey S. Passel is a senior demographer.</em></p></div>");
        assert_eq!(people, Some(vec![one("Jeffrey S. Passel", Some("senior demographer"))]));
        let (people, _) =
            trailing("<div><p>Mətn.</p><p><em>Aysel Məmmədova Bakıda yaşayan jurnalistdir.</em></p></div>");
        assert_eq!(people, Some(vec![one("Aysel Məmmədova", Some("Bakıda yaşayan jurnalist"))]));
        let (people, _) = trailing("<div><p>Mətn.</p><p><em>Orxan Nağıyev Report-un müxbiridir.</em></p></div>");
        assert_eq!(people, Some(vec![one("Orxan Nağıyev", Some("Report-un müxbiri"))]));
        let (people, _) = trailing("<div><p>Text.</p><p><em>Erin McCann is an associate editor.</em></p></div>");
        assert_eq!(people, Some(vec![one("Erin McCann", Some("associate editor"))]), "a capital inside a name");
        for not_one in [
            // Not emphasized: the article's own last sentence.
            "<div><p>Text.</p><p>Jane Doe is a historian.</p></div>",
            // The first sentence names nobody.
            "<div><p>Text.</p><p><i>This essay first ran in the spring. Jane Doe is a historian.</i></p></div>",
            // A user name run together with the name: no person's name.
            "<div><p>Text.</p><p><i>SanFranciscoGal Jane Doe is a California native.</i></p></div>",
            // A predicate that is no job: the text's own sentence.
            "<div><p>Mətn.</p><p><em>Milli Məclis yeni qanunu qəbul edib və bu qərar vacibdir.</em></p></div>",
        ] {
            assert_eq!(trailing(not_one).0, None, "{not_one}");
        }
    }
}
