//! Conversion tests: input documentation and the exact Markdown expected, and the promises every
//! output keeps whatever the input.

use super::{is_bidi_control, to_markdown};

/// Checks each `(input, expected output)` pair, reporting every mismatch at once.
fn check(cases: &[(&str, &str)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|&(input, expected)| {
            let actual = to_markdown(input);
            assert_invariants(input, &actual);
            (actual != expected).then(|| format!("input:    {input:?}\nexpected: {expected:?}\nactual:   {actual:?}\n"))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn paragraphs_and_whitespace() {
    check(&[
        ("", ""),
        ("<p></p>", ""),
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("<p>  Lots   of\n\n   space\t here. </p>", "Lots of space here."),
        ("Text <p>then a paragraph</p> and more", "Text\n\nthen a paragraph\n\nand more"),
        ("<p>Unclosed<p>paragraphs", "Unclosed\n\nparagraphs"),
        ("<div><p>Nested</p></div>", "Nested"),
        ("<p>Line<br>break</p>", "Line\\\nbreak"),
        ("<p>Line<br/><br/>gap</p>", "Line\n\ngap"),
        ("<p>A<br></p>", "A"),
        ("<p>x</br>y</p>", "x\\\ny"),
    ]);
}

#[test]
fn inline_styles() {
    check(&[
        ("<p><b>bold</b> and <i>italic</i></p>", "**bold** and *italic*"),
        ("<p><strong>bold</strong> <em>em</em></p>", "**bold** *em*"),
        ("<p><b> spaced </b>text</p>", "**spaced** text"),
        ("<p><b>bold <i>both</i> bold</b></p>", "**bold *both* bold**"),
        ("<p>in<b>word</b>s</p>", "in**word**s"),
        ("<p>a<b>\"quoted\"</b>s</p>", "a\"quoted\"s"),
        ("<p>(<i>optional</i>)</p>", "(*optional*)"),
        ("<p><b>Note:</b> read</p>", "**Note:** read"),
        ("<p><b></b>empty</p>", "empty"),
        ("<p><u>under</u> <span>span</span></p>", "under span"),
        ("<p><replaceable>name</replaceable></p>", "*name*"),
        ("<p><b>a</b><i>b</i></p>", "**a**b"),
        ("<p>a<b> </b>b</p>", "a b"),
    ]);
}

#[test]
fn inline_code() {
    check(&[
        ("<p>Use <code>ListThings</code>.</p>", "Use `ListThings`."),
        ("<p><code>a`b</code></p>", "``a`b``"),
        ("<p>x <code>`tick</code></p>", "x `` `tick ``"),
        ("<p><code>*_[x]_*</code></p>", "`*_[x]_*`"),
        ("<p><code> padded </code>x</p>", "`padded` x"),
        ("<p><code>arn:aws:iam::<i>account</i>:role</code></p>", "`arn:aws:iam::account:role`"),
        ("<p><b><code>Bold</code></b> code</p>", "**`Bold`** code"),
        ("<p><code>a</code><code>b</code></p>", "`ab`"),
        ("<p><code>&lt;region&gt;</code></p>", "`<region>`"),
        ("<p><code>x <region> y</code></p>", "`x <region> y`"),
        ("<p><code>\"<p>Add</p>\"</code></p>", "`\"<p>Add</p>\"`"),
        ("<p><code>\"pre_tag\": \"<b>\"</code></p>", "`\"pre_tag\": \"<b>\"`"),
        ("<p><code>``x``</code> after</p>", "\\`\\`x\\`\\` after"),
        ("<p>before <code>``x``</code></p>", "before ``` ``x`` ```"),
    ]);
}

#[test]
fn code_blocks() {
    check(&[
        ("<pre>fn main() {}</pre>", "```text\nfn main() {}\n```"),
        ("<pre>\n    indented\n      more\n</pre>", "```text\nindented\n  more\n```"),
        ("<pre><code>a &lt; b</code></pre>", "```text\na < b\n```"),
        // Tabs become spaces to the next four-column stop, in code as in prose.
        ("<pre>\nkey\tvalue\n  \tindented\n</pre>", "```text\nkey value\n    indented\n```"),
        ("Plain\ttext, markdown\n\n\tcode\tblock", "Plain   text, markdown\n\n```text\ncode    block\n```"),
        ("<p><code>{\n      \"a\": 1\n    }</code></p>", "```text\n{\n  \"a\": 1\n}\n```"),
        ("<p>x</p><pre>```\ninner\n```</pre>", "x\n\n````text\n```\ninner\n```\n````"),
        ("<ul><li><pre>a\nb</pre></li></ul>", "- ```text\n  a\n  b\n  ```"),
        ("<pre>   </pre>", ""),
        // A lone code element wrapped over two source lines is one line in HTML.
        ("<p><code>x-amz-restore: a,\n      b</code></p>", "`x-amz-restore: a, b`"),
        ("<p><code>one\ntwo\nthree</code></p>", "```text\none\ntwo\nthree\n```"),
        (
            "<p><code> <Grantee\n      x=\"1\">\n      </Grantee></code></p>",
            "```text\n<Grantee\nx=\"1\">\n</Grantee>\n```",
        ),
    ]);
}

#[test]
fn links() {
    check(&[
        ("<p>See <a href=\"https://example.com/a\">the docs</a>.</p>", "See [the docs](https://example.com/a)."),
        ("<p><a href=\"relative.html\">Relative</a> link</p>", "Relative link"),
        ("<p><a href=\"#anchor\">Anchor</a></p>", "Anchor"),
        ("<p><a>No href</a></p>", "No href"),
        ("<p><a href=\"https://example.com\"></a></p>", "<https://example.com>"),
        ("<p><a href=\"https://example.com\">https://example.com</a></p>", "<https://example.com>"),
        ("<p><a href=\"https://x.com/a b(c)\">odd</a></p>", "[odd](https://x.com/a%20b%28c%29)"),
        ("<p><a href='https://x.com?a=1&amp;b=2'>q</a></p>", "[q](https://x.com?a=1&b=2)"),
        ("<p><a href=\"https://x.com\"><code>Code</code></a></p>", "[`Code`](https://x.com)"),
        ("<p><b><a href=\"https://x.com\">bold link</a></b></p>", "**[bold link](https://x.com)**"),
        ("<p>Wow!<a href=\"https://x.com\">link</a></p>", "Wow\\![link](https://x.com)"),
        (
            "<p><a href=\"https://a.com\">one <a href=\"https://b.com\">two</a></p>",
            "[one](https://a.com) [two](https://b.com)",
        ),
        ("<p><link linkend=\"Other\">Other</link> operation</p>", "Other operation"),
        ("<p>see <a href=\"https://x.com\">\n <i>Guide</i>\n</a>.</p>", "see *[Guide](https://x.com)* ."),
    ]);
}

#[test]
fn bare_urls() {
    check(&[
        ("<p>Go to https://example.com/path.</p>", "Go to <https://example.com/path>."),
        ("<p>(see http://example.com/a_(b))</p>", "(see <http://example.com/a_(b)>)"),
        ("<p>https://s3.&lt;region&gt;.amazonaws.com</p>", "https://s3.\\<region>.amazonaws.com"),
        ("<p>https://bucket.s3.amazonaws.com/&lt;key&gt;</p>", "<https://bucket.s3.amazonaws.com/>\\<key>"),
        ("<p>\"https://example.com\"</p>", "\"<https://example.com>\""),
        ("<p>https:// alone</p>", "https:// alone"),
        ("See https://example.com for details", "See <https://example.com> for details"),
    ]);
}

#[test]
fn lists() {
    check(&[
        ("<ul><li>one</li><li>two</li></ul>", "- one\n- two"),
        ("<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"),
        ("<ol start=\"9\"><li>a</li><li>b</li></ol>", "9. a\n10. b"),
        ("<ul><li><p>one</p></li><li><p>two</p></li></ul>", "- one\n- two"),
        ("<ul><li><p>a</p><p>b</p></li><li>c</li></ul>", "- a\n\n  b\n\n- c"),
        ("<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ul>", "- a\n  - b\n    - c"),
        ("<ol><li>a<ol><li>b</li></ol></li></ol>", "1. a\n   1. b"),
        ("<ul><li>a<li>b</ul>", "- a\n- b"),
        ("<ul><li>a</li><ul><li>nested</li></ul></ul>", "- a\n  - nested"),
        ("<ul>stray<li>a</li></ul>", "- stray\n- a"),
        ("<ul><li></li><li> </li></ul>", ""),
        ("<li>orphan</li>", "- orphan"),
        ("<p>Intro:</p><ul><li>x</li></ul><p>After.</p>", "Intro:\n\n- x\n\nAfter."),
        // Adjacent lists would merge, so every other one uses the other marker.
        ("<ul><li>a</li></ul><ul><li>b</li></ul><ul><li>c</li></ul>", "- a\n\n* b\n\n- c"),
        ("<ol><li>a</li></ol><ol><li>b</li></ol>", "1. a\n\n1) b"),
        ("<ul><li>a</li></ul><ol><li>b</li></ol>", "- a\n\n1. b"),
        ("<ul><li>1. not a list</li><li>- dash</li><li># hash</li></ul>", "- 1\\. not a list\n- \\- dash\n- \\# hash"),
        (
            "<ul><li><p><code>Creating</code> - The access preview creation is in progress.</p></li></ul>",
            "- `Creating` - The access preview creation is in progress.",
        ),
    ]);
}

#[test]
fn callouts_headings_definitions() {
    check(&[
        ("<note><p>Careful.</p></note>", "**Note:** Careful."),
        ("<important>Really.</important>", "**Important:** Really."),
        ("<note><p>One.</p><p>Two.</p></note>", "**Note:** One.\n\nTwo."),
        ("<note><ul><li>x</li></ul></note>", "**Note:**\n\n- x"),
        ("<note></note>", ""),
        ("<h2>Title</h2><p>Body</p>", "**Title**\n\nBody"),
        ("<fullname>Amazon S3</fullname><p>Storage.</p>", "**Amazon S3**\n\nStorage."),
        (
            "<dl><dt>Term</dt><dd><p>Meaning.</p></dd><dt>Other<dd>More</dl>",
            "**Term**\n\nMeaning.\n\n**Other**\n\nMore",
        ),
    ]);
}

#[test]
fn tables() {
    check(&[
        (
            "<table><tr><th>Name</th><th>Type</th></tr><tr><td>a</td><td>string</td></tr></table>",
            "- **Name** \\| **Type**\n- a \\| string",
        ),
        ("<table><tbody><tr><td>x<td>y</tbody></table>", "- x \\| y"),
        ("<table></table>", ""),
    ]);
}

#[test]
fn aws_examples() {
    check(&[
        (
            "<examples><request>\nPOST /\n</request><response>\n{}\n</response></examples>",
            "```text\nPOST /\n```\n\n```text\n{}\n```",
        ),
        (
            "<p>Intro.</p><examples><example><name>Call</name><description>Edited.</description>\
         <request>\nPOST / HTTP/1.1\n{}\n</request></example></examples>",
            "Intro.\n\n**Call**\n\nEdited.\n\n```text\nPOST / HTTP/1.1\n{}\n```",
        ),
        ("<p>A <name>placeholder</name> outside examples</p>", "A \\<name>placeholder\\</name> outside examples"),
    ]);
}

#[test]
fn escaping_in_html_text() {
    check(&[
        ("<p>[Foo] and [x](y)</p>", "\\[Foo\\] and \\[x\\](y)"),
        ("<p>a &lt;b&gt; c</p>", "a \\<b> c"),
        ("<p>arn:aws:s3:::bucket/*</p>", "arn:aws:s3:::bucket/\\*"),
        ("<p>2 * 3</p>", "2 * 3"),
        ("<p>snake_case and _leading</p>", "snake_case and \\_leading"),
        ("<p>back`tick and back\\slash</p>", "back\\`tick and back\\\\slash"),
        ("<p>a|b ~c~</p>", "a\\|b \\~c\\~"),
        ("<p># not heading</p>", "\\# not heading"),
        ("<p>&gt; not quote</p>", "\\> not quote"),
        ("<p>- not list</p>", "\\- not list"),
        ("<p>+ not list</p>", "\\+ not list"),
        ("<p>1. not list</p>", "1\\. not list"),
        ("<p>2024) year</p>", "2024\\) year"),
        ("<p>1<i>)</i> #</p>", "1\\) #"),
        ("<p>=== not heading</p>", "\\=== not heading"),
        ("<p>AT&amp;T &amp;copy; &amp;</p>", "AT&T \\&copy; &"),
        ("<p>Unknown <region> and <bucket-name> tags</p>", "Unknown \\<region> and \\<bucket-name> tags"),
        ("<p>a < b > c</p>", "a \\< b > c"),
        ("<p>x &#39;y&#39; &quot;z&quot; &nbsp;w &#x2014; &bogus;</p>", "x 'y' \"z\" w — \\&bogus;"),
        ("<p><!-- comment -->Visible</p>", "Visible"),
        ("<p>\"<b>\" tag</p>", "\"\\<b>\" tag"),
    ]);
}

#[test]
fn malformed_html() {
    check(&[
        ("<p>unclosed <b>bold", "unclosed **bold**"),
        ("<p>stray</b> end</p>", "stray end"),
        ("<p>crossed <b>tags<i>here</b>ok</i></p>", "crossed **tagshere**ok"),
        ("<p a=\"1\" b='2' c=3 d>attrs</p>", "attrs"),
        ("<p>broken <a href=\"https://x.com>link</a></p>", "broken \\<a href=\"<https://x.com>>link"),
        ("<p>lt at end <", "lt at end \\<"),
        ("<<<>>>", "\\<\\<\\<>>>"),
        ("<p><!-- unclosed comment</p>", "\\<!-- unclosed comment"),
        ("</p>", ""),
        ("<p>x</p></li></ul>y", "x\n\ny"),
    ]);
}

#[test]
fn wrapping() {
    let words = vec!["word"; 60].join(" ");
    let out = to_markdown(&format!("<p>{words}</p>"));
    assert!(out.lines().count() > 1);
    assert!(out.lines().all(|line| line.len() <= super::markdown::WIDTH), "{out}");
    assert_eq!(out.replace('\n', " "), words);
    // A wrapped line never starts with something that would begin a block.
    let risky = vec!["a - b + c 1. d # e > f"; 20].join(" ");
    for line in to_markdown(&format!("<p>{risky}</p>")).lines().skip(1) {
        assert!(line.starts_with(|c: char| c.is_alphabetic()), "{line:?}");
    }
    let nested = to_markdown(&format!("<ul><li>{words}</li></ul>"));
    assert!(nested.lines().skip(1).all(|line| line.starts_with("  ") && !line.starts_with("   ")), "{nested}");
    // Link text is kept on one line.
    let link = format!("<p>{words} <a href=\"https://example.com/a\">some link text</a> end</p>");
    let linked = to_markdown(&link);
    assert!(linked.lines().any(|line| line.contains("[some link text](https://example.com/a)")), "{linked}");
    // Long CommonMark lines are wrapped too, list items with their indentation.
    let markdown = to_markdown(&format!("- {words}\n\n{words}"));
    assert!(markdown.lines().all(|line| line.len() <= super::markdown::WIDTH), "{markdown}");
    assert!(markdown.lines().nth(1).is_some_and(|line| line.starts_with("  word")), "{markdown}");
    assert_eq!(
        to_markdown(&format!("{words} `a b` https://x.com/a")).replace('\n', " "),
        format!("{words} `a b` <https://x.com/a>")
    );
    // A paragraph with an over-long line is wrapped as a whole, keeping hard line breaks.
    let reflowed = to_markdown(&format!("{words}\nshort\nlines\\\nafter break"));
    assert!(reflowed.lines().all(|line| line.len() <= super::markdown::WIDTH), "{reflowed}");
    assert!(reflowed.ends_with(" short lines\\\nafter break"), "{reflowed}");
    // A list item that starts with a link longer than a line keeps the link on the marker's line.
    let long_link = format!("- [`{}`](operation::x): Returns the status of streaming.", "Describe".repeat(12));
    let item = super::wrap_prose(&long_link);
    assert!(item.starts_with("- [`Describe"), "{item}");
    assert!(item.lines().skip(1).all(|line| line.starts_with("  ") && !line.trim().is_empty()), "{item}");
    // Never after an unescaped backslash, which would make a hard line break.
    let backslashes = vec!["a\\ b"; 40].join(" ");
    assert!(to_markdown(&backslashes).lines().all(|line| !line.ends_with('\\')));
}

#[test]
fn commonmark_is_kept() {
    check(&[
        ("Plain text.", "Plain text."),
        ("One\nline\n\nTwo", "One\nline\n\nTwo"),
        ("Uses `code`, *em*, **strong** and _under_.", "Uses `code`, *em*, **strong** and _under_."),
        ("- a\n- b\n  - c\n\n1. x\n2. y", "- a\n- b\n  - c\n\n1. x\n2. y"),
        ("[Smithy](https://smithy.io) docs", "[Smithy](https://smithy.io) docs"),
        ("An ![image](https://x.com/i.png)", "An ![image](https://x.com/i.png)"),
        ("<https://smithy.io>", "<https://smithy.io>"),
        ("Escaped \\[x\\] stays", "Escaped \\[x\\] stays"),
        ("`AWS::<NAME>::Thing` ok", "`AWS::<NAME>::Thing` ok"),
        ("Use `<p>` in text", "Use `<p>` in text"),
        ("> quoted", "> quoted"),
        // A line break in a code span is a space (CommonMark 6.1).
        ("Spans `across\nlines` work", "Spans `across lines` work"),
        ("    Indented\n    whole doc", "Indented\nwhole doc"),
        // A line indented further than the first continues it; one at the same column is kept.
        ("First line\n      continues here", "First line continues here"),
        ("- item\n      continued\n  own line", "- item continued\n  own line"),
        ("> quoted\n>     continued\n> own line", "> quoted continued\n> own line"),
    ]);
}

#[test]
fn commonmark_is_made_safe() {
    check(&[
        ("A [Foo] link", "A \\[Foo\\] link"),
        ("See [Foo][bar]", "See \\[Foo\\]\\[bar\\]"),
        ("See [the spec](spec.html) now", "See the spec now"),
        ("See [`Foo`](Foo)", "See `Foo`"),
        ("[outer [inner](https://a.com)](https://b.com)", "\\[outer [inner](https://a.com)\\](<https://b.com>)"),
        ("Visit https://smithy.io.", "Visit <https://smithy.io>."),
        ("[https://a.com](https://a.com)", "[https://a.com](https://a.com)"),
        ("a <T> c", "a \\<T> c"),
        ("a | b", "a \\| b"),
        ("odd ` tick", "odd \\` tick"),
        ("odd `` ticks `", "odd \\`\\` ticks \\`"),
        ("# Title\nBody", "**Title**\n\nBody"),
        ("## Title ##", "**Title**"),
        ("# Ends with \\", "**Ends with \\\\**"),
        ("# *Emphasis*", "***Emphasis***"),
        ("# ```x``` y_", "**```x``` y\\_**"),
        ("12)\n    ```\n    x\n    ```", "12) ```text\n    x\n    ```"),
        // The fence grows so that no line of the code can close it.
        ("  ```\n#\n    ```\n", "````text\n#\n  ```\n````"),
        // A setext heading inside a quote.
        ("> quoted\n> =", "> **quoted**"),
        ("<ftp://x.com> <a@b.com>", "\\<ftp://x.com> <a@b.com>"),
        ("Title\n=====\nBody", "**Title**\n\nBody"),
        ("#hashtag", "#hashtag"),
        ("Text\n***\nMore", "Text\n\n***\n\nMore"),
    ]);
}

#[test]
fn commonmark_code_blocks() {
    check(&[
        ("```\nfn main() {}\n```", "```text\nfn main() {}\n```"),
        ("```rust\nfn main() {}\n```", "```text\nfn main() {}\n```"),
        ("```rust,ignore\nx\n```", "```text\nx\n```"),
        ("```should-panic\nx\n```", "```text\nx\n```"),
        ("```E0277\nx\n```", "```text\nx\n```"),
        ("```c++\nx\n```", "```text\nx\n```"),
        ("~~~##\nx\n~~~", "~~~text\nx\n~~~"),
        ("```json\n{}\n```", "```json\n{}\n```"),
        ("~~~smithy\nstructure A {}\n~~~", "~~~smithy\nstructure A {}\n~~~"),
        ("```\nnever closed", "```text\nnever closed\n```"),
        ("Text:\n\n    indented code\n      more\n\nAfter", "Text:\n\n```text\nindented code\n  more\n```\n\nAfter"),
        ("- item\n\n      code in item\n", "- item\n\n  ```text\n  code in item\n  ```"),
        // A tight list stays tight: a fence may follow text directly.
        ("- item\n  ```\n  x\n  ```", "- item\n  ```text\n  x\n  ```"),
        ("Inline ```code``` here", "Inline ```code``` here"),
        // Code blocks that start inside list items and quotes.
        ("- ```rust\n  fn main() {}\n  ```\n- next", "- ```text\n  fn main() {}\n  ```\n- next"),
        // Five spaces after a list marker or four after a quote marker start indented code.
        ("-     code", "- ```text\n  code\n  ```"),
        (">     code", "> ```text\n> code\n> ```"),
        ("> > nested", ">> nested"),
        ("- # Heading in an item", "- **Heading in an item**"),
        ("-\tTabbed", "- Tabbed"),
        // An empty item ends at a blank line, so what follows is an indented code block.
        ("+\n\n    code", "+\n\n```text\ncode\n```"),
        // A lazy underline is text, not a heading, even inside a list item.
        ("* Item\n=", "* Item ="),
        // Only bullets and items numbered 1 with content interrupt a paragraph.
        // A line that would start a block if it began a line joins the line before.
        ("Text\n2. two\n1.\n- one", "Text\n2. two 1.\n\n- one"),
        ("-\n      code", "- ```text\n  code\n  ```"),
        ("!\n1.\n\t~~~", "! 1. \\~\\~\\~"),
        ("Text\n1.\n1.\n      #", "Text 1. 1. #"),
        ("Text\n1.\n-", "**Text 1.**"),
        ("Text\n```\nx\n\n\ny\n```", "Text\n\n```text\nx\n\ny\n```"),
    ]);
}

#[test]
fn line_ends_and_controls() {
    check(&[
        ("<p>a\r\nb\rc</p>", "a b c"),
        ("One\r\n\r\nTwo", "One\n\nTwo"),
        ("<p>bell\u{7}here</p>", "bellhere"),
        ("\n\n\ntext\n\n\n\nmore\n\n", "text\n\nmore"),
    ]);
}

#[test]
fn output_invariants_hold_on_mixed_input() {
    let inputs = [
        "<p>x</p>\n\n\n<p>y   </p>",
        "<ul><li><p>a</p>\n\n<p>b</p></li></ul>",
        "text   \n   \n   more   ",
        "<pre>\n\n  a  \n\n\n  b\n\n</pre>",
    ];
    for input in inputs {
        assert_invariants(input, &to_markdown(input));
    }
}

/// The promises every output keeps, whatever the input.
fn assert_invariants(input: &str, out: &str) {
    let context = format!("input: {input:?}\noutput: {out:?}");
    let problems = super::rustdoc_check::problems(out);
    assert!(problems.is_empty(), "{context}\n{}", problems.join("\n"));
    assert!(!out.contains(|c: char| is_bidi_control(c) || c.is_control() && c != '\n'), "{context}");
    assert!(!out.starts_with('\n') && !out.ends_with('\n'), "{context}");
    assert!(!out.contains("\n\n\n"), "{context}");
    let mut fence: Option<String> = None;
    for line in out.lines() {
        assert_eq!(line, line.trim_end(), "{context}");
        assert!(!line.contains('\t'), "{context}");
        let trimmed = line.trim_start();
        let marker: String = trimmed.chars().take_while(|&c| c == '`' || c == '~').collect();
        match &fence {
            Some(open) if trimmed == marker && marker.starts_with(&open[..1]) && marker.len() >= open.len() => {
                fence = None;
            }
            Some(_) => continue,
            None if marker.len() >= 3 && marker.chars().all(|c| c == marker.as_bytes()[0] as char) => {
                fence = Some(marker);
            }
            None => {}
        }
    }
}

#[test]
fn arbitrary_input_never_panics() {
    // Fragments that exercise the parsers' edge cases, combined pseudo-randomly.
    let fragments = [
        "<",
        ">",
        "</",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<i>",
        "<code>",
        "</code>",
        "<pre>",
        "</pre>",
        "<a href=\"",
        "https://",
        "http://x.com/(",
        ")",
        "[",
        "]",
        "(",
        "`",
        "``",
        "```",
        "~~~",
        "\\",
        "*",
        "_",
        "&",
        "&#",
        "&#x",
        ";",
        "&lt;",
        "\n",
        "\n\n",
        "    ",
        "\t",
        "- ",
        "1. ",
        "# ",
        "> ",
        "é",
        "日本",
        "🦀",
        "<ul>",
        "<li>",
        "</ul>",
        "<ol start=\"99999999999\">",
        "<note>",
        "<dl><dt>",
        "<dd>",
        "<table><tr><td>",
        "<br>",
        "<!--",
        "-->",
        "\"",
        "'",
        "|",
        "<example>",
        "<name>",
        "<request>",
        "=",
        "---",
        "\r",
        "\u{0}",
        "\u{a0}",
        "[x](",
        "<https://a",
        "<a@b>",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let input: String = (0..len).map(|_| fragments[(next() % fragments.len() as u64) as usize]).collect();
        let out = to_markdown(&input);
        assert_invariants(&input, &out);
    }
    // Raw bytes, decoded lossily, including invalid UTF-8 and every ASCII character.
    for _ in 0..3000 {
        let len = (next() % 64) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| (next() % 256) as u8).collect();
        let input = String::from_utf8_lossy(&bytes);
        assert_invariants(&input, &to_markdown(&input));
    }
}

#[test]
fn large_inputs_take_linear_time() {
    let inputs = [
        "<".repeat(100_000),
        "<a href=\"".repeat(20_000),
        "[".repeat(100_000),
        "[a](b".repeat(20_000),
        format!("`{}", "x``".repeat(30_000)),
        "<b>".repeat(30_000),
        "<ul><li>".repeat(10_000),
        "https://a.b/(".repeat(10_000),
        format!("<p>{}</p>", "word ".repeat(50_000)),
        "<!--".repeat(25_000),
        "&#".repeat(50_000),
        "- ".repeat(50_000),
        "a\n    b\n".repeat(20_000),
        format!("{}a{}", "_".repeat(30_000), "_".repeat(30_000)),
        format!("{}a{}", "*".repeat(30_000), "*".repeat(30_000)),
        "> ".repeat(50_000),
        "1. ".repeat(30_000),
        "`a` ".repeat(30_000),
        "[a](https://x.com) ".repeat(20_000),
        "<a> ".repeat(30_000),
        "a\n".repeat(50_000),
        "a\\![a](https://x.com) ".repeat(20_000),
    ];
    let started = std::time::Instant::now();
    for input in &inputs {
        assert_invariants("(large)", &to_markdown(input));
    }
    assert!(started.elapsed().as_secs() < 10, "took {:?}", started.elapsed());
}

#[test]
fn commonmark_links_and_images() {
    check(&[
        ("[a][b]\n\n[b]: https://x.com", "[a](https://x.com)"),
        ("[a]\n\n[a]: relative.html", "a"),
        ("![img](rel.png) and ![web](https://x.com/i.png)", "img and ![web](https://x.com/i.png)"),
        ("Wow\\![a](https://x.com) and ![b](https://x.com)", "Wow\\![a](https://x.com) and ![b](https://x.com)"),
        ("[](https://x.com) empty", "empty"),
        ("[a](<https://x.com/a b>)", "[a](https://x.com/a%20b)"),
        ("[link *em*](https://x.com)", "[link *em*](https://x.com)"),
        ("[https://a.com](https://b.com)", "[https://a.com](https://b.com)"),
        ("[a](https://x.com \"title\")", "[a](https://x.com)"),
        ("<mailto:a@b.com> <HTTPS://X.COM>", "\\<mailto:a@b.com> <HTTPS://X.COM>"),
    ]);
}

#[test]
fn commonmark_emphasis_and_code_spans() {
    check(&[
        ("__strong__ and **strong**", "__strong__ and **strong**"),
        ("***both*** and _*mixed*_", "***both*** and _*mixed*_"),
        // `_` cannot open or close emphasis inside a word; `*` can.
        ("[x](rel.html)_em_", "x*em*"),
        ("*<!-- hidden -->*", ""),
        ("a_b_ c", "a_b\\_ c"),
        ("2 * 3 and a*b", "2 * 3 and a\\*b"),
        ("`` `tick` `` and ``` a``b ```", "`` `tick` `` and ``` a``b ```"),
        // Two code spans in a row would merge their fences once the link between them is gone.
        ("`a`[`b`](rel.html)", "`a`b"),
        ("```x``` at the start", "`x` at the start"),
        ("Text &amp; &copy; &#42;", "Text & © \\*"),
        ("~~strike~~ and | pipes", "\\~\\~strike\\~\\~ and \\| pipes"),
        ("[^note] and [ ] box", "\\[^note\\] and \\[ \\] box"),
        ("line  \nbreak and line\\\nbreak", "line\\\nbreak and line\\\nbreak"),
    ]);
}

#[test]
fn commonmark_html() {
    check(&[
        ("Text <!-- hidden --> shown", "Text  shown"),
        ("<!-- only a comment -->", ""),
        ("<details>\nSummary\n</details>", "\\<details>\nSummary\n\\</details>"),
        ("<region>\n\nafter", "\\<region>\n\nafter"),
        ("Use <T> and <a-b>", "Use \\<T> and \\<a-b>"),
    ]);
}

#[test]
fn commonmark_lists_and_quotes() {
    check(&[
        ("1. a\n1. b\n1. c", "1. a\n2. b\n3. c"),
        ("3) x\n4) y", "3) x\n4) y"),
        ("- a\n\n- b", "- a\n\n- b"),
        ("- a\n\n  b\n- c", "- a\n\n  b\n\n- c"),
        // Lists kept apart by a comment stay apart, with the other marker.
        ("- a\n- b\n\n<!-- -->\n\n- c", "- a\n- b\n\n* c"),
        ("1. a\n\n<!-- -->\n\n1. b", "1. a\n\n1) b"),
        ("> - a\n> - b", "> - a\n> - b"),
        ("- > quote in item", "- > quote in item"),
        ("> a\n>\n> b", "> a\n>\n> b"),
        ("> a\n> > b", "> a\n>\n>> b"),
        ("- a\n  - b\n    - c\n- d", "- a\n  - b\n    - c\n- d"),
        // `* ***` would be a thematic break alone rather than an item holding one.
        ("* ---", "* ---"),
        ("- ***", "- ***"),
        ("* ***", "***"),
        ("- a\n  # Heading", "- a\n\n  **Heading**"),
    ]);
}

#[test]
fn deep_nesting_is_bounded() {
    for input in ["- ".repeat(100) + "x", "> ".repeat(100) + "x", "1. ".repeat(100) + "x"] {
        let out = to_markdown(&input);
        assert_invariants(&input, &out);
        assert!(out.ends_with('x'), "{out:?}");
        assert!(out.lines().all(|line| line.len() < 120), "{out:?}");
    }
}

/// Every bidirectional control, in each place documentation text can end up.
#[test]
fn bidi_controls_are_shown_escaped() {
    let controls = ('\u{202A}'..='\u{202E}').chain('\u{2066}'..='\u{2069}');
    let mut checked = 0;
    for c in controls {
        let hex = format!("{:04X}", u32::from(c));
        let shown = format!("\\u{{{hex}}}");
        let inputs = [
            format!("<p>a{c}b</p>"),
            format!("<p><code>a{c}b</code></p>"),
            format!("<pre>a{c}b</pre>"),
            format!("<p><a href=\"https://x.com/{c}\">l{c}</a></p>"),
            format!("<p>a&#x{hex};b</p>"),
            format!("a{c}b"),
            format!("`a{c}b`"),
            format!("```\na{c}b\n```"),
            format!("```rust{c}\nx{c}\n```"),
            format!("[l{c}](https://x.com/{c})"),
            format!("# a{c}b"),
            format!("a&#x{hex};b"),
        ];
        for input in &inputs {
            let out = to_markdown(input);
            assert_invariants(input, &out);
            assert!(out.contains(&shown), "{input:?} gave {out:?}");
            checked += 1;
        }
        assert_eq!(to_markdown(&format!("a{c}b")), format!("a{shown}b"));
        assert_eq!(to_markdown(&format!("<p><code>a{c}b</code></p>")), format!("`a{shown}b`"));
    }
    assert_eq!(checked, 9 * 12);
}

#[test]
fn bidi_control_set() {
    let controls: Vec<char> = (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| is_bidi_control(c)).collect();
    assert_eq!(
        controls,
        ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']
    );
}

#[test]
fn line_separators_and_control_characters() {
    check(&[
        ("a\u{2028}b", "a\nb"),
        ("a\u{2029}b", "a\n\nb"),
        ("<p>a\u{2028}b\u{2029}c</p>", "a b c"),
        ("<pre>a\u{2028}b</pre>", "```text\na\nb\n```"),
        ("a&#x2028;b", "a b"),
        ("<pre>a&#x2029;b</pre>", "```text\na b\n```"),
        ("a\u{0}b", "ab"),
        ("<p>a&#0;b</p>", "a\u{fffd}b"),
        ("a&#0;b", "a\u{fffd}b"),
        ("a\u{1b}[31mb", "a\\[31mb"),
        ("<p>a&#27;b</p>", "ab"),
        ("a&#27;b", "ab"),
        ("a\u{85}b", "a\nb"),
        ("a\u{b}b\u{c}c", "a b c"),
        ("a\u{7f}b\u{9b}c", "abc"),
        ("a&#9;b", "a   b"),
        ("`a\rb`", "`a b`"),
    ]);
}

/// The byte-level check finds exactly the characters the cleaning passes change.
#[test]
fn needs_cleaning_matches_the_characters_it_stands_for() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let changed = (c.is_control() && c != '\n') || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}');
        let text = format!("a{c}b");
        assert_eq!(super::needs_cleaning(&text, false), changed, "{c:?}");
        assert_eq!(super::needs_cleaning(&text, true), changed && c != '\t', "{c:?}");
    }
    // Found wherever it is, including across the boundaries of the chunks looked at together.
    for c in ['\u{202E}', '\u{2028}', '\u{85}', '\r'] {
        for at in 0..70 {
            let text = format!("{}{c}{}", "a".repeat(at), "é".repeat(20));
            assert!(super::needs_cleaning(&text, true), "{c:?} at {at}");
        }
    }
    assert!(!super::needs_cleaning(&"a’—\né".repeat(30), true));
}
