//! Amazon Polly (restJson1): lexicons created, read back, listed, deleted, and a missing one.

mod support;

use moto_polly::error::RequestId;
use moto_polly::http::RequestOptions;
use moto_polly::operation::delete_lexicon::{DeleteLexiconInput, DeleteLexiconOutput};
use moto_polly::operation::get_lexicon::{GetLexiconError, GetLexiconInput, GetLexiconOutput};
use moto_polly::operation::list_lexicons::{ListLexiconsInput, ListLexiconsOutput};
use moto_polly::operation::put_lexicon::{PutLexiconInput, PutLexiconOutput};

const LEXICON: &str = r#"<?xml version="1.0" encoding="UTF-8"?><lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US"><lexeme><grapheme>W3C</grapheme><alias>World Wide Web Consortium</alias></lexeme></lexicon>"#;

#[test]
fn lexicons_round_trip() {
    let moto = support::Moto::start();
    let options = RequestOptions::new().endpoint(moto.endpoint());
    let send = |request| moto.send("polly", request);

    let put = PutLexiconInput::builder().name("roundtrip").content(LEXICON).build();
    PutLexiconOutput::from_http_response(&send(put.to_http_request_with(&options).expect("a request")))
        .expect("the lexicon is stored");

    let get = GetLexiconInput::builder().name("roundtrip").build();
    let got = GetLexiconOutput::from_http_response(&send(get.to_http_request_with(&options).expect("a request")))
        .expect("the lexicon reads back");
    assert_eq!(got.lexicon().and_then(|l| l.name()), Some("roundtrip"));
    assert_eq!(got.lexicon().and_then(|l| l.content()), Some(LEXICON));
    let attributes = got.lexicon_attributes().expect("attributes");
    assert_eq!(attributes.lexemes_count(), 1);
    assert_eq!(attributes.alphabet(), Some("ipa"));
    assert!(got.request_id().is_some(), "the response's request id is kept");

    let list = ListLexiconsInput::builder().build();
    let listed = ListLexiconsOutput::from_http_response(&send(list.to_http_request_with(&options).expect("a request")))
        .expect("the lexicons list");
    assert!(listed.lexicons().iter().any(|l| l.name() == Some("roundtrip")), "{listed:?}");

    let delete = DeleteLexiconInput::builder().name("roundtrip").build();
    DeleteLexiconOutput::from_http_response(&send(delete.to_http_request_with(&options).expect("a request")))
        .expect("the lexicon is deleted");

    let missing = GetLexiconOutput::from_http_response(&send(get.to_http_request_with(&options).expect("a request")));
    match missing {
        Err(GetLexiconError::LexiconNotFoundException(error)) => {
            assert_eq!(error.message(), Some("Lexicon not found"));
            assert!(error.request_id().is_some());
        }
        other => panic!("expected LexiconNotFoundException, got {other:?}"),
    }
}
