//! Which operations and channels of an API to generate code for.

use specwright_spec::ir::{Api, EventOperation, HttpOperation};
use wildmatch::WildMatch;

/// What to keep. With nothing to include, everything is included; an
/// operation is kept when it matches any include entry and no exclude
/// entry. Names may hold `*` (any run of characters) and `?` (one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub include: Names,
    pub exclude: Names,
}

/// Operations by tag, by operation id, or (AsyncAPI) by channel id or address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    pub tags: Vec<String>,
    pub operations: Vec<String>,
    pub channels: Vec<String>,
}

impl Names {
    fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.operations.is_empty() && self.channels.is_empty()
    }
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
}

/// An API cut down to what `filter` keeps, and the filter's entries that
/// matched nothing (most likely misspelled), as `"include.tags: ordres"`.
pub fn select(api: &Api, filter: &Filter) -> (Api, Vec<String>) {
    let mut out = api.clone();
    if filter.is_empty() {
        return (out, Vec::new());
    }
    let mut hits = Hits::new(filter);
    out.operations.retain(|op| hits.keeps(&http_names(op)));
    out.webhooks.retain(|op| hits.keeps(&http_names(op)));
    out.event_operations.retain(|op| hits.keeps(&event_names(api, op)));
    // Channels and messages no kept operation uses would still give types.
    let used_channels: Vec<&String> = out
        .event_operations
        .iter()
        .flat_map(|op| std::iter::once(&op.channel).chain(op.reply.iter().filter_map(|r| r.channel.as_ref())))
        .collect();
    out.channels.retain(|id, _| used_channels.contains(&id));
    let used_messages: Vec<String> = out
        .event_operations
        .iter()
        .flat_map(|op| op.messages.iter().chain(op.reply.iter().flat_map(|r| &r.messages)))
        .cloned()
        .collect();
    out.messages.retain(|id, _| used_messages.contains(id));
    (out, hits.unmatched())
}

/// What an operation can be picked by: its tags, its ids, its channel.
struct OpNames {
    tags: Vec<String>,
    ids: Vec<String>,
    channels: Vec<String>,
}

fn http_names(op: &HttpOperation) -> OpNames {
    OpNames {
        tags: op.tags.clone(),
        ids: op.operation_id.iter().chain([&op.id]).cloned().collect(),
        channels: Vec::new(),
    }
}

fn event_names(api: &Api, op: &EventOperation) -> OpNames {
    let address = api.channels.get(&op.channel).and_then(|c| c.address.clone());
    OpNames {
        tags: op.tags.iter().map(|t| t.name.clone()).collect(),
        ids: vec![op.id.clone()],
        channels: std::iter::once(op.channel.clone()).chain(address).collect(),
    }
}

/// The filter's patterns, each with whether it matched anything.
struct Hits {
    entries: Vec<Entry>,
    any_include: bool,
}

struct Entry {
    /// Where it is in the filter, as the settings write it.
    label: String,
    include: bool,
    /// Tags (0), operation ids (1) or channels (2).
    kind: usize,
    matcher: WildMatch,
    matched: bool,
}

impl Hits {
    fn new(filter: &Filter) -> Hits {
        let mut entries = Vec::new();
        for (include, names) in [(true, &filter.include), (false, &filter.exclude)] {
            let side = if include { "include" } else { "exclude" };
            for (kind, list) in [&names.tags, &names.operations, &names.channels].into_iter().enumerate() {
                let what = ["tags", "operations", "channels"][kind];
                for pattern in list {
                    let label = format!("{side}.{what}: {pattern}");
                    entries.push(Entry { label, include, kind, matcher: WildMatch::new(pattern), matched: false });
                }
            }
        }
        Hits { entries, any_include: !filter.include.is_empty() }
    }

    fn keeps(&mut self, op: &OpNames) -> bool {
        let by_kind = [&op.tags, &op.ids, &op.channels];
        let (mut included, mut excluded) = (!self.any_include, false);
        for e in &mut self.entries {
            if by_kind[e.kind].iter().any(|name| e.matcher.matches(name)) {
                e.matched = true;
                if e.include {
                    included = true;
                } else {
                    excluded = true;
                }
            }
        }
        included && !excluded
    }

    fn unmatched(self) -> Vec<String> {
        self.entries.into_iter().filter(|e| !e.matched).map(|e| e.label).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(name: &str) -> Api {
        let spec = format!("{}/../../specs/{name}", env!("CARGO_MANIFEST_DIR"));
        specwright_spec::Loader::new().load_file(std::path::Path::new(&spec)).unwrap().api.unwrap()
    }

    fn ids(api: &Api) -> Vec<String> {
        api.operations.iter().map(|o| o.operation_id.clone().unwrap_or_default()).collect()
    }

    #[test]
    fn operations_are_kept_by_id_pattern_and_excluded_by_id() {
        let api = load("petstore.yaml");
        let all = ids(&api);
        let filter = Filter {
            include: Names { operations: vec!["*Pet*".into()], ..Names::default() },
            exclude: Names { operations: vec!["deletePet".into()], ..Names::default() },
        };
        let (kept, unmatched) = select(&api, &filter);
        let expected: Vec<String> = all.iter().filter(|id| id.contains("Pet") && *id != "deletePet").cloned().collect();
        assert_eq!(ids(&kept), expected);
        assert!(!expected.is_empty() && expected.len() < all.len());
        assert!(unmatched.is_empty(), "{unmatched:?}");
    }

    #[test]
    fn names_that_match_nothing_are_reported() {
        let api = load("petstore.yaml");
        let filter = Filter { include: Names { tags: vec!["ptes".into()], ..Names::default() }, ..Filter::default() };
        let (kept, unmatched) = select(&api, &filter);
        assert!(kept.operations.is_empty());
        assert_eq!(unmatched, ["include.tags: ptes"]);
    }

    #[test]
    fn event_operations_by_channel_keep_only_their_messages() {
        let api = load("order-events.yaml");
        let channel = api.event_operations[0].channel.clone();
        let filter =
            Filter { include: Names { channels: vec![channel.clone()], ..Names::default() }, ..Filter::default() };
        let (kept, _) = select(&api, &filter);
        assert!(!kept.event_operations.is_empty());
        assert!(kept.event_operations.iter().all(|op| op.channel == channel));
        assert!(kept.messages.len() < api.messages.len(), "messages of other channels are dropped");
        assert!(kept.channels.contains_key(&channel));
    }
}
