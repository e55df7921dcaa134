use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde_json::{Map, Number, Value};

use super::{ParseError, MAX_ALIAS_NODES, MAX_DEPTH};
use crate::source::{Pos, SourceFile};

pub(super) fn parse(file: &SourceFile, text: &str) -> Result<(Value, Option<ParseError>), ParseError> {
    let build = |text: &str| {
        Builder { file, stack: Vec::new(), anchors: HashMap::new(), alias_nodes: 0, root: None }
            .run(Parser::new_from_str(text))
    };
    match build(text) {
        Ok(v) => Ok((v, None)),
        Err(e) if e.message.contains("indentation") => match relax_flow_indentation(text) {
            Some(relaxed) => match build(&relaxed) {
                Ok(v) => {
                    let note = ParseError {
                        message: format!(
                            "{}: a flow collection is less indented than its parent, which YAML 1.2 forbids; \
                             read as YAML 1.1 readers do",
                            e.message
                        ),
                        pos: e.pos,
                    };
                    Ok((v, Some(note)))
                }
                Err(_) => Err(e),
            },
            None => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// Indents the lines inside `{...}` and `[...]` collections that start in
/// block context so they sit deeper than the line that opened them, which is
/// what YAML 1.2 requires and what YAML 1.1 readers never checked. Line
/// numbers stay the same. `None` when nothing needed moving.
pub(crate) fn relax_flow_indentation(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 256);
    let mut depth = 0usize;
    let mut min_indent = 0usize;
    let mut quote: Option<char> = None;
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        if depth > 0 && quote.is_none() && !blank && indent < min_indent {
            out.extend(std::iter::repeat_n(' ', min_indent - indent));
            changed = true;
        }
        out.push_str(line);
        let mut prev = ' ';
        let mut seen_content = false;
        for c in line.chars() {
            match quote {
                Some('\'') if c == '\'' => quote = None,
                Some('"') if c == '"' && prev != '\\' => quote = None,
                Some(_) => {}
                None => match c {
                    '#' if prev == ' ' || prev == '\t' => break,
                    '\'' | '"' if depth > 0 || !seen_content || prev == ' ' => quote = Some(c),
                    '{' | '[' if depth > 0 || matches!(prev, ' ' | ':' | '-') || !seen_content => {
                        if depth == 0 {
                            min_indent = indent + 1;
                        }
                        depth += 1;
                    }
                    '}' | ']' if depth > 0 => depth -= 1,
                    _ => {}
                },
            }
            if !c.is_whitespace() {
                seen_content = true;
            }
            prev = c;
        }
    }
    changed.then_some(out)
}

/// A finished node; scalars keep their text, which is what a mapping key uses
/// (`200:` is the key "200", not the number 200).
struct Node {
    value: Value,
    key: Option<String>,
    /// A plain `<<`, YAML's merge key (a quoted one is a key like any other).
    merge: bool,
    span: Span,
}

enum Frame {
    Seq {
        items: Vec<Value>,
        anchor: usize,
        span: Span,
    },
    Map {
        map: Map<String, Value>,
        anchor: usize,
        span: Span,
        key: Option<(String, Span, bool)>,
        /// Keys that came from a merge (`<<`): the mapping's own keys replace them.
        merged: std::collections::HashSet<String>,
    },
}

struct Builder<'f> {
    file: &'f SourceFile,
    stack: Vec<Frame>,
    /// Anchored nodes and how many nodes each holds.
    anchors: HashMap<usize, (Value, usize)>,
    alias_nodes: usize,
    root: Option<Value>,
}

impl Builder<'_> {
    fn run(mut self, mut parser: Parser<'_, saphyr_parser::StrInput<'_>>) -> Result<Value, ParseError> {
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e| ParseError {
                message: e.info().to_string(),
                pos: self.file.pos_at_line_col(e.marker().line(), e.marker().col() + 1),
            })?;
            match event {
                Event::DocumentStart(_) if self.root.is_some() => {
                    return Err(self.error(span, "the file holds more than one YAML document"));
                }
                Event::Scalar(text, style, anchor, tag) => {
                    let value = self.scalar(&text, style, tag.as_deref(), span)?;
                    self.remember(anchor, &value);
                    let merge = style == ScalarStyle::Plain && text == "<<";
                    self.finish(Node { value, key: Some(text.into_owned()), merge, span })?;
                }
                Event::Alias(id) => {
                    let Some((value, nodes)) = self.anchors.get(&id) else {
                        return Err(self.error(span, "alias to an unknown anchor"));
                    };
                    self.alias_nodes += nodes;
                    if self.alias_nodes > MAX_ALIAS_NODES {
                        return Err(self.error(
                            span,
                            format!(
                                "aliases expand to more than {MAX_ALIAS_NODES} nodes; refusing a possible alias bomb"
                            ),
                        ));
                    }
                    let value = value.clone();
                    let key = value.as_str().map(str::to_owned);
                    self.finish(Node { value, key, merge: false, span })?;
                }
                Event::SequenceStart(anchor, _) => {
                    self.open(span)?;
                    self.stack.push(Frame::Seq { items: Vec::new(), anchor, span });
                }
                Event::MappingStart(anchor, _) => {
                    self.open(span)?;
                    self.stack.push(Frame::Map {
                        map: Map::new(),
                        anchor,
                        span,
                        key: None,
                        merged: Default::default(),
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let (value, anchor, span) = match self.stack.pop() {
                        Some(Frame::Seq { items, anchor, span }) => (Value::Array(items), anchor, span),
                        Some(Frame::Map { map, anchor, span, .. }) => (Value::Object(map), anchor, span),
                        None => return Err(self.error(span, "unbalanced YAML structure")),
                    };
                    self.remember(anchor, &value);
                    self.finish(Node { value, key: None, merge: false, span })?;
                }
                Event::StreamEnd => break,
                Event::Nothing | Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd => {}
            }
        }
        self.root.ok_or_else(|| ParseError { message: "the document is empty".into(), pos: self.file.pos_at(0) })
    }

    fn open(&self, span: Span) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error(span, format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        Ok(())
    }

    fn remember(&mut self, anchor: usize, value: &Value) {
        if anchor != 0 {
            self.anchors.insert(anchor, (value.clone(), count_nodes(value)));
        }
    }

    fn finish(&mut self, node: Node) -> Result<(), ParseError> {
        match self.stack.last_mut() {
            None => self.root = Some(node.value),
            Some(Frame::Seq { items, .. }) => items.push(node.value),
            Some(Frame::Map { map, key, merged, .. }) => match key.take() {
                None => match node.key {
                    Some(k) => *key = Some((k, node.span, node.merge)),
                    None => return Err(self.error(node.span, "mapping keys must be scalars")),
                },
                // YAML's merge key, as YAML 1.1 readers and specs written for
                // them use it: the keys of the mapping (or mappings) given,
                // under the mapping's own.
                Some((_, key_span, true)) => {
                    let sources = match node.value {
                        Value::Object(one) => vec![one],
                        Value::Array(many) if many.iter().all(Value::is_object) => many
                            .into_iter()
                            .filter_map(|v| if let Value::Object(m) = v { Some(m) } else { None })
                            .collect(),
                        _ => return Err(self.error(key_span, "a merge key `<<` takes a mapping or a list of mappings")),
                    };
                    for source in sources {
                        for (k, v) in source {
                            if !map.contains_key(&k) {
                                merged.insert(k.clone());
                                map.insert(k, v);
                            }
                        }
                    }
                }
                Some((k, key_span, false)) => {
                    if map.contains_key(&k) && !merged.remove(&k) {
                        return Err(self.error(key_span, format!("duplicate key `{k}`")));
                    }
                    map.insert(k, node.value);
                }
            },
        }
        Ok(())
    }

    fn scalar(
        &self,
        text: &str,
        style: ScalarStyle,
        tag: Option<&saphyr_parser::Tag>,
        span: Span,
    ) -> Result<Value, ParseError> {
        let core = tag.filter(|t| t.handle == "tag:yaml.org,2002:" || t.handle == "!!").map(|t| t.suffix.as_str());
        if core == Some("str") || (style != ScalarStyle::Plain && core.is_none()) {
            return Ok(Value::String(text.to_owned()));
        }
        match text {
            "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
            "true" | "True" | "TRUE" => return Ok(Value::Bool(true)),
            "false" | "False" | "FALSE" => return Ok(Value::Bool(false)),
            _ => {}
        }
        if let Some(n) = integer(text) {
            return Ok(n);
        }
        if looks_like_float(text) {
            return match text.parse::<f64>().ok().and_then(Number::from_f64) {
                Some(n) => Ok(Value::Number(n)),
                None => Err(self.error(span, format!("number `{text}` is out of range"))),
            };
        }
        Ok(Value::String(text.to_owned()))
    }

    fn error(&self, span: Span, message: impl Into<String>) -> ParseError {
        ParseError { message: message.into(), pos: self.pos(span) }
    }

    fn pos(&self, span: Span) -> Pos {
        self.file.pos_at_line_col(span.start.line(), span.start.col() + 1)
    }
}

fn integer(text: &str) -> Option<Value> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = if let Some(d) = digits.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = digits.strip_prefix("0o") {
        (8, d)
    } else {
        (10, digits)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let n = i128::from_str_radix(digits, radix).ok().map(|m| if negative { -m } else { m });
    if let Some(n) = n {
        if let Ok(u) = u64::try_from(n) {
            return Some(u.into());
        }
        if let Ok(i) = i64::try_from(n) {
            return Some(i.into());
        }
    }
    // Too large for 64 bits: keep it as a float, as JSON parsers do.
    let float = if radix == 10 { text.parse::<f64>().ok() } else { None };
    Some(float.and_then(Number::from_f64).map_or_else(|| Value::String(text.to_owned()), Value::Number))
}

fn looks_like_float(text: &str) -> bool {
    let t = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = digits(whole) && frac.is_none_or(digits) && !(whole.is_empty() && frac.is_none_or(str::is_empty));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok && (frac.is_some() || exponent.is_some())
}

fn count_nodes(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(count_nodes).sum::<usize>(),
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::parse::parse;
    use crate::source::{Format, SourceFile};

    fn yaml(text: &str) -> Result<serde_json::Value, crate::parse::ParseError> {
        parse(&SourceFile::new("t.yaml".into(), None, text.into(), Format::Yaml)).map(|p| p.value)
    }

    /// `<<: *base` was read as a key named `<<`, so a schema built on a base
    /// lost every keyword of it and accepted any value.
    #[test]
    fn merge_keys_are_applied_under_the_mappings_own() {
        let text = "base: &base {type: object, required: [id], description: base}\n\
                    pet:\n  <<: *base\n  description: a pet\n\
                    both:\n  <<: [*base, {type: string, format: x}]\n";
        let v = yaml(text).unwrap();
        assert_eq!(v["pet"], json!({"type": "object", "required": ["id"], "description": "a pet"}));
        assert_eq!(v["both"], json!({"type": "object", "required": ["id"], "description": "base", "format": "x"}));
        assert!(yaml("a:\n  <<: 1\n").unwrap_err().message.contains("merge key"));
        assert_eq!(yaml("a:\n  '<<': 1\n").unwrap(), json!({"a": {"<<": 1}}), "a quoted key is a key");
        assert!(yaml("a:\n  x: 1\n  x: 2\n").unwrap_err().message.contains("duplicate key"));
    }

    #[test]
    fn scalars_follow_the_core_schema_and_keys_stay_text() {
        let v = yaml("200: {a: 1, b: -2, c: 1.5, d: ~, e: true, f: '3', g: yes, h: 0x1f, i: 1e3}").unwrap();
        assert_eq!(
            v,
            json!({"200": {"a": 1, "b": -2, "c": 1.5, "d": null, "e": true, "f": "3", "g": "yes", "h": 31, "i": 1000.0}})
        );
    }

    #[test]
    fn duplicate_keys_are_refused_at_the_second_key() {
        let e = yaml("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!((e.pos.line, e.pos.column), (3, 1));
        assert!(e.message.contains("duplicate key `a`"));
    }

    #[test]
    fn aliases_expand_within_a_budget() {
        assert_eq!(yaml("a: &x [1, 2]\nb: *x\n").unwrap(), json!({"a": [1, 2], "b": [1, 2]}));
        let mut bomb =
            String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (prev, name) in ('a'..='h').zip('b'..='i') {
            bomb +=
                &format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n");
        }
        let e = yaml(&bomb).unwrap_err();
        assert!(e.message.contains("alias bomb"), "{}", e.message);
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        // Flow nesting is refused by the scanner, block nesting by the builder.
        let e = yaml(&"[".repeat(100_000)).unwrap_err();
        assert!(e.message.contains("recursion limit"), "{}", e.message);
        assert_eq!(e.pos.line, 1);
        let block: String = (0..1_000).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
        let e = yaml(&block).unwrap_err();
        assert!(e.message.contains("nesting deeper than 128"), "{}", e.message);
        assert_eq!(e.pos.line, 129);
    }

    #[test]
    fn out_of_range_numbers_are_located() {
        let e = yaml("a: 1\nb: 1e99999\n").unwrap_err();
        assert_eq!((e.pos.line, e.pos.column), (2, 4));
        // Integers too large for 64 bits become floats, like JSON's.
        assert_eq!(yaml("a: 123456789012345678901234567890").unwrap()["a"].as_f64(), Some(1.2345678901234568e29));
    }

    #[test]
    fn under_indented_flow_collections_are_read_leniently() {
        let text = "components:\n  schemas:\n    a: {\n  \"type\": \"object\"\n}\n    b: 1\n";
        let file = SourceFile::new("t.yaml".into(), None, text.into(), Format::Yaml);
        let (v, note) = super::parse(&file, text).unwrap();
        assert_eq!(v, json!({"components": {"schemas": {"a": {"type": "object"}, "b": 1}}}));
        assert_eq!(note.unwrap().pos.line, 4);
    }

    #[test]
    fn syntax_errors_are_located() {
        let e = yaml("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(e.pos.line >= 1, "{e:?}");
    }
}
