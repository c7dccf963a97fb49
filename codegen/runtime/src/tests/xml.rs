//! The XML reader and writer: scoped reading, skipping, unescaping, namespaces, malformed
//! documents, and writing that reads back.

use super::rng::Rng;
use crate::xml::{
    error_info, read_document, read_error, read_root, read_wrapped, Document, Element,
    ElementWriter, ReadXml, WriteXml, XmlError, XmlWriter, MAX_DEPTH,
};

/// A whole element as a tree, for tests: name, attributes, then children or text.
#[derive(Debug, PartialEq)]
enum Node {
    Element(String, Vec<(String, String)>, Vec<Node>),
    Text(String),
}

/// Reads an element whole: its children, or its text when it has no child element.
fn tree(element: &mut Element<'_, '_>, attributes: &[&str]) -> Result<Node, XmlError> {
    let name = element.name().to_owned();
    let mut found = Vec::new();
    for attribute in attributes {
        if let Some(value) = element.attribute(attribute)? {
            found.push((attribute.to_string(), value.into_owned()));
        }
    }
    let mut children = Vec::new();
    while let Some(mut child) = element.next_child()? {
        children.push(tree(&mut child, attributes)?);
    }
    Ok(Node::Element(name, found, children))
}

fn read_tree(body: &str) -> Result<Node, XmlError> {
    let mut document = Document::new(body.as_bytes());
    let mut root = document.root()?;
    tree(&mut root, &["a", "b"])
}

fn element(name: &str, children: Vec<Node>) -> Node {
    Node::Element(name.to_owned(), Vec::new(), children)
}

/// The text of the first child of the root named `name`.
fn child_text(body: &str, name: &str) -> Result<Option<String>, XmlError> {
    let mut document = Document::new(body.as_bytes());
    let mut root = document.root()?;
    while let Some(mut child) = root.next_child()? {
        if child.name() == name {
            return child.string().map(Some);
        }
    }
    Ok(None)
}

#[test]
fn elements_are_read_by_local_name_and_namespaces_are_ignored() {
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <p:Root xmlns:p="urn:p" xmlns="urn:default" p:a="1" b="2" xmlns:q="urn:q">
            <q:child>x</q:child>
            <child/>
        </p:Root>"#;
    let mut document = Document::new(body.as_bytes());
    let mut root = document.root().unwrap();
    assert_eq!(root.name(), "Root");
    assert_eq!(root.attribute("a").unwrap().as_deref(), Some("1"));
    assert_eq!(root.attribute("b").unwrap().as_deref(), Some("2"));
    assert_eq!(
        root.attribute("p").unwrap(),
        None,
        "xmlns:p declares a namespace"
    );
    assert_eq!(root.attribute("xmlns").unwrap(), None);
    let mut first = root.next_child().unwrap().unwrap();
    assert_eq!(first.name(), "child");
    assert_eq!(first.string().unwrap(), "x");
    let mut second = root.next_child().unwrap().unwrap();
    assert_eq!(second.name(), "child");
    assert_eq!(second.string().unwrap(), "");
    assert!(root.next_child().unwrap().is_none());
    assert!(root.next_child().unwrap().is_none(), "the end is sticky");
}

#[test]
fn children_left_unread_are_skipped_however_deep() {
    let body = "<r><skip><a><b><c>deep</c></b><d/></a>text</skip><keep>yes</keep><partial><x>1</x><y>2</y></partial><last>z</last></r>";
    let mut document = Document::new(body.as_bytes());
    let mut root = document.root().unwrap();
    let mut names = Vec::new();
    while let Some(mut child) = root.next_child().unwrap() {
        names.push(child.name().to_owned());
        match child.name() {
            "keep" => assert_eq!(child.string().unwrap(), "yes"),
            "partial" => {
                // Read one grandchild and leave the rest.
                let mut x = child.next_child().unwrap().unwrap();
                assert_eq!(x.string().unwrap(), "1");
            }
            "last" => assert_eq!(child.string().unwrap(), "z"),
            _ => {}
        }
    }
    assert_eq!(names, ["skip", "keep", "partial", "last"]);
}

#[test]
fn text_is_unescaped_joined_and_line_ends_normalized() {
    let cases = [
        ("<v>&lt;&gt;&amp;&apos;&quot;</v>", "<>&'\""),
        ("<v>a&#xD;&#10;b&#x1F600;</v>", "a\r\nb\u{1f600}"),
        ("<v>a\r\nb\rc</v>", "a\nb\nc"),
        (
            "<v>x<![CDATA[<not> &amp; markup]]>y</v>",
            "x<not> &amp; markupy",
        ),
        ("<v>  spaced  </v>", "  spaced  "),
        ("<v>a<!-- hidden -->b<?pi data?>c</v>", "abc"),
        (
            "<v>escaped data: &amp;lt;&#xD;&#10;</v>",
            "escaped data: &lt;\r\n",
        ),
    ];
    for (body, expected) in cases {
        let mut document = Document::new(body.as_bytes());
        let text = document.root().unwrap().string().unwrap();
        assert_eq!(text, expected, "{body}");
    }
}

#[test]
fn attribute_values_are_unescaped() {
    let body = r#"<v a="&lt;test&amp;mock&gt;" b="x&#xA;y"/>"#;
    let mut document = Document::new(body.as_bytes());
    let root = document.root().unwrap();
    assert_eq!(root.attribute("a").unwrap().as_deref(), Some("<test&mock>"));
    assert_eq!(root.attribute("b").unwrap().as_deref(), Some("x\ny"));
}

#[test]
fn entities_xml_does_not_define_are_refused() {
    // A DTD's own entities are never expanded, so no document can grow itself.
    let body = r#"<!DOCTYPE v [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><v>&lol2;</v>"#;
    let error = Document::new(body.as_bytes())
        .root()
        .unwrap()
        .string()
        .unwrap_err();
    assert!(error.to_string().contains("entity"), "{error}");
    assert!(!error.to_string().contains("lol"), "{error}");
    for body in [
        "<v>&#0;</v>",
        "<v>&#xFFFFFF;</v>",
        "<v>&#xD800;</v>",
        "<v>&#x;</v>",
    ] {
        let mut document = Document::new(body.as_bytes());
        assert!(document.root().unwrap().string().is_err(), "{body}");
    }
}

#[test]
fn a_value_holding_an_element_is_an_error() {
    let mut document = Document::new(b"<v>text<b/></v>");
    let error = document.root().unwrap().string().unwrap_err();
    assert_eq!(
        error.to_string(),
        "element `v`: expected text, found an element"
    );
}

#[test]
fn malformed_documents_are_errors() {
    for body in [
        "",
        "   ",
        "not xml",
        "<a>",
        "<a><b></a>",
        "<a></b>",
        "<a><b>text</b>",
        "<a attr=\"x></a>",
        "<a attr=x></a>",
        "<a a=\"1\" a=\"2\"></a>",
        "text<a/>",
        "<a>&unterminated</a>",
        "<a><!-- unclosed </a>",
        "<a><![CDATA[ unclosed </a>",
        "<a><?xml version=\"1.0\"?></a>",
    ] {
        assert!(read_tree(body).is_err(), "{body:?} must be an error");
    }
    // Not UTF-8.
    assert!(Document::new(b"<a>\xff\xfe</a>")
        .root()
        .unwrap()
        .text()
        .is_err());
    assert!(Document::new(b"<\xff/>").root().is_err());
}

#[test]
fn every_truncation_of_a_document_is_an_error() {
    let body = r#"<?xml version="1.0"?><Root a="1"><List><member>x &amp; y</member><member><![CDATA[z]]></member></List><Empty/></Root>"#;
    assert!(read_tree(body).is_ok());
    for end in 0..body.len() {
        assert!(read_tree(&body[..end]).is_err(), "{:?}", &body[..end]);
    }
}

#[test]
fn nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow() {
    let nested = |depth: usize| format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
    assert!(read_tree(&nested(MAX_DEPTH)).is_ok());
    let error = read_tree(&nested(MAX_DEPTH + 1)).unwrap_err();
    assert!(error.to_string().contains("nest deeper"), "{error}");
    // A million levels are refused early, with the reader's memory and the stack untouched.
    assert!(read_tree(&nested(1_000_000)).is_err());
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng::new(0x3a11);
    let pieces = [
        "<a>",
        "</a>",
        "<b/>",
        "&amp;",
        "&#x41;",
        "&",
        "<![CDATA[x]]>",
        "<!--c-->",
        "text",
        "\"",
        "=",
        " x=\"1\"",
        "<?pi?>",
        "<!DOCTYPE a>",
        "\u{e9}",
        ">",
        "<",
    ];
    for _ in 0..5_000 {
        let mut body: Vec<u8> = Vec::new();
        for _ in 0..rng.below(12) {
            if rng.below(4) == 0 {
                body.extend(rng.bytes(4));
            } else {
                body.extend(pieces[rng.below(pieces.len() as u64) as usize].as_bytes());
            }
        }
        let mut document = Document::new(&body);
        if let Ok(mut root) = document.root() {
            let _ = tree(&mut root, &["x"]);
        }
        let _ = error_info(&http::HeaderMap::new(), &body);
    }
}

#[test]
fn error_messages_quote_nothing_from_the_document() {
    for body in [
        "<a><secret1></secret2></a>",
        "<a>&secret;</a>",
        "<a><b secret=\"1\" secret=\"2\"/></a>",
        "<a><b></b></secret></a>",
    ] {
        let mut document = Document::new(body.as_bytes());
        let error = match document.root() {
            Ok(mut root) => root.string().unwrap_err().to_string(),
            Err(error) => error.to_string(),
        };
        assert!(!error.contains("secret"), "{body}: {error}");
        assert!(
            error.contains("malformed XML") || error.contains("element"),
            "{error}"
        );
    }
}

#[test]
fn the_writer_escapes_and_nests() {
    let mut writer = XmlWriter::new();
    {
        let mut root = writer.start("Root");
        root.namespace(None, "https://example.com")
            .namespace(Some("p"), "urn:p")
            .attribute("p:attr", "<\"quoted\" & 'single'>\n\t\r");
        root.child("text").text("a < b & c > d \"e\" 'f'\r\n");
        root.child("empty").finish();
        let mut list = root.child("list");
        for item in ["1", "2"] {
            list.child("member").text(item);
        }
    }
    let text = String::from_utf8(writer.into_bytes()).unwrap();
    assert_eq!(
        text,
        "<Root xmlns=\"https://example.com\" xmlns:p=\"urn:p\" \
         p:attr=\"&lt;&quot;quoted&quot; &amp; &apos;single&apos;&gt;&#xA;&#x9;&#xD;\">\
         <text>a &lt; b &amp; c &gt; d \"e\" 'f'&#xD;\n</text><empty/>\
         <list><member>1</member><member>2</member></list></Root>"
    );
}

/// Whatever text is written, in an element or an attribute, reads back the same.
#[test]
fn written_text_reads_back() {
    let alphabet: Vec<char> = "aZ9 <>&'\"\r\n\t;#x]]>\u{e9}\u{1f600}".chars().collect();
    let mut rng = Rng::new(0x7e57);
    for _ in 0..2_000 {
        let (text, attribute) = (rng.text(&alphabet, 16), rng.text(&alphabet, 16));
        let mut writer = XmlWriter::new();
        {
            let mut root = writer.start("r");
            root.attribute("a", &attribute);
            root.child("v").text(&text);
        }
        let body = writer.into_bytes();
        let mut document = Document::new(&body);
        let mut root = document.root().unwrap();
        assert_eq!(
            root.attribute("a").unwrap().as_deref(),
            Some(attribute.as_str())
        );
        let mut value = root.next_child().unwrap().unwrap();
        assert_eq!(value.string().unwrap(), text);
    }
}

#[test]
fn attributes_are_parsed_with_their_name_in_errors() {
    let mut document = Document::new(b"<r n=\" 7 \" bad=\"x\"/>");
    let root = document.root().unwrap();
    let parse = crate::http::parse_number::<i32>;
    assert_eq!(root.parse_attribute("n", parse).unwrap(), Some(7));
    assert_eq!(root.parse_attribute("missing", parse).unwrap(), None);
    let error = root.parse_attribute("bad", parse).unwrap_err();
    assert_eq!(
        error.to_string(),
        "attribute `bad`: expected an integer that fits in i32"
    );
}

#[test]
fn values_are_parsed_with_the_element_named_in_errors() {
    let mut document = Document::new(b"<r><n> 42 </n><bad>4x</bad></r>");
    let mut root = document.root().unwrap();
    let mut n = root.next_child().unwrap().unwrap();
    assert_eq!(n.parse(crate::http::parse_number::<i32>).unwrap(), 42);
    let mut bad = root.next_child().unwrap().unwrap();
    let error = bad.parse(crate::http::parse_number::<i32>).unwrap_err();
    assert_eq!(
        error.to_string(),
        "element `bad`: expected an integer that fits in i32"
    );
}

/// A structure of two members, as generated code reads and writes one.
#[derive(Debug, Default, PartialEq)]
struct Pair {
    first: Option<String>,
    second: Option<i32>,
}

impl ReadXml for Pair {
    fn read_xml(element: &mut Element<'_, '_>) -> Result<Self, XmlError> {
        let mut pair = Pair::default();
        while let Some(mut child) = element.next_child()? {
            match child.name() {
                "First" => pair.first = Some(child.string()?),
                "Second" => pair.second = Some(child.parse(crate::http::parse_number)?),
                _ => {}
            }
        }
        Ok(pair)
    }
}

impl WriteXml for Pair {
    fn write_xml(&self, element: &mut ElementWriter<'_>) {
        if let Some(first) = &self.first {
            element.child("First").text(first);
        }
        if let Some(second) = self.second {
            element.child("Second").text(&second.to_string());
        }
    }
}

#[test]
fn traits_read_what_they_write() {
    let pair = Pair {
        first: Some("a & b".to_owned()),
        second: Some(-3),
    };
    let mut writer = XmlWriter::new();
    pair.write_xml(&mut writer.start("Pair"));
    let body = writer.into_bytes();
    assert_eq!(
        body,
        b"<Pair><First>a &amp; b</First><Second>-3</Second></Pair>"
    );
    assert_eq!(read_document::<Pair>(&body).unwrap(), pair);
}

/// Reads a `Pair` from a body with one of the body readers.
fn pair_from(
    read: impl FnOnce(
        &mut dyn FnMut(&mut Element<'_, '_>) -> Result<(), XmlError>,
    ) -> Result<(), XmlError>,
) -> Result<Option<Pair>, XmlError> {
    let mut found = None;
    read(&mut |element| {
        found = Some(Pair::read_xml(element)?);
        Ok(())
    })?;
    Ok(found)
}

#[test]
fn bodies_are_read_from_the_root_or_a_wrapper_and_blank_ones_hold_nothing() {
    let body = b"<OpResponse xmlns=\"urn:x\"><OpResult><First>x</First></OpResult><ResponseMetadata><RequestId>id</RequestId></ResponseMetadata></OpResponse>";
    let pair = pair_from(|read| read_wrapped(body, "OpResult", read)).unwrap();
    assert_eq!(pair.unwrap().first.as_deref(), Some("x"));
    assert_eq!(
        pair_from(|read| read_wrapped(b"<OpResponse/>", "OpResult", read)).unwrap(),
        None
    );
    assert_eq!(
        pair_from(|read| read_wrapped(b" \n", "OpResult", read)).unwrap(),
        None
    );
    assert!(pair_from(|read| read_wrapped(b"<OpResponse>", "OpResult", read)).is_err());
    let pair = pair_from(|read| read_root(b"<Any><Second>2</Second></Any>", read)).unwrap();
    assert_eq!(pair.unwrap().second, Some(2));
    assert_eq!(pair_from(|read| read_root(b"", read)).unwrap(), None);
    assert!(pair_from(|read| read_root(b"<Any><Second>x</Second></Any>", read)).is_err());
}

#[test]
fn content_after_the_root_or_a_document_cut_after_what_is_read_is_an_error() {
    let wrapped = b"<OpResponse><OpResult><First>x</First></OpResult>";
    assert!(pair_from(|read| read_wrapped(wrapped, "OpResult", read)).is_err());
    let trailing = b"<OpResponse><OpResult><First>x</First></OpResult></OpResponse><More/>";
    assert!(pair_from(|read| read_wrapped(trailing, "OpResult", read)).is_err());
    assert!(pair_from(|read| read_root(b"<Any/><Any/>", read)).is_err());
    assert!(pair_from(|read| read_root(b"<Any/>text", read)).is_err());
    assert!(pair_from(|read| read_error(b"<Error><Code>A</Code></Error><Error/>", read)).is_err());
    // Whitespace, comments and processing instructions may follow the root.
    let pair =
        pair_from(|read| read_root(b"<Any><Second>2</Second></Any>\n<!-- c --><?pi x?>\n", read));
    assert_eq!(pair.unwrap().unwrap().second, Some(2));
}

#[test]
fn errors_are_found_in_every_protocol_layout() {
    let mut headers = http::HeaderMap::new();
    headers.insert("x-amz-request-id", "header-id".parse().unwrap());
    let layouts = [
        // restXml and awsQuery.
        (
            "<ErrorResponse><Error><Type>Sender</Type><Code>Bad</Code><Message>Hi</Message><First>f</First></Error><RequestId>body-id</RequestId></ErrorResponse>",
            Some("body-id"),
        ),
        // restXml with `noErrorWrapping` (S3).
        (
            "<?xml version=\"1.0\"?>\n<Error><Code>Bad</Code><Message>Hi</Message><First>f</First><RequestId>body-id</RequestId></Error>",
            Some("body-id"),
        ),
        // ec2Query.
        (
            "<Response><Errors><Error><Code>Bad</Code><Message>Hi</Message><First>f</First></Error></Errors><RequestID>body-id</RequestID></Response>",
            Some("body-id"),
        ),
        // No request id in the body: the header's.
        (
            "<Error><Code> Bad </Code><Message>Hi</Message><First>f</First></Error>",
            Some("header-id"),
        ),
    ];
    for (body, request_id) in layouts {
        let info = error_info(&headers, body.as_bytes());
        assert_eq!(info.code.as_deref(), Some("Bad"), "{body}");
        assert_eq!(info.message.as_deref(), Some("Hi"), "{body}");
        assert_eq!(info.request_id.as_deref(), request_id, "{body}");
        let error = pair_from(|read| read_error(body.as_bytes(), read)).unwrap();
        assert_eq!(error.unwrap().first.as_deref(), Some("f"), "{body}");
    }
    for body in [
        "",
        "not xml",
        "<Other><Code>x</Code></Other>",
        "<ErrorResponse><Error><Code>",
    ] {
        let info = error_info(&headers, body.as_bytes());
        assert_eq!(info.request_id.as_deref(), Some("header-id"), "{body}");
        assert!(
            pair_from(|read| read_error(body.as_bytes(), read)).is_err(),
            "{body}"
        );
    }
    assert_eq!(
        error_info(&headers, b"<Other><Code>x</Code></Other>").code,
        None
    );
}

#[test]
fn trees_read_whole() {
    let node = read_tree("<r a=\"1\"><x/><y><z/></y></r>").unwrap();
    assert_eq!(
        node,
        Node::Element(
            "r".into(),
            vec![("a".into(), "1".into())],
            vec![
                element("x", vec![]),
                element("y", vec![element("z", vec![])])
            ]
        )
    );
    let _ = Node::Text(String::new());
}
