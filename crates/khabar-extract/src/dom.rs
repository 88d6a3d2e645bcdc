//! A small, fast, forgiving HTML parser into an arena tree.
//!
//! Extraction needs the shape of a page (which text sits in which block, under which class),
//! not a spec-exact DOM. This parser reads a 200 KB page in well under a millisecond: one pass
//! over the bytes, `memchr` to the next `<`, only the attributes extraction looks at kept,
//! scripts/styles/comments skipped without building anything (JSON-LD scripts kept as text).
//! Browser tree-building is approximated where it matters for text: a block start closes an
//! open `<p>`, `<li>`/`<dt>`/`<dd>`/`<tr>`/`<td>`/`<option>` close their open siblings, stray
//! end tags are ignored, and nesting is capped at [`MAX_DEPTH`] so hostile markup cannot make
//! the tree (or anything walking it) deep. Nodes are stored in document order, so a reverse
//! walk over [`Dom::nodes`] visits every child before its parent.

use std::borrow::Cow;

/// Deepest nesting kept; deeper start tags add their content to the element at the cap.
pub const MAX_DEPTH: usize = 256;

/// Most nodes built for one page; markup past this is not read (a 32 MiB page of empty tags
/// would otherwise cost gigabytes).
pub const MAX_NODES: usize = 2_000_000;

/// No node (for `parent`, `first_child`, `next`).
pub const NONE: u32 = u32::MAX;

/// Element names extraction distinguishes; everything else is [`Tag::Other`].
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Html, Head, Body, Title, Meta, Link, Base, Script, Style, Noscript, Template, Svg, Math, Iframe,
    Object, Embed, Canvas, Video, Audio, Picture, Source, Img, Br, Hr, Wbr, Input, Button, Select,
    Option, Textarea, Form, Label, Fieldset, Nav, Header, Footer, Aside, Main, Article, Section,
    Div, Span, P, A, B, I, Em, Strong, U, Small, Sup, Sub, Code, Pre, Blockquote, Q, Cite, Abbr,
    Time, Mark, Del, Ins, S, Font, Center, H1, H2, H3, H4, H5, H6, Ul, Ol, Li, Dl, Dt, Dd, Menu,
    Table, Caption, Thead, Tbody, Tfoot, Tr, Td, Th, Figure, Figcaption, Address, Details,
    Summary, Dialog, Area, Map, Col, Colgroup, Param, Track, Frame, Frameset, Noembed, Noframes,
    Xmp, Plaintext, Other,
}

impl Tag {
    /// The tag for a lower-case element name.
    pub fn from_name(n: &[u8]) -> Tag {
        use Tag::*;
        match n {
            b"html" => Html, b"head" => Head, b"body" => Body, b"title" => Title, b"meta" => Meta,
            b"link" => Link, b"base" => Base, b"script" => Script, b"style" => Style,
            b"noscript" => Noscript, b"template" => Template, b"svg" => Svg, b"math" => Math,
            b"iframe" => Iframe, b"object" => Object, b"embed" => Embed, b"canvas" => Canvas,
            b"video" => Video, b"audio" => Audio, b"picture" => Picture, b"source" => Source,
            b"img" => Img, b"br" => Br, b"hr" => Hr, b"wbr" => Wbr, b"input" => Input,
            b"button" => Button, b"select" => Select, b"option" => Option, b"textarea" => Textarea,
            b"form" => Form, b"label" => Label, b"fieldset" => Fieldset, b"nav" => Nav,
            b"header" => Header, b"footer" => Footer, b"aside" => Aside, b"main" => Main,
            b"article" => Article, b"section" => Section, b"div" => Div, b"span" => Span, b"p" => P,
            b"a" => A, b"b" => B, b"i" => I, b"em" => Em, b"strong" => Strong, b"u" => U,
            b"small" => Small, b"sup" => Sup, b"sub" => Sub, b"code" => Code, b"pre" => Pre,
            b"blockquote" => Blockquote, b"q" => Q, b"cite" => Cite, b"abbr" => Abbr, b"time" => Time,
            b"mark" => Mark, b"del" => Del, b"ins" => Ins, b"s" => S, b"font" => Font,
            b"center" => Center, b"h1" => H1, b"h2" => H2, b"h3" => H3, b"h4" => H4, b"h5" => H5,
            b"h6" => H6, b"ul" => Ul, b"ol" => Ol, b"li" => Li, b"dl" => Dl, b"dt" => Dt, b"dd" => Dd,
            b"menu" => Menu, b"table" => Table, b"caption" => Caption, b"thead" => Thead,
            b"tbody" => Tbody, b"tfoot" => Tfoot, b"tr" => Tr, b"td" => Td, b"th" => Th,
            b"figure" => Figure, b"figcaption" => Figcaption, b"address" => Address,
            b"details" => Details, b"summary" => Summary, b"dialog" => Dialog, b"area" => Area,
            b"map" => Map, b"col" => Col, b"colgroup" => Colgroup, b"param" => Param,
            b"track" => Track, b"frame" => Frame, b"frameset" => Frameset, b"noembed" => Noembed,
            b"noframes" => Noframes, b"xmp" => Xmp, b"plaintext" => Plaintext,
            _ => Other,
        }
    }

    /// Elements that never have content.
    pub fn is_void(self) -> bool {
        use Tag::*;
        matches!(self, Meta | Link | Base | Img | Br | Hr | Wbr | Input | Source | Area | Col | Param | Track | Embed | Frame)
    }

    /// Block-level elements: they start a new paragraph of text.
    pub fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Html | Body | Address | Article | Aside | Blockquote | Center | Details | Dialog | Dd | Div | Dl | Dt
                | Fieldset | Figcaption | Figure | Footer | Form | H1 | H2 | H3 | H4 | H5 | H6 | Header | Hr
                | Li | Main | Menu | Nav | Ol | P | Pre | Section | Summary | Table | Caption | Thead | Tbody
                | Tfoot | Tr | Td | Th | Ul | Br | Title | Head | Option | Select | Textarea | Frameset
        )
    }

    fn closes_p(self) -> bool {
        use Tag::*;
        self.is_block() && !matches!(self, Br | Td | Th | Tr | Thead | Tbody | Tfoot | Caption | Option | Select | Textarea | Title | Head)
    }

    /// Text inside is not parsed as markup.
    fn raw_text(self) -> bool {
        use Tag::*;
        matches!(self, Script | Style | Noscript | Template | Iframe | Noembed | Noframes | Xmp | Textarea | Title)
    }
}

/// An element: its tag and the attributes extraction reads.
#[derive(Debug, Clone)]
pub struct Element<'a> {
    /// Known tag or [`Tag::Other`].
    pub tag: Tag,
    /// Attributes kept (see [`KEPT_ATTRS`]), names lower-case, values entity-decoded (borrowed
    /// from the page when there was nothing to decode).
    pub attrs: Attrs<'a>,
}

impl Element<'_> {
    /// The value of an attribute, if kept and present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref())
    }
}

/// An element's kept attributes. Most elements that have any keep one (a class): it is held
/// inline, so that the hundreds of such elements on a page cost no allocation each.
pub type Attrs<'a> = smallvec::SmallVec<[(&'static str, Cow<'a, str>); ATTRS_INLINE]>;

/// Attributes held without an allocation.
const ATTRS_INLINE: usize = 2;

/// Attributes the parser keeps; the rest are skipped.
pub const KEPT_ATTRS: &[&str] = &[
    "id", "class", "role", "itemprop", "itemtype", "property", "name", "content", "href", "rel",
    "datetime", "lang", "type", "charset", "http-equiv", "hidden", "aria-hidden", "style", "title",
    "pubdate",
];

/// What a node is.
#[derive(Debug, Clone)]
pub enum Data<'a> {
    /// The document root.
    Document,
    /// An element.
    Element(Element<'a>),
    /// Text, entities decoded, whitespace as written. Borrowed from the page unless decoding
    /// or joining changed it: most text nodes then cost no allocation.
    Text(Cow<'a, str>),
}

/// One node of the arena.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// Parent index, or [`NONE`] for the root.
    pub parent: u32,
    /// First child, or [`NONE`].
    pub first_child: u32,
    /// Last child, or [`NONE`].
    pub last_child: u32,
    /// Next sibling, or [`NONE`].
    pub next: u32,
    /// Depth below the root.
    pub depth: u16,
    /// Element, text or document.
    pub data: Data<'a>,
}

impl<'a> Node<'a> {
    /// The element, if this node is one.
    pub fn element(&self) -> Option<&Element<'a>> {
        match &self.data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }
    /// The tag, if this node is an element.
    pub fn tag(&self) -> Option<Tag> {
        self.element().map(|e| e.tag)
    }
}

/// A parsed page: nodes in document order, the root at index 0. It borrows the page's text.
#[derive(Debug, Clone)]
pub struct Dom<'a> {
    /// All nodes, parents before children.
    pub nodes: Vec<Node<'a>>,
}

impl<'a> Dom<'a> {
    /// Children of a node, in order.
    pub fn children(&self, n: u32) -> Children<'_, 'a> {
        Children { dom: self, next: self.nodes[n as usize].first_child }
    }

    /// The first element with this tag, in document order.
    pub fn find(&self, tag: Tag) -> Option<u32> {
        self.nodes.iter().position(|n| n.tag() == Some(tag)).map(|i| i as u32)
    }

    /// All text under a node, concatenated as written (scripts included if kept).
    pub fn text_of(&self, n: u32) -> String {
        let mut out = String::new();
        for node in self.subtree(n) {
            if let Data::Text(t) = &node.data {
                out.push_str(t);
            }
        }
        out
    }

    /// A node and everything below it, in document order. The parser only ever appends below
    /// the open elements and never reopens a closed one, so a subtree is one run of the arena:
    /// it ends at the first later node no deeper than its root.
    pub fn subtree(&self, n: u32) -> &[Node<'a>] {
        let n = n as usize;
        let depth = self.nodes[n].depth;
        let end = self.nodes[n + 1..].iter().position(|x| x.depth <= depth).map_or(self.nodes.len(), |p| n + 1 + p);
        &self.nodes[n..end]
    }
}

/// Iterator over a node's children.
pub struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: u32,
}

impl Iterator for Children<'_, '_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next == NONE {
            return None;
        }
        let k = self.next;
        self.next = self.dom.nodes[k as usize].next;
        Some(k)
    }
}

struct Builder<'a> {
    nodes: Vec<Node<'a>>,
    stack: Vec<u32>,
    /// The `<html>`, `<head>` and `<body>` elements once seen.
    singletons: [Option<u32>; 3],
    /// `<head>` was opened and has not been closed yet.
    in_head: bool,
}

impl<'a> Builder<'a> {
    fn top(&self) -> u32 {
        *self.stack.last().expect("root is never popped")
    }

    fn append(&mut self, data: Data<'a>) -> u32 {
        let parent = self.top();
        let id = self.nodes.len() as u32;
        let depth = self.nodes[parent as usize].depth.saturating_add(1);
        let p = &mut self.nodes[parent as usize];
        let prev = p.last_child;
        if prev == NONE {
            p.first_child = id;
        }
        p.last_child = id;
        if prev != NONE {
            self.nodes[prev as usize].next = id;
        }
        self.nodes.push(Node { parent, first_child: NONE, last_child: NONE, next: NONE, depth, data });
        id
    }

    fn text(&mut self, s: Cow<'a, str>) {
        if s.is_empty() {
            return;
        }
        let last = self.nodes[self.top() as usize].last_child;
        if last != NONE {
            if let Data::Text(t) = &mut self.nodes[last as usize].data {
                // (text split by a comment or a stray end tag is one node, as browsers read it)
                decode_entities(&s, t.to_mut());
                return;
            }
        }
        self.append(Data::Text(decoded(s)));
    }

    fn tag_at(&self, k: usize) -> Tag {
        self.nodes[self.stack[k] as usize].tag().unwrap_or(Tag::Html)
    }

    /// Index in the stack of the nearest open `tag`, searching down to a boundary.
    fn open(&self, tag: Tag, stop: impl Fn(Tag) -> bool) -> Option<usize> {
        for k in (1..self.stack.len()).rev() {
            let t = self.tag_at(k);
            if t == tag {
                return Some(k);
            }
            if stop(t) {
                return None;
            }
        }
        None
    }

    fn close_to(&mut self, k: usize) {
        self.stack.truncate(k.max(1));
    }

    fn start(&mut self, tag: Tag, attrs: Attrs<'a>, self_closing: bool) -> u32 {
        use Tag::*;
        if self.in_head && !matches!(tag, Html | Head | Meta | Link | Title | Script | Style | Noscript | Base | Template) {
            // the first body element ends an unclosed <head>
            self.in_head = false;
            if let Some(k) = self.open(Head, |_| false) {
                self.close_to(k);
            }
        }
        let slot = match tag {
            Html => Some(0),
            Head => Some(1),
            Body => Some(2),
            _ => None,
        };
        if let Some(slot) = slot {
            // one of each: a repeated one only lends its attributes
            if let Some(k) = self.singletons[slot] {
                let k = k as usize;
                if let Data::Element(e) = &mut self.nodes[k].data {
                    for a in attrs {
                        if e.attr(a.0).is_none() {
                            e.attrs.push(a);
                        }
                    }
                }
                return k as u32;
            }
        }
        if tag.closes_p() {
            if let Some(k) = self.open(P, |t| t.is_block() && t != P) {
                self.close_to(k);
            }
        }
        match tag {
            Li => {
                if let Some(k) = self.open(Li, |t| matches!(t, Ul | Ol | Menu | Table | Body)) {
                    self.close_to(k);
                }
            }
            Dt | Dd => {
                if let Some(k) = self.open(Dt, |t| matches!(t, Dl | Table | Body)).or_else(|| self.open(Dd, |t| matches!(t, Dl | Table | Body))) {
                    self.close_to(k);
                }
            }
            Tr => {
                if let Some(k) = self.open(Tr, |t| t == Table) {
                    self.close_to(k);
                }
            }
            Td | Th => {
                if let Some(k) = self.open(Td, |t| matches!(t, Tr | Table)).or_else(|| self.open(Th, |t| matches!(t, Tr | Table))) {
                    self.close_to(k);
                }
            }
            Option => {
                if let Some(k) = self.open(Option, |t| t != Option) {
                    self.close_to(k);
                }
            }
            H1 | H2 | H3 | H4 | H5 | H6 => {
                let top = self.tag_at(self.stack.len() - 1);
                if matches!(top, H1 | H2 | H3 | H4 | H5 | H6) && self.stack.len() > 1 {
                    self.stack.pop();
                }
            }
            A => {
                // an <a> inside an open <a> closes it
                if let Some(k) = self.open(A, |t| t.is_block()) {
                    self.close_to(k);
                }
            }
            _ => {}
        }
        let id = self.append(Data::Element(Element { tag, attrs }));
        if let Some(slot) = slot {
            self.singletons[slot] = Some(id);
            self.in_head |= tag == Head;
        }
        if !tag.is_void() && !self_closing && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
        id
    }

    fn end(&mut self, tag: Tag, name: &[u8]) {
        use Tag::*;
        if tag == Other {
            // custom elements: match by position only when the top is an unknown element
            let _ = name;
            if self.stack.len() > 1 && self.tag_at(self.stack.len() - 1) == Other {
                self.stack.pop();
            }
            return;
        }
        if tag == Head {
            self.in_head = false;
            if let Some(k) = self.open(Head, |_| false) {
                self.close_to(k);
            }
            return;
        }
        if matches!(tag, Html | Body) {
            return;
        }
        let found = if tag.is_block() || matches!(tag, Svg | Math | Object | Template) {
            let boundary = |t: Tag| matches!(t, Table | Td | Th | Caption | Template | Object) && t != tag;
            self.open(tag, boundary)
        } else {
            self.open(tag, |t| t.is_block() || matches!(t, Svg | Math))
        };
        if let Some(k) = found {
            self.close_to(k);
        }
    }
}

/// Parses a page. Never fails: any byte string gives some tree.
pub fn parse(html: &str) -> Dom<'_> {
    let b = html.as_bytes();
    let mut bld = Builder { nodes: Vec::with_capacity((b.len() / 40 + 16).min(MAX_NODES)), stack: Vec::with_capacity(64), singletons: [None; 3], in_head: false };
    bld.nodes.push(Node { parent: NONE, first_child: NONE, last_child: NONE, next: NONE, depth: 0, data: Data::Document });
    bld.stack.push(0);
    let mut i = 0;
    let n = b.len();
    while i < n {
        if bld.nodes.len() >= MAX_NODES {
            break;
        }
        let Some(off) = memchr::memchr(b'<', &b[i..]) else {
            bld.text(sub(html, i, n));
            break;
        };
        let lt = i + off;
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if next == b'!' {
            bld.text(sub(html, i, lt));
            if b[lt..].starts_with(b"<!--") {
                i = match memchr::memmem::find(&b[lt + 4..], b"-->") {
                    Some(e) => lt + 4 + e + 3,
                    None => n,
                };
            } else if b.len() >= lt + 9 && b[lt + 2..lt + 9].eq_ignore_ascii_case(b"[CDATA[") {
                i = match memchr::memmem::find(&b[lt..], b"]]>") {
                    Some(e) => lt + e + 3,
                    None => n,
                };
            } else {
                i = skip_to_gt(b, lt + 2);
            }
            continue;
        }
        if next == b'?' {
            bld.text(sub(html, i, lt));
            i = skip_to_gt(b, lt + 2);
            continue;
        }
        if next == b'/' {
            let (name, after) = read_name(b, lt + 2);
            if name.is_empty() {
                bld.text(sub(html, i, lt));
                i = skip_to_gt(b, lt + 2);
                continue;
            }
            bld.text(sub(html, i, lt));
            let mut buf = [0u8; 16];
            let tag = lower_name(name, &mut buf).map_or(Tag::Other, Tag::from_name);
            i = skip_to_gt(b, after);
            if tag == Tag::Br {
                bld.start(Tag::Br, Attrs::new(), true);
            } else {
                bld.end(tag, name);
            }
            continue;
        }
        if !next.is_ascii_alphabetic() {
            // a lone '<' is text
            bld.text(sub(html, i, lt + 1));
            i = lt + 1;
            continue;
        }
        bld.text(sub(html, i, lt));
        let (name, after) = read_name(b, lt + 1);
        let mut buf = [0u8; 16];
        // (a name too long to be known is no raw-text element: `lname` is then never read)
        let lname = lower_name(name, &mut buf).unwrap_or(name);
        let tag = Tag::from_name(lname);
        let (attrs, self_closing, end) = read_attrs(html, after, tag);
        i = end;
        // inside <svg>/<math> an element may close itself: `<title/>` is an empty title there,
        // not the start of a title that runs to the next `</title>` (the rest of the page)
        if self_closing && tag.raw_text() && bld.stack.iter().any(|&k| matches!(bld.nodes[k as usize].tag(), Some(Tag::Svg | Tag::Math))) {
            bld.start(tag, attrs, true);
            continue;
        }
        if tag.raw_text() || tag == Tag::Plaintext {
            let close = if tag == Tag::Plaintext { None } else { find_end_tag(b, i, lname) };
            let (body_end, resume) = match close {
                Some((s, e)) => (s, e),
                None => (n, n),
            };
            if self_closing && tag != Tag::Title && tag != Tag::Textarea {
                // `<script src=… />` is not self-closing in HTML, but nothing useful follows either way
            }
            let keep = match tag {
                Tag::Title | Tag::Textarea | Tag::Plaintext => true,
                Tag::Script => attrs.iter().any(|(k, v)| *k == "type" && v.eq_ignore_ascii_case("application/ld+json")),
                _ => false,
            };
            let id = bld.start(tag, attrs, true);
            if keep {
                let raw = sub(html, i, body_end);
                let t = if tag == Tag::Script { raw } else { decoded(raw) };
                bld.stack.push(id);
                bld.append(Data::Text(t));
                bld.stack.pop();
            }
            i = resume;
            continue;
        }
        bld.start(tag, attrs, self_closing);
    }
    Dom { nodes: bld.nodes }
}

fn skip_to_gt(b: &[u8], from: usize) -> usize {
    match memchr::memchr(b'>', &b[from.min(b.len())..]) {
        Some(e) => from + e + 1,
        None => b.len(),
    }
}

fn read_name(b: &[u8], from: usize) -> (&[u8], usize) {
    let mut j = from;
    while j < b.len() && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/' | b'>') {
        j += 1;
    }
    (&b[from..j], j)
}

/// Reads attributes up to the closing `>`; returns them, the self-closing flag and the index after `>`.
#[allow(clippy::type_complexity)]
fn read_attrs(html: &str, mut j: usize, tag: Tag) -> (Attrs<'_>, bool, usize) {
    let b = html.as_bytes();
    let mut attrs = Attrs::new();
    let mut self_closing = false;
    let n = b.len();
    loop {
        while j < n && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | 0x0C) {
            j += 1;
        }
        if j >= n {
            return (attrs, self_closing, n);
        }
        match b[j] {
            b'>' => return (attrs, self_closing, j + 1),
            b'/' => {
                self_closing = b.get(j + 1) == Some(&b'>');
                j += 1;
                continue;
            }
            _ => {}
        }
        self_closing = false;
        let s = j;
        while j < n && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'=' | b'>') && !(b[j] == b'/' && b.get(j + 1) == Some(&b'>')) {
            j += 1;
        }
        let name = &b[s..j];
        while j < n && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | 0x0C) {
            j += 1;
        }
        let mut value = (j, j);
        if j < n && b[j] == b'=' {
            j += 1;
            while j < n && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | 0x0C) {
                j += 1;
            }
            if j < n && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let vs = j + 1;
                let ve = memchr::memchr(q, &b[vs..]).map(|e| vs + e).unwrap_or(n);
                value = (vs, ve);
                j = (ve + 1).min(n);
            } else {
                let vs = j;
                while j < n && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'>') {
                    j += 1;
                }
                value = (vs, j);
            }
        }
        let mut buf = [0u8; 16];
        if let Some(lname) = lower_name(name, &mut buf).filter(|l| l.len() <= 12) {
            // `title` and `pubdate` only where a date is written (`<abbr class=published title=…>`):
            // links and images carry long titles nothing reads
            let wanted = |k: &str| !matches!(k, "title" | "pubdate") || matches!(tag, Tag::Abbr | Tag::Time | Tag::Span);
            if let Some(&kept) = KEPT_ATTRS.iter().find(|k| k.as_bytes() == lname && wanted(k)) {
                if attrs.len() < 16 && !attrs.iter().any(|(k, _)| *k == kept) {
                    attrs.push((kept, decoded(sub(html, value.0, value.1))));
                }
            }
        }
    }
}

/// The page between two offsets. The parser only cuts at ASCII delimiters (`<`, `>`, quotes,
/// spaces), which are always character boundaries, so this borrows without validating again;
/// an offset inside a character (never expected) is read lossily rather than panicking.
fn sub(html: &str, s: usize, e: usize) -> Cow<'_, str> {
    match html.get(s..e) {
        Some(t) => Cow::Borrowed(t),
        None => String::from_utf8_lossy(html.as_bytes().get(s..e).unwrap_or_default()),
    }
}

/// ASCII-lowercases a tag or attribute name into `buf`, without allocating. A name longer than
/// the buffer is none the parser knows: `None`.
fn lower_name<'a>(name: &[u8], buf: &'a mut [u8; 16]) -> Option<&'a [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, c) in out.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// Finds `</name` (any case) from `from`; returns (start of the end tag, index after its `>`).
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<(usize, usize)> {
    let mut k = from;
    while let Some(off) = memchr::memmem::find(&b[k..], b"</") {
        let s = k + off;
        let ns = s + 2;
        if b.len() >= ns + name.len() && b[ns..ns + name.len()].eq_ignore_ascii_case(name) {
            let after = b.get(ns + name.len()).copied().unwrap_or(b'>');
            if matches!(after, b'>' | b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/') {
                return Some((s, skip_to_gt(b, ns + name.len())));
            }
        }
        k = s + 2;
    }
    None
}

/// `s` with character references decoded; itself, unallocated, when it has no `&`.
fn decoded(s: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    decode_entities(&s, &mut out);
    Cow::Owned(out)
}

/// Appends `s` to `out` with character references decoded (`&amp;`, `&#8217;`, `&eacute;` …).
pub fn decode_entities(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'&', &b[i..]) {
        let amp = i + off;
        out.push_str(&s[last..amp]);
        let (ch, len) = entity_at(&s[amp + 1..]);
        match ch {
            Some(Decoded::Str(c)) => {
                out.push_str(c);
                last = amp + 1 + len;
            }
            Some(Decoded::Char(c)) => {
                out.push(c);
                last = amp + 1 + len;
            }
            None => {
                out.push('&');
                last = amp + 1;
            }
        }
        i = last;
    }
    out.push_str(&s[last..]);
}

enum Decoded {
    Str(&'static str),
    Char(char),
}

/// Decodes the reference after a `&`: the text it stands for and the bytes it used.
fn entity_at(s: &str) -> (Option<Decoded>, usize) {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (hex, start) = if matches!(b.get(1), Some(b'x' | b'X')) { (true, 2) } else { (false, 1) };
        let mut j = start;
        while j < b.len() && j < start + 8 && (if hex { b[j].is_ascii_hexdigit() } else { b[j].is_ascii_digit() }) {
            j += 1;
        }
        if j == start {
            return (None, 0);
        }
        let code = u32::from_str_radix(&s[start..j], if hex { 16 } else { 10 }).unwrap_or(0xFFFD);
        let len = if b.get(j) == Some(&b';') { j + 1 } else { j };
        let c = match code {
            0x80..=0x9F => cp1252(code),
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return (Some(Decoded::Char(c)), len);
    }
    let mut j = 0;
    while j < b.len() && j < 10 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == 0 {
        return (None, 0);
    }
    let name = &s[..j];
    let semi = b.get(j) == Some(&b';');
    match named_entity(name) {
        Some(v) if semi => (Some(Decoded::Str(v)), j + 1),
        // legacy references without ';' for the commonest ones
        Some(v) if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") => (Some(Decoded::Str(v)), j),
        _ => (None, 0),
    }
}

fn cp1252(code: u32) -> char {
    const T: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“',
        '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    T[(code - 0x80) as usize]
}

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&", "lt" | "LT" => "<", "gt" | "GT" => ">", "quot" | "QUOT" => "\"", "apos" => "'",
        "nbsp" => "\u{a0}", "ensp" => "\u{2002}", "emsp" => "\u{2003}", "thinsp" => "\u{2009}", "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}", "lrm" => "\u{200e}", "rlm" => "\u{200f}", "shy" => "\u{ad}",
        "ndash" => "–", "mdash" => "—", "lsquo" => "‘", "rsquo" => "’", "sbquo" => "‚", "ldquo" => "“",
        "rdquo" => "”", "bdquo" => "„", "laquo" => "«", "raquo" => "»", "lsaquo" => "‹", "rsaquo" => "›",
        "hellip" => "…", "bull" => "•", "middot" => "·", "dagger" => "†", "Dagger" => "‡", "permil" => "‰",
        "prime" => "′", "Prime" => "″", "trade" => "™", "copy" => "©", "reg" => "®", "deg" => "°",
        "plusmn" => "±", "times" => "×", "divide" => "÷", "frac12" => "½", "frac14" => "¼", "frac34" => "¾",
        "sup1" => "¹", "sup2" => "²", "sup3" => "³", "micro" => "µ", "para" => "¶", "sect" => "§",
        "cent" => "¢", "pound" => "£", "yen" => "¥", "euro" => "€", "curren" => "¤", "iexcl" => "¡",
        "iquest" => "¿", "ordf" => "ª", "ordm" => "º", "not" => "¬", "macr" => "¯", "acute" => "´",
        "cedil" => "¸", "uml" => "¨", "brvbar" => "¦", "larr" => "←", "rarr" => "→", "uarr" => "↑",
        "darr" => "↓", "harr" => "↔", "hearts" => "♥", "minus" => "−", "le" => "≤", "ge" => "≥", "ne" => "≠",
        "infin" => "∞", "asymp" => "≈", "hyphen" | "dash" => "‐", "star" => "☆", "check" => "✓",
        "Agrave" => "À", "Aacute" => "Á", "Acirc" => "Â", "Atilde" => "Ã", "Auml" => "Ä", "Aring" => "Å",
        "AElig" => "Æ", "Ccedil" => "Ç", "Egrave" => "È", "Eacute" => "É", "Ecirc" => "Ê", "Euml" => "Ë",
        "Igrave" => "Ì", "Iacute" => "Í", "Icirc" => "Î", "Iuml" => "Ï", "ETH" => "Ð", "Ntilde" => "Ñ",
        "Ograve" => "Ò", "Oacute" => "Ó", "Ocirc" => "Ô", "Otilde" => "Õ", "Ouml" => "Ö", "Oslash" => "Ø",
        "Ugrave" => "Ù", "Uacute" => "Ú", "Ucirc" => "Û", "Uuml" => "Ü", "Yacute" => "Ý", "THORN" => "Þ",
        "szlig" => "ß", "agrave" => "à", "aacute" => "á", "acirc" => "â", "atilde" => "ã", "auml" => "ä",
        "aring" => "å", "aelig" => "æ", "ccedil" => "ç", "egrave" => "è", "eacute" => "é", "ecirc" => "ê",
        "euml" => "ë", "igrave" => "ì", "iacute" => "í", "icirc" => "î", "iuml" => "ï", "eth" => "ð",
        "ntilde" => "ñ", "ograve" => "ò", "oacute" => "ó", "ocirc" => "ô", "otilde" => "õ", "ouml" => "ö",
        "oslash" => "ø", "ugrave" => "ù", "uacute" => "ú", "ucirc" => "û", "uuml" => "ü", "yacute" => "ý",
        "thorn" => "þ", "yuml" => "ÿ", "OElig" => "Œ", "oelig" => "œ", "Scaron" => "Š", "scaron" => "š",
        "Yuml" => "Ÿ", "fnof" => "ƒ", "circ" => "ˆ", "tilde" => "˜", "Alpha" => "Α", "alpha" => "α",
        "beta" => "β", "gamma" => "γ", "delta" => "δ", "pi" => "π", "mu" => "μ", "sigma" => "σ", "omega" => "ω",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(dom: &Dom) -> Vec<String> {
        dom.nodes.iter().filter_map(|n| if let Data::Text(t) = &n.data { Some(t.to_string()) } else { None }).collect()
    }

    #[test]
    fn paragraphs_close_each_other_and_blocks_close_paragraphs() {
        let dom = parse("<body><p>one<p>two<div>three</div></body>");
        let ps: Vec<u32> = (0..dom.nodes.len() as u32).filter(|&k| dom.nodes[k as usize].tag() == Some(Tag::P)).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text_of(ps[0]), "one");
        assert_eq!(dom.text_of(ps[1]), "two");
        let div = dom.find(Tag::Div).unwrap();
        assert_ne!(dom.nodes[div as usize].parent, ps[1], "a div is not inside the open p");
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        let dom = parse("<p>a<script>if (a < b) { x = '</p>'; }</script><style>p{}</style><!-- <p>c</p> -->b</p>");
        assert_eq!(texts(&dom).concat(), "ab");
    }

    #[test]
    fn an_svg_title_may_close_itself() {
        let dom = parse("<body><a><svg><title/><path d='M0'/></svg>Share</a><p>The story goes on.</p><p>A title</p></body>");
        let p = dom.find(Tag::P).unwrap();
        assert_eq!(dom.text_of(p), "The story goes on.");
        assert_eq!(texts(&dom).concat(), "ShareThe story goes on.A title");
        // outside foreign content `<title/>` still opens a title
        let dom = parse("<head><title/>Talks resume</title></head><body><p>x</p></body>");
        assert_eq!(dom.text_of(dom.find(Tag::Title).unwrap()), "Talks resume");
    }

    #[test]
    fn json_ld_scripts_are_kept() {
        let dom = parse(r#"<script type="application/ld+json">{"headline": "x &amp; y"}</script>"#);
        assert_eq!(texts(&dom), vec![r#"{"headline": "x &amp; y"}"#.to_string()]);
    }

    #[test]
    fn entities_are_decoded() {
        let mut s = String::new();
        decode_entities("caf&eacute; &amp; &#8217;s &#x41; &#150; &nbsp &bogus; & x", &mut s);
        assert_eq!(s, "café & ’s A – \u{a0} &bogus; & x");
    }

    #[test]
    fn attributes_quoted_unquoted_and_dropped() {
        let dom = parse(r#"<div id=main class="a b" data-x='1' onclick="y>z">t</div>"#);
        let e = dom.nodes[dom.find(Tag::Div).unwrap() as usize].element().unwrap().clone();
        assert_eq!(e.attr("id"), Some("main"));
        assert_eq!(e.attr("class"), Some("a b"));
        assert_eq!(e.attrs.len(), 2);
        assert_eq!(dom.text_of(0), "t");
    }

    #[test]
    fn a_subtree_is_one_run_of_the_arena() {
        let dom = parse("<html><head><title>t</title></head><body><div><p>a<b>b</b></p><body class=x><p>c</div>d<ul><li>e<li>f</ul></body>");
        for k in 0..dom.nodes.len() as u32 {
            // the walk the subtree replaced: children, depth first
            let mut walked = Vec::new();
            let mut stack = vec![k];
            while let Some(j) = stack.pop() {
                walked.push(j);
                let kids: Vec<u32> = dom.children(j).collect();
                stack.extend(kids.into_iter().rev());
            }
            let run: Vec<u32> = (k..k + dom.subtree(k).len() as u32).collect();
            assert_eq!(walked, run, "node {k}");
        }
    }

    #[test]
    fn deep_nesting_is_capped() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let dom = parse(&html);
        assert!(dom.nodes.iter().all(|n| (n.depth as usize) <= MAX_DEPTH + 1));
        assert_eq!(dom.text_of(0), "deep");
    }

    #[test]
    fn repeated_singletons_and_tag_floods_stay_linear_and_bounded() {
        let html = "<body class=a>".repeat(200_000) + &"<i>".repeat(3_000_000) + "tail";
        let dom = parse(&html);
        assert_eq!(dom.nodes.iter().filter(|n| n.tag() == Some(Tag::Body)).count(), 1);
        assert!(dom.nodes.len() <= MAX_NODES);
    }

    #[test]
    fn unclosed_and_broken_markup_still_parses() {
        for html in ["<p", "<div class=\"x", "<!-- never closed", "<script>no end", "</p></div>stray", "< not a tag <3", "<a href=x><a href=y>two</a>", "<![CDATA[x]]>y"] {
            let dom = parse(html);
            assert!(!dom.nodes.is_empty(), "{html}");
        }
        assert_eq!(dom_text("< not a tag <3"), "< not a tag <3");
        assert_eq!(dom_text("</p></div>stray"), "stray");
    }

    fn dom_text(h: &str) -> String {
        parse(h).text_of(0)
    }
}
