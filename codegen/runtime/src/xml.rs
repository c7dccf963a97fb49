//! XML bodies for the XML protocols (restXml, awsQuery, ec2Query): a reader that generated
//! deserializers drive element by element, and a writer that generated serializers fill.
//!
//! Reading follows the protocols' rules: namespaces are ignored (elements and attributes are
//! matched by their local name), elements a deserializer does not ask for are skipped, and text is
//! unescaped (the predefined entities and character references; a DTD's own entities are
//! refused, so no document can expand itself). Anything that is not well-formed XML is an error,
//! never a panic, and so is nesting deeper than [`MAX_DEPTH`], which keeps the recursion of
//! generated deserializers bounded. Error messages say what was expected and where, but never
//! quote the document: it may hold sensitive values.

// Not every crate uses every helper.
#![allow(dead_code)]

use ::quick_xml::events::{BytesStart, Event};
use ::std::borrow::Cow;

/// How deeply elements may nest: deeper documents are refused rather than read recursively.
pub(crate) const MAX_DEPTH: usize = 256;

/// XML that could not be read, or that does not hold what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct XmlError {
    message: ::std::string::String,
}

impl XmlError {
    /// An error saying `message`.
    pub(crate) fn new(message: impl Into<::std::string::String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    /// A value of the element `name` that is not what its member holds (`problem`).
    pub(crate) fn invalid_value(name: &str, problem: impl ::std::fmt::Display) -> Self {
        Self::new(format!("element `{name}`: {problem}"))
    }
}

impl ::std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl ::std::error::Error for XmlError {}

/// A quick-xml error as a message that quotes nothing from the document (tag and entity names
/// included), with the byte offset where reading stopped.
fn syntax_error(error: &::quick_xml::Error, position: u64) -> XmlError {
    use ::quick_xml::errors::{Error, IllFormedError};
    let what: Cow<'static, str> = match error {
        // Syntax errors are quick-xml's fixed descriptions ("unclosed tag" …).
        Error::Syntax(syntax) => Cow::Owned(syntax.to_string()),
        Error::IllFormed(IllFormedError::MissingEndTag(_)) => "an element is not closed".into(),
        Error::IllFormed(IllFormedError::UnmatchedEndTag(_)) => {
            "a closing tag matches no open element".into()
        }
        Error::IllFormed(IllFormedError::MismatchedEndTag { .. }) => {
            "a closing tag does not match the open element".into()
        }
        Error::IllFormed(IllFormedError::UnclosedReference) => {
            "an `&` does not start a reference".into()
        }
        Error::IllFormed(_) => "the document is not well-formed".into(),
        Error::Encoding(_) => "the document is not UTF-8".into(),
        Error::Escape(_) => "an unknown entity or an invalid character reference".into(),
        Error::InvalidAttr(_) => "a malformed attribute".into(),
        _ => "the document cannot be read".into(),
    };
    XmlError::new(format!("malformed XML at byte {position}: {what}"))
}

/// A document being read: hand out its root element with [`Document::root`], then read it
/// through [`Element`]s.
pub(crate) struct Document<'a> {
    reader: ::quick_xml::Reader<&'a [u8]>,
    /// How many elements are open.
    depth: usize,
}

impl<'a> Document<'a> {
    /// A document over `body`, not yet read.
    pub(crate) fn new(body: &'a [u8]) -> Self {
        let mut reader = ::quick_xml::Reader::from_reader(body);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        Self { reader, depth: 0 }
    }

    /// The next event, as an error when reading fails or the document ends inside an element.
    fn next(&mut self) -> Result<Event<'a>, XmlError> {
        let event = self
            .reader
            .read_event()
            .map_err(|e| syntax_error(&e, self.reader.error_position()))?;
        if matches!(event, Event::Eof) && self.depth > 0 {
            return Err(XmlError::new(
                "the document ends before its elements are closed",
            ));
        }
        Ok(event)
    }

    /// The root element, after any declaration, comments, processing instructions and document
    /// type declaration (whose own entities are refused when they are used).
    pub(crate) fn root(&mut self) -> Result<Element<'_, 'a>, XmlError> {
        loop {
            match self.next()? {
                Event::Start(start) => {
                    self.depth = 1;
                    return Element::new(self, start, false);
                }
                Event::Empty(start) => return Element::new(self, start, true),
                Event::Text(text) if text.iter().all(u8::is_ascii_whitespace) => {}
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
                Event::Eof => return Err(XmlError::new("the document has no root element")),
                _ => {
                    return Err(XmlError::new(
                        "the document has content outside its root element",
                    ))
                }
            }
        }
    }
}

impl Document<'_> {
    /// Reads what follows the root element, once the root is read to its end: whitespace,
    /// comments and processing instructions, and nothing else.
    fn end(&mut self) -> Result<(), XmlError> {
        loop {
            match self.next()? {
                Event::Eof => return Ok(()),
                Event::Text(text) if text.iter().all(u8::is_ascii_whitespace) => {}
                Event::Comment(_) | Event::PI(_) => {}
                _ => {
                    return Err(XmlError::new(
                        "the document has content after its root element",
                    ))
                }
            }
        }
    }
}

/// An element being read: its name and attributes, then its children or its text.
///
/// Reading a child borrows the element; a child that is not read to its end is skipped by the
/// next call to [`Element::next_child`], so unknown elements need no code.
pub(crate) struct Element<'d, 'a> {
    document: &'d mut Document<'a>,
    start: BytesStart<'a>,
    /// The document's depth while this element is open.
    depth: usize,
    /// Whether the element's end was read (or it is empty, `<a/>`).
    done: bool,
}

impl<'d, 'a> Element<'d, 'a> {
    fn new(
        document: &'d mut Document<'a>,
        start: BytesStart<'a>,
        empty: bool,
    ) -> Result<Self, XmlError> {
        if ::std::str::from_utf8(start.local_name().into_inner()).is_err() {
            return Err(XmlError::new("an element name is not UTF-8"));
        }
        let depth = if empty {
            document.depth + 1
        } else {
            document.depth
        };
        Ok(Self {
            document,
            start,
            depth,
            done: empty,
        })
    }

    /// The element's name without its namespace prefix (`baz:foo` is `foo`).
    pub(crate) fn name(&self) -> &str {
        // Checked to be UTF-8 when the element was read.
        ::std::str::from_utf8(self.start.local_name().into_inner()).unwrap_or_default()
    }

    /// The unescaped value of the attribute whose name without its prefix is `name`; namespace
    /// declarations (`xmlns`, `xmlns:p`) are not attributes.
    pub(crate) fn attribute(&self, name: &str) -> Result<Option<Cow<'_, str>>, XmlError> {
        let malformed =
            || XmlError::new(format!("element `{}`: a malformed attribute", self.name()));
        for attribute in self.start.attributes() {
            let attribute = attribute.map_err(|_| malformed())?;
            let key = attribute.key;
            if key.as_namespace_binding().is_some() {
                continue;
            }
            if key.local_name().into_inner() == name.as_bytes() {
                return attribute
                    .normalized_value(::quick_xml::XmlVersion::Implicit1_0)
                    .map(Some)
                    .map_err(|_| malformed());
            }
        }
        Ok(None)
    }

    /// The attribute whose name without its prefix is `name`, read with `parse`; the message of
    /// its error names the attribute.
    pub(crate) fn parse_attribute<T>(
        &self,
        name: &str,
        parse: impl FnOnce(&str) -> Result<T, ::std::string::String>,
    ) -> Result<Option<T>, XmlError> {
        match self.attribute(name)? {
            Some(text) => parse(&text)
                .map(Some)
                .map_err(|problem| XmlError::new(format!("attribute `{name}`: {problem}"))),
            None => Ok(None),
        }
    }

    /// The next child element, skipping the rest of the one before, text between elements,
    /// comments and processing instructions; `None` at the element's end.
    pub(crate) fn next_child(&mut self) -> Result<Option<Element<'_, 'a>>, XmlError> {
        if self.done {
            return Ok(None);
        }
        loop {
            match self.document.next()? {
                Event::Start(start) => {
                    self.document.depth += 1;
                    if self.document.depth > MAX_DEPTH {
                        return Err(XmlError::new(format!(
                            "elements nest deeper than {MAX_DEPTH} levels"
                        )));
                    }
                    if self.document.depth == self.depth + 1 {
                        return Element::new(self.document, start, false).map(Some);
                    }
                }
                Event::Empty(start) if self.document.depth == self.depth => {
                    return Element::new(self.document, start, true).map(Some);
                }
                Event::End(_) => {
                    self.document.depth -= 1;
                    if self.document.depth < self.depth {
                        self.done = true;
                        return Ok(None);
                    }
                }
                Event::Decl(_) | Event::DocType(_) => {
                    return Err(XmlError::new("a declaration inside an element"));
                }
                // The document's end inside an element is an error of `Document::next`.
                _ => {}
            }
        }
    }

    /// Skips what is left of the element, to its end.
    pub(crate) fn skip_rest(&mut self) -> Result<(), XmlError> {
        while self.next_child()?.is_some() {}
        Ok(())
    }

    /// The element's text: its text and CDATA sections joined, unescaped, with line ends
    /// normalized as XML 1.0 does. An element inside it is an error: a value was expected.
    pub(crate) fn text(&mut self) -> Result<Cow<'a, str>, XmlError> {
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        if self.done {
            return Ok(text);
        }
        let append = |text: &mut Cow<'a, str>, piece: Cow<'a, str>| {
            if text.is_empty() {
                *text = piece;
            } else {
                text.to_mut().push_str(&piece);
            }
        };
        let not_utf8 = || XmlError::new("the document is not UTF-8");
        loop {
            match self.document.next()? {
                Event::Text(piece) => {
                    append(&mut text, piece.xml10_content().map_err(|_| not_utf8())?)
                }
                Event::CData(piece) => {
                    append(&mut text, piece.xml10_content().map_err(|_| not_utf8())?)
                }
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) if is_xml_char(c) => Cow::Owned(c.to_string()),
                        Ok(Some(_)) | Err(_) => {
                            return Err(XmlError::invalid_value(
                                self.name(),
                                "an invalid character reference",
                            ))
                        }
                        Ok(None) => {
                            let name = reference.decode().map_err(|_| not_utf8())?;
                            match ::quick_xml::escape::resolve_predefined_entity(&name) {
                                Some(value) => Cow::Borrowed(value),
                                None => {
                                    return Err(XmlError::invalid_value(
                                        self.name(),
                                        "an entity XML does not define",
                                    ))
                                }
                            }
                        }
                    };
                    append(&mut text, resolved);
                }
                Event::End(_) => {
                    self.document.depth -= 1;
                    self.done = true;
                    return Ok(text);
                }
                Event::Start(_) | Event::Empty(_) => {
                    return Err(XmlError::invalid_value(
                        self.name(),
                        "expected text, found an element",
                    ));
                }
                Event::Comment(_) | Event::PI(_) => {}
                _ => return Err(XmlError::new("a declaration inside an element")),
            }
        }
    }

    /// The element's text read with `parse`, whose error says what was expected; the message
    /// names the element.
    pub(crate) fn parse<T>(
        &mut self,
        parse: impl FnOnce(&str) -> Result<T, ::std::string::String>,
    ) -> Result<T, XmlError> {
        let text = self.text()?;
        parse(&text).map_err(|problem| XmlError::invalid_value(self.name(), problem))
    }

    /// The element's text, owned.
    pub(crate) fn string(&mut self) -> Result<::std::string::String, XmlError> {
        self.text().map(Cow::into_owned)
    }
}

/// Whether XML 1.0 allows the character in a document.
fn is_xml_char(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..
    )
}

/// A map entry's key and value, once both were read.
pub(crate) fn entry<K, V>(
    key: ::std::option::Option<K>,
    value: ::std::option::Option<V>,
) -> ::std::result::Result<(K, V), XmlError> {
    match (key, value) {
        (::std::option::Option::Some(key), ::std::option::Option::Some(value)) => {
            ::std::result::Result::Ok((key, value))
        }
        _ => ::std::result::Result::Err(XmlError::new("a map entry needs a key and a value")),
    }
}

/// A sparse map's entry: its key, and its value if it has one.
pub(crate) fn sparse_entry<K, V>(
    key: ::std::option::Option<K>,
    value: ::std::option::Option<::std::option::Option<V>>,
) -> ::std::result::Result<(K, ::std::option::Option<V>), XmlError> {
    match key {
        ::std::option::Option::Some(key) => ::std::result::Result::Ok((key, value.flatten())),
        ::std::option::Option::None => {
            ::std::result::Result::Err(XmlError::new("a map entry has no key"))
        }
    }
}

/// A structure or union read from the element holding it.
pub(crate) trait ReadXml: Sized {
    /// Reads the value from `element`'s attributes and children.
    fn read_xml(element: &mut Element<'_, '_>) -> Result<Self, XmlError>;
}

/// Reads a structure or union from `element`.
pub(crate) fn read<T: ReadXml>(element: &mut Element<'_, '_>) -> Result<T, XmlError> {
    T::read_xml(element)
}

/// A structure or union written into an element started for it.
pub(crate) trait WriteXml {
    /// Writes the value's attributes, then its child elements, into `element`.
    fn write_xml(&self, element: &mut ElementWriter<'_>);
}

/// Reads a whole document whose root holds a `T`, whatever the root is named.
pub(crate) fn read_document<T: ReadXml>(body: &[u8]) -> Result<T, XmlError> {
    let mut document = Document::new(body);
    let mut root = document.root()?;
    let value = T::read_xml(&mut root)?;
    root.skip_rest()?;
    document.end()?;
    Ok(value)
}

/// Whether a body holds nothing but whitespace: a response without a document.
fn is_blank(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

/// Reads the root element of a body with `read`, whatever the root is named; a blank body holds
/// no members, and is not read.
pub(crate) fn read_root(
    body: &[u8],
    read: impl FnOnce(&mut Element<'_, '_>) -> Result<(), XmlError>,
) -> Result<(), XmlError> {
    if is_blank(body) {
        return Ok(());
    }
    let mut document = Document::new(body);
    let mut root = document.root()?;
    read(&mut root)?;
    root.skip_rest()?;
    document.end()
}

/// Reads the child of the root named `wrapper` (awsQuery's `<OperationResult>`) with `read`; a
/// response without it (or a blank body) holds no members.
pub(crate) fn read_wrapped(
    body: &[u8],
    wrapper: &str,
    read: impl FnOnce(&mut Element<'_, '_>) -> Result<(), XmlError>,
) -> Result<(), XmlError> {
    if is_blank(body) {
        return Ok(());
    }
    let mut document = Document::new(body);
    let mut root = document.root()?;
    let mut read = Some(read);
    while let Some(mut child) = root.next_child()? {
        if child.name() == wrapper {
            if let Some(read) = read.take() {
                read(&mut child)?;
            }
        }
    }
    document.end()
}

/// Reads the element of an error response that holds the error's members, `Error`, wherever the
/// protocol puts it (see [`error_info`]), with `read`.
pub(crate) fn read_error(
    body: &[u8],
    read: impl FnOnce(&mut Element<'_, '_>) -> Result<(), XmlError>,
) -> Result<(), XmlError> {
    let mut document = Document::new(body);
    let mut root = document.root()?;
    let mut read = Some(read);
    if root.name() == "Error" {
        if let Some(read) = read.take() {
            read(&mut root)?;
        }
    }
    while let Some(mut child) = root.next_child()? {
        match child.name() {
            "Error" => {
                if let Some(read) = read.take() {
                    read(&mut child)?;
                }
            }
            "Errors" => {
                while let Some(mut error) = child.next_child()? {
                    if error.name() == "Error" {
                        if let Some(read) = read.take() {
                            read(&mut error)?;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    document.end()?;
    match read {
        None => Ok(()),
        Some(_) => Err(XmlError::new("the error response has no `Error` element")),
    }
}

/// Reads a blob's base64 text.
pub(crate) fn parse_blob(text: &str) -> Result<crate::primitives::Blob, ::std::string::String> {
    crate::primitives::Blob::from_base64(text.trim()).ok_or_else(|| "expected base64".to_owned())
}

/// The text of a value written as an XML attribute or element: `true` or `false`.
pub(crate) fn bool_text(value: bool) -> &'static str {
    if value {
        "true"
    } else {
        "false"
    }
}

/// A document being written.
#[derive(Debug, Default)]
pub(crate) struct XmlWriter {
    out: ::std::string::String,
}

impl XmlWriter {
    /// An empty document.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Starts the root element.
    pub(crate) fn start<'w>(&'w mut self, name: &'w str) -> ElementWriter<'w> {
        ElementWriter::start(&mut self.out, name)
    }

    /// The document's bytes.
    pub(crate) fn into_bytes(self) -> ::std::vec::Vec<u8> {
        self.out.into_bytes()
    }
}

/// An element being written: its attributes first, then its children or text. It is closed when
/// dropped.
#[derive(Debug)]
pub(crate) struct ElementWriter<'w> {
    out: &'w mut ::std::string::String,
    name: &'w str,
    /// Whether the start tag is still open for attributes.
    open: bool,
}

impl<'w> ElementWriter<'w> {
    fn start(out: &'w mut ::std::string::String, name: &'w str) -> Self {
        out.push('<');
        out.push_str(name);
        Self {
            out,
            name,
            open: true,
        }
    }

    /// Adds the attribute `name="value"`, escaped. Attributes come before any child or text.
    pub(crate) fn attribute(&mut self, name: &str, value: &str) -> &mut Self {
        debug_assert!(self.open, "attributes come before children");
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(self.out, value, true);
        self.out.push('"');
        self
    }

    /// Declares a namespace: `xmlns="uri"`, or `xmlns:prefix="uri"`.
    pub(crate) fn namespace(&mut self, prefix: Option<&str>, uri: &str) -> &mut Self {
        match prefix {
            Some(prefix) => {
                let name = format!("xmlns:{prefix}");
                self.attribute(&name, uri)
            }
            None => self.attribute("xmlns", uri),
        }
    }

    fn close_start(&mut self) {
        if self.open {
            self.out.push('>');
            self.open = false;
        }
    }

    /// Starts a child element.
    pub(crate) fn child<'c>(&'c mut self, name: &'c str) -> ElementWriter<'c> {
        self.close_start();
        ElementWriter::start(self.out, name)
    }

    /// Writes text, escaped.
    pub(crate) fn text(&mut self, text: &str) -> &mut Self {
        self.close_start();
        escape_into(self.out, text, false);
        self
    }

    /// Closes the element (as dropping it does).
    pub(crate) fn finish(self) {}
}

impl Drop for ElementWriter<'_> {
    fn drop(&mut self) {
        if self.open {
            self.out.push_str("/>");
        } else {
            self.out.push_str("</");
            self.out.push_str(self.name);
            self.out.push('>');
        }
    }
}

/// Appends `text` escaped for element content or, with `attribute`, an attribute value: `&`,
/// `<` and `>` always, quotes in attributes, and carriage returns (and in attributes tabs and
/// line feeds) as character references, which a reader's normalization leaves alone.
fn escape_into(out: &mut ::std::string::String, text: &str, attribute: bool) {
    let escaped = if attribute {
        ::quick_xml::escape::escape(text)
    } else {
        ::quick_xml::escape::partial_escape(text)
    };
    if !escaped.contains(['\r', '\n', '\t']) {
        out.push_str(&escaped);
        return;
    }
    for c in escaped.chars() {
        match c {
            '\r' => out.push_str("&#xD;"),
            '\n' if attribute => out.push_str("&#xA;"),
            '\t' if attribute => out.push_str("&#x9;"),
            c => out.push(c),
        }
    }
}

/// Reads the code, message and request id of an XML error response: `<ErrorResponse><Error>`
/// (restXml, awsQuery), `<Error>` alone (restXml's `noErrorWrapping`, S3), or
/// `<Response><Errors><Error>` (ec2Query). The request id is the body's `RequestId` (or
/// `RequestID`), else the response's request id header.
pub(crate) fn error_info(headers: &::http::HeaderMap, body: &[u8]) -> crate::http::ErrorInfo {
    let mut info = crate::http::ErrorInfo {
        code: None,
        message: None,
        request_id: None,
    };
    // A body that is not the XML of an error leaves the code unknown: the error is unhandled.
    let _ = read_error_info(body, &mut info);
    if info.request_id.is_none() {
        info.request_id = crate::http::request_id(headers);
    }
    info
}

fn read_error_info(body: &[u8], info: &mut crate::http::ErrorInfo) -> Result<(), XmlError> {
    let mut document = Document::new(body);
    let mut root = document.root()?;
    if root.name() == "Error" {
        return read_error_element(&mut root, info);
    }
    while let Some(mut child) = root.next_child()? {
        match child.name() {
            "Error" => read_error_element(&mut child, info)?,
            "Errors" => {
                while let Some(mut error) = child.next_child()? {
                    if error.name() == "Error" && info.code.is_none() {
                        read_error_element(&mut error, info)?;
                    }
                }
            }
            "RequestId" | "RequestID" => info.request_id = Some(child.string()?),
            _ => {}
        }
    }
    Ok(())
}

fn read_error_element(
    error: &mut Element<'_, '_>,
    info: &mut crate::http::ErrorInfo,
) -> Result<(), XmlError> {
    while let Some(mut child) = error.next_child()? {
        match child.name() {
            "Code" => info.code = Some(child.string()?.trim().to_owned()),
            "Message" | "message" => info.message = Some(child.string()?),
            "RequestId" | "RequestID" => info.request_id = Some(child.string()?),
            _ => {}
        }
    }
    Ok(())
}
