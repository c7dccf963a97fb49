//! What every round trip shares: a moto server on a free loopback port, started for a test and
//! stopped when it ends, and sending a generated request to it.

#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A running `moto_server`, stopped when dropped.
pub struct Moto {
    child: Child,
    port: u16,
    agent: ureq::Agent,
}

impl Moto {
    /// Starts `moto_server` on a free loopback port and waits until it accepts connections.
    pub fn start() -> Moto {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free loopback port")
            .port();
        let child = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto_server starts (pip install 'moto[server]')");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(60), "moto_server did not listen on port {port}");
            sleep(Duration::from_millis(100));
        }
        let agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        Moto { child, port, agent }
    }

    /// The server's endpoint, for a generated crate's `RequestOptions::endpoint`.
    pub fn endpoint(&self) -> http::Uri {
        format!("http://127.0.0.1:{}", self.port).parse().expect("a valid URI")
    }

    /// Sends `request`, as signed for the service `signing_name` in `us-east-1` (moto routes on
    /// the credential scope of the `Authorization` header and does not check the signature), and
    /// returns the response.
    pub fn send(&self, signing_name: &str, mut request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
        let authorization = format!(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/{signing_name}/aws4_request, \
             SignedHeaders=host;x-amz-date, Signature=0000"
        );
        let headers = request.headers_mut();
        headers.insert("authorization", authorization.parse().expect("a header value"));
        headers.insert("x-amz-date", http::HeaderValue::from_static("20260101T000000Z"));
        let response = self.agent.run(request).expect("moto answers");
        let (parts, mut body) = response.into_parts();
        let bytes = body.read_to_vec().expect("the response body");
        http::Response::from_parts(parts, bytes)
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
