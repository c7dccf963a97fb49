//! String literal contents: escape sequences, newline normalisation and the incidental
//! whitespace removal of text blocks.

/// An error inside a string literal, at a byte offset relative to the text passed in.
pub(crate) type TextError = (usize, String);

/// Expands escapes and normalises CR and CRLF to LF in the body of a quoted string or of
/// an already re-indented text block. Errors are reported with their byte offset in
/// `raw`; the faulty sequence is dropped and decoding goes on.
pub(crate) fn unescape(raw: &str, errors: &mut Vec<TextError>) -> String {
    let is_special = |b: &u8| *b == b'\\' || (*b < 0x20 && *b != b'\t' && *b != b'\n');
    // Most strings have nothing to expand: copy them whole.
    let Some(first_special) = raw.bytes().position(|b| is_special(&b)) else {
        return raw.to_string();
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(raw.get(..first_special).unwrap_or_default());
    let mut chars = raw.get(first_special..).unwrap_or_default().char_indices().peekable();
    let offset = first_special;
    while let Some((at, c)) = chars.next() {
        let at = at + offset;
        match c {
            '\\' => {
                let Some((_, escaped)) = chars.next() else {
                    errors.push((at, "unterminated escape sequence".to_string()));
                    break;
                };
                match escaped {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    '/' => out.push('/'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    // An escaped line break joins the lines.
                    '\n' => {}
                    '\r' => {
                        if chars.peek().is_some_and(|&(_, c)| c == '\n') {
                            chars.next();
                        }
                    }
                    'u' => match unicode_escape(raw, at, &mut chars) {
                        Ok(c) => out.push(c),
                        Err(message) => errors.push((at, message)),
                    },
                    other => errors.push((
                        at,
                        format!(
                            "invalid escape sequence `\\{}`; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                            other.escape_debug()
                        ),
                    )),
                }
            }
            '\r' => {
                if chars.peek().is_some_and(|&(_, c)| c == '\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 => errors
                .push((at, format!("control character U+{:04X} is not allowed in a string; use an escape", c as u32))),
            c => out.push(c),
        }
    }
    out
}

/// Reads the four hex digits after `\u` (the iterator is positioned after the `u`) and,
/// for a high surrogate, the `\uXXXX` low surrogate that must follow.
fn unicode_escape(
    raw: &str,
    backslash: usize,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> Result<char, String> {
    let first =
        hex4(chars).ok_or_else(|| "invalid unicode escape: `\\u` must be followed by four hex digits".to_string())?;
    if (0xDC00..0xE000).contains(&first) {
        return Err(format!(
            "invalid unicode escape: \\u{first:04X} is a low surrogate without a high surrogate before it"
        ));
    }
    if !(0xD800..0xDC00).contains(&first) {
        return char::from_u32(first).ok_or_else(|| "invalid unicode escape".to_string());
    }
    // A high surrogate must be followed by `\u` and a low surrogate.
    let rest = raw.get(backslash + 6..).unwrap_or("");
    if !rest.starts_with("\\u") {
        return Err(format!(
            "invalid unicode escape: high surrogate \\u{first:04X} must be followed by a low surrogate escape"
        ));
    }
    chars.next();
    chars.next();
    let second = hex4(chars).filter(|s| (0xDC00..0xE000).contains(s));
    let Some(second) = second else {
        return Err(format!(
            "invalid unicode escape: high surrogate \\u{first:04X} must be followed by a low surrogate escape"
        ));
    };
    let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
    char::from_u32(code).ok_or_else(|| "invalid unicode escape".to_string())
}

fn hex4(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> Option<u32> {
    let mut value = 0;
    for _ in 0..4 {
        let digit = chars.peek().and_then(|&(_, c)| c.to_digit(16))?;
        chars.next();
        value = value * 16 + digit;
    }
    Some(value)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Removes the incidental whitespace of a text block, as the IDL specification describes.
/// `content` is everything after the line break that follows the opening `"""`, up to the
/// closing `"""`, with line breaks already normalised to LF. Escapes are expanded after
/// this step, by the caller.
pub(crate) fn dedent_text_block(content: &str) -> String {
    let lines: Vec<&str> = content.split('\n').collect();
    let last = lines.len().saturating_sub(1);
    // Blank lines do not count, except the last one: when the closing delimiter sits on
    // its own line, its indentation decides how much to remove.
    let common = lines
        .iter()
        .enumerate()
        .filter(|&(i, line)| i == last || !line.chars().all(is_space))
        .map(|(_, line)| line.chars().take_while(|&c| is_space(c)).count())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(content.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent_bytes: usize = line.chars().take(common).take_while(|&c| is_space(c)).map(char::len_utf8).sum();
        let stripped = line.get(indent_bytes..).unwrap_or("");
        out.push_str(stripped.trim_end_matches(is_space));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unescaped(raw: &str) -> Result<String, Vec<TextError>> {
        let mut errors = Vec::new();
        let out = unescape(raw, &mut errors);
        if errors.is_empty() { Ok(out) } else { Err(errors) }
    }

    #[test]
    fn escapes_expand() {
        assert_eq!(unescaped(r#"a\"b\\c\/d\b\f\n\r\te"#).unwrap(), "a\"b\\c/d\u{8}\u{c}\n\r\te");
        assert_eq!(unescaped("\\u00e9\\u20AC").unwrap(), "é€");
        assert_eq!(unescaped("\\uD83D\\uDE00").unwrap(), "😀");
        assert_eq!(unescaped("a\\\nb\\\r\nc").unwrap(), "abc");
        assert_eq!(unescaped("a\r\nb\rc").unwrap(), "a\nb\nc");
    }

    #[test]
    fn bad_escapes_are_located() {
        assert_eq!(unescaped("ab\\q").unwrap_err()[0].0, 2);
        assert_eq!(unescaped("\\u12").unwrap_err()[0].0, 0);
        assert_eq!(unescaped("x\\uD83D").unwrap_err()[0].0, 1);
        assert_eq!(unescaped("x\\uDE00").unwrap_err()[0].0, 1);
        assert_eq!(unescaped("x\\uD83D\\u0041").unwrap_err()[0].0, 1);
        assert_eq!(unescaped("a\u{1}").unwrap_err()[0].0, 1);
        assert!(unescaped("end\\").is_err());
    }

    #[test]
    fn text_blocks_lose_incidental_whitespace() {
        assert_eq!(dedent_text_block("    Foo\n        Baz\n\n  \n    Bar\n    "), "Foo\n    Baz\n\n\nBar\n");
        assert_eq!(dedent_text_block("    Foo\n    Bar\n"), "    Foo\n    Bar\n");
        assert_eq!(dedent_text_block("    Hello\n         "), "Hello\n");
        assert_eq!(dedent_text_block("    "), "");
        assert_eq!(dedent_text_block("\n    "), "\n");
        assert_eq!(dedent_text_block(""), "");
    }
}
