//! Structural fingerprints of schemas, so that inline schemas written out
//! identically in several places become one type.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use specwright_spec::ir::{SchemaId, Schemas};

#[derive(Default)]
pub struct Fingerprints {
    known: HashMap<SchemaId, u64>,
    in_progress: HashSet<SchemaId>,
}

impl Fingerprints {
    /// Equal for schemas with equal content; a named schema (a component) is
    /// only ever equal to itself.
    pub fn of(&mut self, schemas: &Schemas, id: SchemaId) -> u64 {
        if let Some(&fp) = self.known.get(&id) {
            return fp;
        }
        let entry = schemas.entry(id);
        // Named schemas keep their identity; a cycle through unnamed ones does too.
        if entry.name.is_some() || !self.in_progress.insert(id) {
            return identity(id);
        }
        let mut copy = (*entry.schema).clone();
        for child in children(&mut copy) {
            let fp = self.of(schemas, *child);
            *child = SchemaId(fp as u32 ^ (fp >> 32) as u32);
        }
        let mut hasher = DefaultHasher::new();
        serde_json::to_string(&copy).expect("schemas serialize").hash(&mut hasher);
        let fp = hasher.finish();
        self.in_progress.remove(&id);
        self.known.insert(id, fp);
        fp
    }
}

fn identity(id: SchemaId) -> u64 {
    let mut hasher = DefaultHasher::new();
    ("named", id.0).hash(&mut hasher);
    hasher.finish()
}

/// Every edge from a schema to another.
fn children(s: &mut specwright_spec::ir::Schema) -> Vec<&mut SchemaId> {
    let mut out: Vec<&mut SchemaId> = Vec::new();
    out.extend(s.reference.as_mut());
    out.extend(s.items.as_mut());
    out.extend(s.properties.values_mut());
    out.extend(s.additional_properties.as_mut());
    out.extend(s.all_of.iter_mut());
    out.extend(s.one_of.iter_mut());
    out.extend(s.any_of.iter_mut());
    if let Some(d) = s.discriminator.as_mut() {
        out.extend(d.mapping.values_mut());
    }
    if let Some(c) = s.constraints.as_mut() {
        out.extend(c.prefix_items.iter_mut());
        out.extend(c.contains.as_mut());
        out.extend(c.pattern_properties.values_mut());
        out.extend(c.property_names.as_mut());
        out.extend(c.not.as_mut());
        out.extend(c.if_then_else.iter_mut().flatten());
    }
    out
}
