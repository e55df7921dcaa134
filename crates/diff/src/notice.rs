//! What was announced before something went: removing a thing that was
//! deprecated, past the `x-sunset` date it gave, is what deprecation is for.

use specwright_spec::ir::Extensions;

/// How a removed thing had been announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Notice {
    /// Not deprecated.
    None,
    /// Deprecated, with no sunset date or one still to come.
    Deprecated,
    /// Deprecated, and its sunset date has passed.
    SunsetPassed,
}

impl Notice {
    pub fn of(deprecated: bool, extensions: &Extensions) -> Notice {
        match (deprecated, sunset(extensions)) {
            (false, _) => Notice::None,
            (true, Some(date)) if date <= today() => Notice::SunsetPassed,
            (true, _) => Notice::Deprecated,
        }
    }

    /// The rule for a removal: `plain` when unannounced.
    pub fn pick(self, plain: &'static str, deprecated: &'static str, sunset: &'static str) -> &'static str {
        match self {
            Notice::None => plain,
            Notice::Deprecated => deprecated,
            Notice::SunsetPassed => sunset,
        }
    }
}

/// The `x-sunset` date, as written (`YYYY-MM-DD...`), cut to the day.
pub(crate) fn sunset(extensions: &Extensions) -> Option<String> {
    extensions.get("x-sunset").and_then(|v| v.as_str()).map(|s| s.chars().take(10).collect())
}

/// Today as `YYYY-MM-DD`, in UTC.
fn today() -> String {
    let days =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_sunset_in_the_past_has_passed_and_one_to_come_has_not() {
        let with = |date: &str| Extensions::from_iter([("x-sunset".to_string(), json!(date))]);
        assert_eq!(Notice::of(true, &with("2020-01-01")), Notice::SunsetPassed);
        assert_eq!(Notice::of(true, &with("2999-12-31T00:00:00Z")), Notice::Deprecated);
        assert_eq!(Notice::of(true, &Extensions::new()), Notice::Deprecated);
        assert_eq!(Notice::of(false, &with("2020-01-01")), Notice::None);
        assert_eq!(today().len(), 10);
    }
}
