//! S3's bucket addressing: where the bucket goes, and the dual-stack and accelerate endpoints.

use crate::http::RequestOptions;
use crate::s3::{full_uri, AddressingStyle, S3Options};

fn uri(endpoint: Option<&str>, s3: &S3Options, bucket: &str, path: &str) -> Result<String, String> {
    let mut options = RequestOptions::new();
    if let Some(endpoint) = endpoint {
        options = options.endpoint(endpoint.parse().unwrap());
    }
    full_uri(&options, s3, "", bucket, path.to_owned())
        .map(|uri| uri.to_string())
        .map_err(|e| e.to_string())
}

const ENDPOINT: Option<&str> = Some("https://s3.us-west-2.amazonaws.com");

#[test]
fn buckets_go_in_the_host_by_default() {
    let s3 = S3Options::new();
    for (path, expected) in [
        (
            "/mybucket?list-type=2",
            "https://mybucket.s3.us-west-2.amazonaws.com/?list-type=2",
        ),
        ("/mybucket", "https://mybucket.s3.us-west-2.amazonaws.com/"),
        (
            "/mybucket/my%20key.txt?tagging",
            "https://mybucket.s3.us-west-2.amazonaws.com/my%20key.txt?tagging",
        ),
        (
            "/mybucket/../key.txt",
            "https://mybucket.s3.us-west-2.amazonaws.com/../key.txt",
        ),
    ] {
        assert_eq!(
            uri(ENDPOINT, &s3, "mybucket", path).unwrap(),
            expected,
            "{path}"
        );
    }
}

#[test]
fn path_style_and_buckets_that_cannot_be_host_labels_stay_in_the_path() {
    let path = S3Options::new().addressing_style(AddressingStyle::Path);
    assert_eq!(
        uri(ENDPOINT, &path, "mybucket", "/mybucket/key").unwrap(),
        "https://s3.us-west-2.amazonaws.com/mybucket/key"
    );
    for bucket in ["My_Bucket", "a.b.c", "ab", "-abc", &"x".repeat(64)] {
        let path = format!("/{bucket}/key");
        assert_eq!(
            uri(ENDPOINT, &S3Options::new(), bucket, &path).unwrap(),
            format!("https://s3.us-west-2.amazonaws.com{path}"),
            "{bucket}"
        );
    }
    // Without an endpoint there is no host to move the bucket into.
    assert_eq!(
        uri(None, &S3Options::new(), "mybucket", "/mybucket/k").unwrap(),
        "/mybucket/k"
    );
}

#[test]
fn dualstack_and_accelerate_endpoints_are_derived_from_the_regional_one() {
    for (dualstack, accelerate, host) in [
        (true, false, "mybucket.s3.dualstack.us-west-2.amazonaws.com"),
        (false, true, "mybucket.s3-accelerate.amazonaws.com"),
        (true, true, "mybucket.s3-accelerate.dualstack.amazonaws.com"),
    ] {
        let s3 = S3Options::new().dualstack(dualstack).accelerate(accelerate);
        assert_eq!(
            uri(ENDPOINT, &s3, "mybucket", "/mybucket/k").unwrap(),
            format!("https://{host}/k")
        );
    }
    let port = uri(
        Some("http://s3.local.test:9000/base"),
        &S3Options::new(),
        "b-1",
        "/b-1/k",
    );
    assert_eq!(port.unwrap(), "http://b-1.s3.local.test:9000/base/k");
}

#[test]
fn dualstack_and_accelerate_need_virtual_hosts_and_an_s3_endpoint() {
    let path = S3Options::new()
        .addressing_style(AddressingStyle::Path)
        .accelerate(true);
    assert!(uri(ENDPOINT, &path, "mybucket", "/mybucket").is_err());
    let dotted = S3Options::new().dualstack(true);
    assert!(uri(ENDPOINT, &dotted, "my.bucket", "/my.bucket").is_err());
    let custom = S3Options::new().accelerate(true);
    assert!(uri(
        Some("https://minio.example.com"),
        &custom,
        "mybucket",
        "/mybucket"
    )
    .is_err());
}
