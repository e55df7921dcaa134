//! Server URLs from the spec, with their `{variables}`.

use std::collections::HashMap;

/// Why a server's URL could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerUrlError {
    #[error("server URL `{url}` has an unclosed `{{`")]
    Unclosed { url: &'static str },
    #[error("server variable `{name}` has no value and no default")]
    NoValue { name: String },
}

/// A server the spec lists: a URL template and its variables' defaults.
#[derive(Clone, Copy, Debug)]
pub struct ServerTemplate {
    pub url: &'static str,
    /// Each variable with its default value.
    pub variables: &'static [(&'static str, &'static str)],
    pub description: Option<&'static str>,
}

impl ServerTemplate {
    /// The URL with each variable given a value: the caller's, else the default.
    pub fn url(&self, values: &HashMap<String, String>) -> Result<String, ServerUrlError> {
        let mut out = String::new();
        let mut rest = self.url;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').ok_or(ServerUrlError::Unclosed { url: self.url })?;
            let name = &rest[open + 1..open + close];
            let value = values
                .get(name)
                .map(String::as_str)
                .or_else(|| self.variables.iter().find(|(n, _)| *n == name).map(|(_, d)| *d))
                .ok_or_else(|| ServerUrlError::NoValue { name: name.to_string() })?;
            out.push_str(&rest[..open]);
            out.push_str(value);
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_take_the_given_value_or_the_default() {
        let server = ServerTemplate {
            url: "https://{region}.example.com:{port}/v1",
            variables: &[("region", "eu"), ("port", "443")],
            description: None,
        };
        assert_eq!(server.url(&HashMap::new()).unwrap(), "https://eu.example.com:443/v1");
        let values = HashMap::from([("region".to_string(), "us".to_string())]);
        assert_eq!(server.url(&values).unwrap(), "https://us.example.com:443/v1");
        let broken = ServerTemplate { url: "https://{host}/", variables: &[], description: None };
        assert!(matches!(broken.url(&HashMap::new()), Err(ServerUrlError::NoValue { name }) if name == "host"));
        let unclosed = ServerTemplate { url: "https://{host/", variables: &[], description: None };
        assert!(matches!(unclosed.url(&HashMap::new()), Err(ServerUrlError::Unclosed { .. })));
    }
}
