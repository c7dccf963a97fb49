//! The `http` feature of the RPC v2 golden crates: `rpc-v2-cbor` (an `@awsQueryCompatible`
//! rpcv2Cbor service) and `rpc-v2-json` (an rpcv2Json service). Requests are checked as the
//! service would read them; responses, well-formed and malformed, are written by hand.

/// A body in CBOR's diagnostic notation, to compare it with what a test expects.
fn diagnostic(body: &[u8]) -> String {
    minicbor::display(body).to_string()
}

fn response(status: u16, headers: &[(&str, &str)], body: Vec<u8>) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body).unwrap()
}

mod cbor {
    use super::{diagnostic, response};
    use golden_rpc_v2_cbor::http::RequestOptions;
    use golden_rpc_v2_cbor::operation::get_item::{GetItemError, GetItemOutput};
    use golden_rpc_v2_cbor::operation::get_service_status::{GetServiceStatusInput, GetServiceStatusOutput};
    use golden_rpc_v2_cbor::operation::list_items::ListItemsOutput;
    use golden_rpc_v2_cbor::operation::ping::{PingInput, PingOutput};
    use golden_rpc_v2_cbor::operation::put_item::{PutItemError, PutItemInput, PutItemOutput};
    use golden_rpc_v2_cbor::operation::record_audit::RecordAuditInput;
    use golden_rpc_v2_cbor::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document};
    use golden_rpc_v2_cbor::types::{Category, Item, Location};
    use minicbor::Encoder;

    const CBOR: (&str, &str) = ("smithy-protocol", "rpc-v2-cbor");

    /// A CBOR body written by `write`.
    fn body(
        write: impl FnOnce(&mut Encoder<&mut Vec<u8>>) -> Result<(), minicbor::encode::Error<std::convert::Infallible>>,
    ) -> Vec<u8> {
        let mut bytes = Vec::new();
        write(&mut Encoder::new(&mut bytes)).unwrap();
        bytes
    }

    fn item() -> Item {
        Item::builder()
            .sku("A-1")
            .name("hammer")
            .category(Category::Tools)
            .weight(1.5)
            .tags("steel")
            .label(Blob::new(vec![0, 1, 2]))
            .updated_at(DateTime::from_millis(1_700_000_000_500))
            .location(Location::Nested(Box::new(Location::InTransit)))
            .build()
            .unwrap()
    }

    #[test]
    fn a_request_is_a_post_to_the_operation_with_the_input_as_cbor() {
        let input = PutItemInput::builder().warehouse("north").item(item()).client_token("token-1").build();
        let options = RequestOptions::new().endpoint("https://example.com/base".parse().unwrap());
        let request = input.to_http_request_with(&options).unwrap();
        assert_eq!(request.method(), http::Method::POST);
        // The `@endpoint` host prefix `{warehouse}.`, before the endpoint's host.
        assert_eq!(request.uri().to_string(), "https://north.example.com/base/service/Inventory/operation/PutItem");
        let headers = request.headers();
        assert_eq!(headers["smithy-protocol"], "rpc-v2-cbor");
        assert_eq!(headers["accept"], "application/cbor");
        assert_eq!(headers["content-type"], "application/cbor");
        assert_eq!(headers["content-length"], request.body().len().to_string().as_str());
        assert_eq!(headers["x-amzn-query-mode"], "true");
        let text = diagnostic(request.body());
        for part in [
            r#""warehouse": "north""#,
            r#""clientToken": "token-1""#,
            r#""sku": "A-1""#,
            r#""category": "TOOLS""#,
            r#""weight": 1.5e0"#,
            r#""tags": ["steel"]"#,
            r#""label": h'00 01 02'"#,
            // Tag 1, epoch seconds as a double, whatever `@timestampFormat` says.
            r#""updatedAt": 1(1.7000000005e9)"#,
            r#""location": {"nested": {"inTransit": {}}}"#,
        ] {
            assert!(text.contains(part), "{part} not in {text}");
        }
        // Unset members are not written.
        assert!(!text.contains("priority") && !text.contains("kit"), "{text}");
    }

    #[test]
    fn a_unit_input_sends_no_body_and_an_empty_input_an_empty_map() {
        let request = PingInput::builder().build().to_http_request().unwrap();
        assert_eq!(request.uri(), "/service/Inventory/operation/Ping");
        assert!(request.body().is_empty());
        assert!(request.headers().get("content-type").is_none());
        assert_eq!(request.headers()["accept"], "application/cbor");

        let request = GetServiceStatusInput::builder().build().to_http_request().unwrap();
        assert_eq!(diagnostic(request.body()), "{_ }");
        assert_eq!(request.headers()["content-type"], "application/cbor");
    }

    #[test]
    fn numbers_timestamps_sparse_lists_and_documents_take_their_cbor_forms() {
        let input = RecordAuditInput::builder()
            .warehouse("w")
            .valuation("-12.345".parse::<BigDecimal>().unwrap())
            .serial("18446744073709551616".parse::<BigInteger>().unwrap())
            .readings(Some(1.0))
            .readings(None)
            .readings(Some(f64::NAN))
            .reported_at(DateTime::from_secs(86_400))
            .notes(Document::from(vec![Document::from("a"), Document::from(true)]))
            .build();
        let text = diagnostic(input.to_http_request().unwrap().body());
        for part in [
            // A decimal fraction: exponent -3, mantissa -12345.
            r#""valuation": 4([-3, -12345])"#,
            // 2^64 is past `u64`: a positive bignum.
            r#""serial": 2(h'01 00 00 00 00 00 00 00 00')"#,
            r#""readings": [1e0, null, NaN]"#,
            r#""reportedAt": 1(8.64e4)"#,
            r#""notes": ["a", true]"#,
        ] {
            assert!(text.contains(part), "{part} not in {text}");
        }
    }

    #[test]
    fn a_response_reads_every_form_cbor_allows() {
        // Indefinite lengths, a half float, an integer timestamp, `null` for an absent member, an
        // unknown member (holding a tag and nested containers) skipped.
        let bytes = body(|e| {
            e.begin_map()?.str("healthy")?.bool(true)?;
            e.str("since")?.tag(minicbor::data::Tag::new(1))?.u32(1_000)?;
            e.str("load")?.f16(0.5)?;
            e.str("addedLater")?
                .tag(minicbor::data::Tag::new(55799))?
                .array(2)?
                .map(0)?
                .begin_bytes()?
                .bytes(b"x")?
                .end()?;
            e.end()?;
            Ok(())
        });
        let output =
            GetServiceStatusOutput::from_http_response(&response(200, &[CBOR, ("x-amzn-requestid", "r-1")], bytes))
                .unwrap();
        assert!(output.healthy());
        assert_eq!(output.since(), Some(DateTime::from_secs(1_000)));
        assert_eq!(output.load(), Some(0.5));

        let bytes = body(|e| {
            e.map(2)?.str("healthy")?.bool(false)?.str("since")?.null()?;
            Ok(())
        });
        let output = GetServiceStatusOutput::from_http_response(&response(200, &[CBOR], bytes)).unwrap();
        assert_eq!((output.healthy(), output.since(), output.load()), (false, None, None));

        // Sparse maps keep their nulls; dense collections are read whole.
        let bytes = body(|e| {
            e.map(2)?;
            e.str("counts")?.map(1)?.str("TOOLS")?.u8(3)?;
            e.str("reserved")?.begin_map()?.str("a")?.null()?.str("b")?.i8(-1)?.end()?;
            Ok(())
        });
        let output = ListItemsOutput::from_http_response(&response(200, &[CBOR], bytes)).unwrap();
        assert_eq!(output.counts().unwrap()[&Category::Tools], 3);
        let reserved = output.reserved().unwrap();
        assert_eq!((reserved["a"], reserved["b"]), (None, Some(-1)));
    }

    #[test]
    fn a_missing_required_member_gets_its_zero_value() {
        let output = PutItemOutput::from_http_response(&response(200, &[CBOR], body(|e| e.map(0).map(drop)))).unwrap();
        assert_eq!(output.version(), 0);
        // An empty body is an output with no members, as the protocol allows.
        let output = PutItemOutput::from_http_response(&response(200, &[CBOR], Vec::new())).unwrap();
        assert_eq!(output.version(), 0);
    }

    #[test]
    fn errors_are_named_by_type_or_by_the_query_error_header() {
        // `__type` is the error's shape id; its namespace is dropped.
        let bytes = body(|e| {
            e.map(3)?.str("__type")?.str("example.inventory#ItemConflict")?;
            e.str("message")?.str("taken")?.str("currentVersion")?.u8(7)?;
            Ok(())
        });
        match PutItemOutput::from_http_response(&response(400, &[CBOR], bytes.clone())).unwrap_err() {
            PutItemError::ItemConflict(error) => {
                assert_eq!((error.message(), error.current_version()), (Some("taken"), 7));
            }
            other => panic!("expected ItemConflict, got {other:?}"),
        }
        // The awsQuery code of `x-amzn-query-error` decides: `@awsQueryError` codes included.
        let headers = [CBOR, ("x-amzn-query-error", "Inventory.InvalidItem;Sender")];
        match PutItemOutput::from_http_response(&response(400, &headers, bytes.clone())).unwrap_err() {
            PutItemError::InvalidItem(_) => {}
            other => panic!("expected InvalidItem, got {other:?}"),
        }
        // An error of the service's, by its shape name, is retryable.
        let bytes = body(|e| e.map(1)?.str("__type")?.str("example.inventory#ThrottlingError").map(drop));
        let error = PutItemOutput::from_http_response(&response(429, &[CBOR], bytes)).unwrap_err();
        assert!(error.is_throttling_error() && error.is_retryable(), "{error:?}");
        // An unknown code is unhandled, keeping the header's code and the status.
        let headers = [CBOR, ("x-amzn-query-error", "AWS.Unknown;Sender")];
        let bytes = body(|e| e.map(1)?.str("__type")?.str("example.inventory#Other").map(drop));
        match GetItemOutput::from_http_response(&response(400, &headers, bytes)).unwrap_err() {
            GetItemError::Unhandled(unhandled) => {
                assert_eq!((unhandled.code(), unhandled.http_status()), (Some("AWS.Unknown"), Some(400)));
            }
            other => panic!("expected Unhandled, got {other:?}"),
        }
    }

    #[test]
    fn a_response_without_the_protocol_header_is_unhandled() {
        let bytes = body(|e| e.map(1)?.str("version")?.u8(1).map(drop));
        let error = PutItemOutput::from_http_response(&response(200, &[], bytes.clone())).unwrap_err();
        assert!(error.is_unhandled() && error.http_status() == Some(200), "{error:?}");
        let other = [("smithy-protocol", "rpc-v2-json")];
        assert!(PutItemOutput::from_http_response(&response(200, &other, bytes)).unwrap_err().is_unhandled());
        // Ping has no output: only the header and status matter.
        assert!(PingOutput::from_http_response(&response(200, &[CBOR], Vec::new())).is_ok());
    }

    #[test]
    fn malformed_responses_are_errors_never_panics() {
        let deep = {
            let mut bytes = vec![0xa1, 0x64];
            bytes.extend_from_slice(b"item");
            bytes.extend(std::iter::repeat_n(0x81, 100_000));
            bytes
        };
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("truncated map", vec![0xa2, 0x64, b'i', b't']),
            ("a string length past the end", vec![0xa1, 0x7a, 0xff, 0xff, 0xff, 0xf0]),
            (
                "an array length past the end",
                vec![0xa1, 0x64, b'i', b't', b'e', b'm', 0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
            ),
            ("not a map", vec![0x82, 0x01, 0x02]),
            ("garbage", vec![0xff, 0xfe, 0xfd, 0x00]),
            ("a number for a structure", body(|e| e.map(1)?.str("item")?.u64(u64::MAX).map(drop))),
            ("text for a number", body(|e| e.map(1)?.str("version")?.str("7").map(drop))),
            ("a number past i64", body(|e| e.map(1)?.str("version")?.u64(u64::MAX).map(drop))),
            ("invalid UTF-8 text", vec![0xa1, 0x63, 0xff, 0xfe, 0xfd, 0x01]),
            ("an unterminated indefinite map", vec![0xbf, 0x67, b'v', b'e', b'r', b's', b'i', b'o', b'n', 0x01]),
            ("data after the body", vec![0xa0, 0xa0]),
            ("nesting past the limit", deep),
        ];
        for (what, bytes) in cases {
            let error = GetItemOutput::from_http_response(&response(200, &[CBOR], bytes.clone()));
            let version = PutItemOutput::from_http_response(&response(200, &[CBOR], bytes));
            assert!(error.is_err() || version.is_err(), "{what}: read without an error");
            for result in [error.err().map(|e| format!("{e:?}")), version.err().map(|e| format!("{e:?}"))] {
                let Some(error) = result else {
                    // Some bodies are malformed only for one of the two outputs.
                    continue;
                };
                assert!(error.contains("Unhandled"), "{what}: {error}");
            }
        }
        // What the error says.
        let truncated = vec![0xa1, 0x64, b'i', b't', b'e', b'm', 0xa2];
        let error = GetItemOutput::from_http_response(&response(200, &[CBOR], truncated)).unwrap_err();
        match error {
            GetItemError::Unhandled(unhandled) => {
                assert!(unhandled.message().is_some_and(|m| m.contains("could not be read")), "{unhandled:?}");
            }
            other => panic!("expected Unhandled, got {other:?}"),
        }
    }

    /// A response body holding every kind of member an `Item` has.
    fn full_item_body() -> Vec<u8> {
        body(|e| {
            e.begin_map()?.str("item")?.map(13)?;
            e.str("sku")?.str("A-1")?.str("name")?.begin_str()?.str("ham")?.str("mer")?.end()?;
            e.str("category")?.str("spare-parts")?.str("priority")?.u8(2)?.str("count")?.u32(70_000)?;
            e.str("weight")?.f32(2.5)?.str("tags")?.begin_array()?.str("a")?.str("b")?.end()?;
            e.str("label")?.bytes(&[1, 2, 3])?;
            e.str("updatedAt")?.tag(minicbor::data::Tag::new(1))?.f64(1.5)?;
            e.str("attributes")?.map(1)?.str("k")?.str("v")?;
            e.str("kit")?.map(2)?.str("size")?.i16(-3)?.str("code")?.i8(4)?;
            e.str("parts")?.array(1)?.map(2)?.str("sku")?.str("B")?.str("name")?.str("bolt")?;
            e.str("location")?.map(1)?.str("nested")?.map(1)?.str("bin")?.u8(9)?;
            e.end()?;
            Ok(())
        })
    }

    #[test]
    fn a_full_response_reads_every_member() {
        let output = GetItemOutput::from_http_response(&response(200, &[CBOR], full_item_body())).unwrap();
        let item = output.item().unwrap();
        assert_eq!((item.sku(), item.name(), item.count()), ("A-1", "hammer", 70_000));
        assert_eq!(item.category(), Some(&Category::Parts));
        assert_eq!(item.priority().map(|p| p.value()), Some(2));
        assert_eq!((item.weight(), item.tags()), (Some(2.5), &["a".to_owned(), "b".to_owned()][..]));
        assert_eq!(item.label().unwrap().as_bytes(), &[1, 2, 3]);
        assert_eq!(item.updated_at(), Some(DateTime::from_millis(1_500)));
        assert_eq!(item.attributes().unwrap()["k"], "v");
        assert_eq!((item.kit().unwrap().size(), item.kit().unwrap().code()), (Some(-3), Some(4)));
        assert_eq!(item.parts()[0].name(), "bolt");
        assert_eq!(item.location(), Some(&Location::Nested(Box::new(Location::Bin(9)))));
    }

    /// Every truncation of a valid body, and every byte of it replaced by a few values, reads
    /// into an output or an error: never a panic.
    #[test]
    fn truncated_and_corrupted_bodies_never_panic() {
        let full = full_item_body();
        let mut errors = 0;
        for end in 0..full.len() {
            let result = GetItemOutput::from_http_response(&response(200, &[CBOR], full[..end].to_vec()));
            // An empty body is the empty output; any other prefix is incomplete.
            if end > 0 {
                assert!(result.is_err(), "a prefix of {end} bytes was read");
                errors += 1;
            }
        }
        for at in 0..full.len() {
            for byte in [0x00, 0x1b, 0x3b, 0x5f, 0x7b, 0x9f, 0xbb, 0xc2, 0xf9, 0xff] {
                let mut corrupted = full.clone();
                corrupted[at] = byte;
                let _ = GetItemOutput::from_http_response(&response(200, &[CBOR], corrupted.clone()));
                let _ = PutItemOutput::from_http_response(&response(400, &[CBOR], corrupted));
            }
        }
        assert_eq!(errors, full.len() - 1);
    }
}

mod json {
    use super::response;
    use golden_rpc_v2_json::http::RequestOptions;
    use golden_rpc_v2_json::operation::get_balance::{GetBalanceError, GetBalanceOutput};
    use golden_rpc_v2_json::operation::health::HealthInput;
    use golden_rpc_v2_json::operation::post_entry::{PostEntryError, PostEntryInput, PostEntryOutput};
    use golden_rpc_v2_json::primitives::{BigDecimal, Blob, DateTime, Document};
    use golden_rpc_v2_json::types::{Entry, EntryKind};

    const JSON: (&str, &str) = ("smithy-protocol", "rpc-v2-json");

    #[test]
    fn a_request_is_a_post_to_the_operation_with_the_input_as_json() {
        let entry = Entry::builder()
            .amount("12345678901234567890.5".parse::<BigDecimal>().unwrap())
            .booked_at(DateTime::from_secs(10))
            .kind(EntryKind::Credit)
            .build()
            .unwrap();
        let input = PostEntryInput::builder().region("eu").account("acc").entry(entry).build();
        let options = RequestOptions::new().endpoint("https://ledger.example".parse().unwrap()).idempotency_token("t");
        let request = input.to_http_request_with(&options).unwrap();
        assert_eq!(request.uri().to_string(), "https://eu.ledger.example/service/Ledger/operation/PostEntry");
        assert_eq!(request.headers()["smithy-protocol"], "rpc-v2-json");
        assert_eq!(request.headers()["content-type"], "application/json");
        assert!(request.headers().get("x-amzn-query-mode").is_none());
        let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
        // `@jsonName` is ignored, timestamps are epoch seconds whatever `@timestampFormat` says, and
        // big decimals keep every digit as text.
        assert_eq!(
            body,
            serde_json::json!({
                "region": "eu",
                "account": "acc",
                "requestToken": "t",
                "entry": {"amount": "12345678901234567890.5", "bookedAt": 10, "kind": {"credit": {}}},
            })
        );
        let request = HealthInput::builder().build().to_http_request().unwrap();
        assert!(request.body().is_empty() && request.headers().get("content-type").is_none());
    }

    #[test]
    fn responses_read_outputs_and_errors_by_type() {
        let ok = response(
            200,
            &[JSON],
            br#"{"balance": "0.10000000000000000001", "sequence": "18446744073709551616"}"#.to_vec(),
        );
        let output = PostEntryOutput::from_http_response(&ok).unwrap();
        assert_eq!(output.balance().to_string(), "0.10000000000000000001");
        assert_eq!(output.sequence().unwrap().to_string(), "18446744073709551616");

        let error = response(400, &[JSON], br#"{"__type": "example.ledger#AccountClosed", "closedAt": 5}"#.to_vec());
        match GetBalanceOutput::from_http_response(&error).unwrap_err() {
            GetBalanceError::AccountClosed(closed) => assert_eq!(closed.closed_at(), Some(DateTime::from_secs(5))),
            other => panic!("expected AccountClosed, got {other:?}"),
        }
        // `Message` is the message whatever its case; `__type` may carry a URI suffix.
        let error = response(400, &[JSON], br#"{"__type": "InvalidEntry:http://x", "Message": "bad"}"#.to_vec());
        match PostEntryOutput::from_http_response(&error).unwrap_err() {
            PostEntryError::InvalidEntry(invalid) => assert_eq!(invalid.message(), Some("bad")),
            other => panic!("expected InvalidEntry, got {other:?}"),
        }
    }

    #[test]
    fn blobs_documents_sparse_lists_and_timestamps_take_their_json_forms() {
        let entry = Entry::builder()
            .amount(BigDecimal::from(3))
            .attachment(Blob::new(b"hi".to_vec()))
            .metadata(Document::from(vec![Document::from(1u64), Document::from("x")]))
            .kind(EntryKind::Transfer("acc-2".into()))
            .build()
            .unwrap();
        let request =
            PostEntryInput::builder().region("r").account("a").entry(entry).build().to_http_request().unwrap();
        let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
        assert_eq!(
            body["entry"],
            serde_json::json!({"amount": "3", "attachment": "aGk=", "metadata": [1, "x"], "kind": {"transfer": "acc-2"}})
        );

        // `asOf` is `@timestampFormat("http-date")`, which rpcv2Json ignores: epoch seconds.
        let ok = br#"{"asOf": 1.5, "history": ["1.25", null], "balance": "-0"}"#.to_vec();
        let output = GetBalanceOutput::from_http_response(&response(200, &[JSON], ok)).unwrap();
        assert_eq!(output.as_of(), Some(DateTime::from_millis(1_500)));
        let history: Vec<Option<String>> =
            output.history().iter().map(|v| v.as_ref().map(ToString::to_string)).collect();
        assert_eq!(history, [Some("1.25".to_owned()), None]);
        let text = br#"{"asOf": "Thu, 01 Jan 1970 00:00:01 GMT"}"#.to_vec();
        assert!(GetBalanceOutput::from_http_response(&response(200, &[JSON], text)).unwrap_err().is_unhandled());
    }

    #[test]
    fn malformed_responses_are_errors_never_panics() {
        for body in [&b"{\"balance\": "[..], b"[]", b"{\"balance\": {}}", b"\xff\xfe", b"{\"balance\": \"1e\"}"] {
            let error = PostEntryOutput::from_http_response(&response(200, &[JSON], body.to_vec())).unwrap_err();
            assert!(error.is_unhandled(), "{body:?}: {error:?}");
        }
        let deep = "[".repeat(100_000);
        let error = PostEntryOutput::from_http_response(&response(400, &[JSON], deep.into_bytes())).unwrap_err();
        assert!(error.is_unhandled(), "{error:?}");
    }
}
