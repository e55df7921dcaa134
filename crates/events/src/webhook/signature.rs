//! Signatures as the Standard Webhooks specification writes them: the
//! HMAC-SHA256 of `{id}.{timestamp}.{body}` under a shared secret, sent
//! base64-encoded as `v1,<signature>` beside the id and the timestamp. A
//! receiver checks the signature in constant time and refuses a timestamp
//! outside its tolerance, so a captured request can't be replayed later.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The headers a signed request carries.
pub const ID: &str = "webhook-id";
pub const TIMESTAMP: &str = "webhook-timestamp";
pub const SIGNATURE: &str = "webhook-signature";

/// A secret that is not `whsec_` and base64. It shows nothing of the text.
#[derive(Debug, thiserror::Error)]
#[error("a webhook secret is `whsec_` and base64: {0}")]
pub struct SecretError(#[source] base64::DecodeError);

/// A secret shared by a sender and a receiver. Its `Debug` shows nothing of it.
#[derive(Clone)]
pub struct WebhookSecret(Vec<u8>);

impl WebhookSecret {
    pub fn new(bytes: impl Into<Vec<u8>>) -> WebhookSecret {
        WebhookSecret(bytes.into())
    }

    /// A secret in the form Standard Webhooks gives them: `whsec_` and base64.
    pub fn parse(text: &str) -> Result<WebhookSecret, SecretError> {
        let encoded = text.strip_prefix("whsec_").unwrap_or(text);
        STANDARD.decode(encoded).map(WebhookSecret).map_err(SecretError)
    }

    fn mac(&self, id: &str, timestamp: u64, body: &[u8]) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac
    }

    /// The `webhook-signature` value for a request.
    pub fn sign(&self, id: &str, timestamp: u64, body: &[u8]) -> String {
        format!("v1,{}", STANDARD.encode(self.mac(id, timestamp, body).finalize().into_bytes()))
    }

    /// Checks a request's id, timestamp and signature header (which may
    /// hold several space-separated signatures, as during a secret's
    /// rotation) against `now`.
    pub fn verify(
        &self,
        id: &str,
        timestamp: &str,
        signatures: &str,
        body: &[u8],
        now: SystemTime,
        tolerance: Duration,
    ) -> Result<(), Refusal> {
        let sent: u64 = timestamp.trim().parse().map_err(|_| Refusal::Malformed("webhook-timestamp"))?;
        let now = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        if now.abs_diff(sent) > tolerance.as_secs() {
            return Err(Refusal::Stale);
        }
        let matches = signatures.split_whitespace().filter_map(|s| s.strip_prefix("v1,")).any(|encoded| {
            // `verify_slice` compares in constant time.
            STANDARD.decode(encoded).is_ok_and(|given| self.mac(id, sent, body).verify_slice(&given).is_ok())
        });
        if matches {
            Ok(())
        } else {
            Err(Refusal::BadSignature)
        }
    }
}

impl std::fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookSecret(…)")
    }
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Missing(&'static str),
    Malformed(&'static str),
    /// Its timestamp is outside the tolerance: late, early, or replayed.
    Stale,
    BadSignature,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Missing(header) => write!(f, "the `{header}` header is missing"),
            Refusal::Malformed(header) => write!(f, "the `{header}` header is malformed"),
            Refusal::Stale => f.write_str("the timestamp is outside the tolerance"),
            Refusal::BadSignature => f.write_str("no signature matches"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_specifications_example() {
        // The example of the Standard Webhooks specification.
        let secret = WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let (id, timestamp) = ("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330);
        let body = br#"{"test": 2432232314}"#;
        assert_eq!(secret.sign(id, timestamp, body), "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        let at = UNIX_EPOCH + Duration::from_secs(timestamp + 10);
        let five_minutes = Duration::from_secs(300);
        let header = format!("v1,bm90IGl0 {}", secret.sign(id, timestamp, body));
        assert_eq!(secret.verify(id, "1614265330", &header, body, at, five_minutes), Ok(()));
        let later = at + Duration::from_secs(600);
        assert_eq!(secret.verify(id, "1614265330", &header, body, later, five_minutes), Err(Refusal::Stale));
        let tampered = br#"{"test": 2432232315}"#;
        assert_eq!(secret.verify(id, "1614265330", &header, tampered, at, five_minutes), Err(Refusal::BadSignature));
        let other = WebhookSecret::new(b"another".to_vec());
        assert_eq!(other.verify(id, "1614265330", &header, body, at, five_minutes), Err(Refusal::BadSignature));
        assert_eq!(
            secret.verify(id, "soon", &header, body, at, five_minutes),
            Err(Refusal::Malformed("webhook-timestamp"))
        );
    }
}
