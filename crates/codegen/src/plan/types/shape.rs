//! Structural shapes of schemas, so that inline schemas written out
//! identically in several places become one type. Shapes are exact: two
//! schemas share one only when their content is equal, with each edge to
//! another schema compared by that schema's shape in turn. A hash only
//! finds the candidate; the content itself is compared.

use std::collections::{HashMap, HashSet};

use specwright_spec::ir::{SchemaId, Schemas};

/// One class of schemas with equal content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shape(u32);

#[derive(Default)]
pub struct Shapes {
    known: HashMap<SchemaId, Shape>,
    /// Named schemas, and unnamed ones met again inside themselves: each a
    /// shape of its own.
    identities: HashMap<SchemaId, Shape>,
    in_progress: HashSet<SchemaId>,
    /// Each shape's content, written with its edges as shapes.
    by_content: HashMap<String, Shape>,
    count: u32,
}

impl Shapes {
    /// Equal for schemas with equal content; a named schema (a component) is
    /// only ever equal to itself.
    pub fn of(&mut self, schemas: &Schemas, id: SchemaId) -> Shape {
        if let Some(&shape) = self.known.get(&id) {
            return shape;
        }
        let entry = schemas.entry(id);
        // Named schemas keep their identity; a cycle through unnamed ones does too.
        if entry.name.is_some() || !self.in_progress.insert(id) {
            return self.identity(id);
        }
        let mut copy = (*entry.schema).clone();
        for (_, child) in copy.children_mut() {
            *child = SchemaId(self.of(schemas, *child).0);
        }
        let content = serde_json::to_string(&copy).expect("schemas serialize");
        let shape = match self.by_content.get(&content) {
            Some(&shape) => shape,
            None => {
                let shape = self.fresh();
                self.by_content.insert(content, shape);
                shape
            }
        };
        self.in_progress.remove(&id);
        self.known.insert(id, shape);
        shape
    }

    fn identity(&mut self, id: SchemaId) -> Shape {
        if let Some(&shape) = self.identities.get(&id) {
            return shape;
        }
        let shape = self.fresh();
        self.identities.insert(id, shape);
        shape
    }

    fn fresh(&mut self) -> Shape {
        self.count += 1;
        Shape(self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use specwright_spec::ir::Api;

    fn api(properties: &str) -> Api {
        let text = format!("openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    Holder:\n      type: object\n      properties:\n{properties}");
        specwright_spec::Loader::new().load_str("t.yaml", &text).api.expect("the document loads")
    }

    fn property(api: &Api, name: &str) -> SchemaId {
        let holder = api.schemas.entry(api.components["Holder"]);
        holder.schema.properties[name]
    }

    #[test]
    fn equal_content_is_one_shape_and_any_difference_another() {
        let api = api(concat!(
            "        a: {type: object, properties: {inner: {type: object, properties: {n: {type: integer}}}}}\n",
            "        b: {type: object, properties: {inner: {type: object, properties: {n: {type: integer}}}}}\n",
            // The same text one level up; the difference is a level down.
            "        c: {type: object, properties: {inner: {type: object, properties: {n: {type: string}}}}}\n",
            "        d: {$ref: '#/components/schemas/Holder'}\n",
        ));
        let mut shapes = Shapes::default();
        let [a, b, c, d] = ["a", "b", "c", "d"].map(|name| shapes.of(&api.schemas, property(&api, name)));
        assert_eq!(a, b);
        assert_ne!(a, c, "the parents differ only through their children's shapes");
        assert_ne!(a, d);
        // A named schema is only ever itself.
        let holder = api.components["Holder"];
        assert_eq!(shapes.of(&api.schemas, holder), shapes.of(&api.schemas, holder));
    }
}
