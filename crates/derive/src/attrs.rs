//! The `#[serde(...)]` attributes the derives understand.

use syn::{Attribute, LitStr};

/// What a field's or variant's `#[serde(...)]` attributes say.
#[derive(Default)]
pub struct Serde {
    pub rename: Option<String>,
    pub default: bool,
    pub untagged: bool,
    /// The function `skip_serializing_if` names.
    pub skip_if: Option<syn::ExprPath>,
}

/// Reads `#[serde(...)]` attributes, allowing the keys in `allowed`.
/// Any other key is an error at its span, so nothing is silently ignored.
pub fn parse(attrs: &[Attribute], allowed: &[&str]) -> syn::Result<Serde> {
    let mut serde = Serde::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            let unsupported = || {
                meta.error(format!(
                    "specwright's derives do not support `{key}` here (they support {} here); derive serde's instead",
                    allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
                ))
            };
            if !allowed.contains(&key.as_str()) {
                return Err(unsupported());
            }
            match key.as_str() {
                "rename" => serde.rename = Some(meta.value()?.parse::<LitStr>()?.value()),
                "default" => serde.default = true,
                "untagged" => serde.untagged = true,
                "skip_serializing_if" => serde.skip_if = Some(meta.value()?.parse::<LitStr>()?.parse()?),
                _ => return Err(unsupported()),
            }
            Ok(())
        })?;
    }
    Ok(serde)
}
