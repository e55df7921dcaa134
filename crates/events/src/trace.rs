//! W3C trace context (`traceparent`), carried in message headers so a
//! handler's span continues the producer's trace.

use std::fmt;

/// `00-{trace id}-{parent span id}-{flags}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceParent {
    pub trace_id: u128,
    pub span_id: u64,
    pub sampled: bool,
}

impl TraceParent {
    /// The start of a new trace.
    pub fn new_root() -> TraceParent {
        let random = uuid::Uuid::new_v4().as_u128();
        TraceParent { trace_id: random, span_id: (random as u64) ^ ((random >> 64) as u64) | 1, sampled: true }
    }

    /// A new span in the same trace.
    pub fn child(self) -> TraceParent {
        let span_id = (uuid::Uuid::new_v4().as_u128() as u64) | 1;
        TraceParent { span_id, ..self }
    }

    /// Reads a version-00 header; anything malformed is `None` (the spec
    /// says to start a new trace then).
    pub fn parse(header: &str) -> Option<TraceParent> {
        let mut parts = header.trim().split('-');
        let (version, trace, span, flags) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if version != "00" || parts.next().is_some() || trace.len() != 32 || span.len() != 16 || flags.len() != 2 {
            return None;
        }
        let hex = |s: &str| s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !(hex(trace) && hex(span) && hex(flags)) {
            return None;
        }
        let trace_id = u128::from_str_radix(trace, 16).ok().filter(|t| *t != 0)?;
        let span_id = u64::from_str_radix(span, 16).ok().filter(|s| *s != 0)?;
        let flags = u8::from_str_radix(flags, 16).ok()?;
        Some(TraceParent { trace_id, span_id, sampled: flags & 1 == 1 })
    }
}

impl TraceParent {
    /// The header's text.
    pub fn header(&self) -> String {
        let mut text = String::with_capacity(55);
        self.write(&mut text);
        text
    }

    /// Appends the header's text to `out`. Written digit by digit: every
    /// event published carries one, and `format!` made this a tenth of
    /// publishing.
    pub(crate) fn write(&self, out: &mut String) {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut text = *b"00-00000000000000000000000000000000-0000000000000000-00";
        for i in 0..32 {
            text[3 + i] = DIGITS[((self.trace_id >> ((31 - i) * 4)) & 0xf) as usize];
        }
        for i in 0..16 {
            text[36 + i] = DIGITS[((self.span_id >> ((15 - i) * 4)) & 0xf) as usize];
        }
        text[54] = if self.sampled { b'1' } else { b'0' };
        out.push_str(std::str::from_utf8(&text).expect("ASCII digits"));
    }
}

impl fmt::Display for TraceParent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.header())
    }
}

#[cfg(test)]
mod tests {
    use super::TraceParent;

    #[test]
    fn reads_and_writes_the_w3c_form() {
        let text = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        let parsed = TraceParent::parse(text).unwrap();
        assert_eq!(parsed.to_string(), text);
        let child = parsed.child();
        assert_eq!((child.trace_id, child.sampled), (parsed.trace_id, true));
        assert_ne!(child.span_id, parsed.span_id);
    }

    #[test]
    fn malformed_headers_start_a_new_trace() {
        for bad in [
            "",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        ] {
            assert_eq!(TraceParent::parse(bad), None, "{bad}");
        }
        assert!(TraceParent::parse(&TraceParent::new_root().to_string()).is_some());
    }
}
