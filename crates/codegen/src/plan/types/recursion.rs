//! Recursive types: a type that contains itself without indirection has no
//! size, so the edges that close such a cycle get a `Box`; an alias on a
//! cycle becomes a newtype, since aliases can't be recursive.

use super::model::{Def, DefId, DefKind, Ty};

/// Boxes the direct fields on cycles and turns aliases on cycles into newtypes.
pub fn break_cycles(defs: &mut [Def]) {
    // `A: {allOf: [$ref: A]}`, or `A` naming `B` naming `A`: aliases that
    // come back to themselves say nothing of the value, so any value is one.
    // (As a newtype holding itself it would have no value at all, and reading
    // one would recurse until the stack overflowed.)
    for i in alias_loops(defs) {
        defs[i].kind = DefKind::Alias { ty: Ty::Any, newtype: false };
    }
    let direct: Vec<Vec<DefId>> = defs.iter().map(|d| edges(d, true)).collect();
    let any: Vec<Vec<DefId>> = defs.iter().map(|d| edges(d, false)).collect();
    let direct_scc = components(&direct);
    let any_scc = components(&any);
    for (i, def) in defs.iter_mut().enumerate() {
        // An edge to a type in the same component closes a cycle (an edge to
        // itself is one by being there).
        let on_cycle = |to: DefId, scc: &[usize]| scc[to.0] == scc[i];
        let boxes = |ty: &mut Ty| {
            if ty.direct_def().is_some_and(|to| on_cycle(to, &direct_scc)) {
                ty.box_direct();
            }
        };
        match &mut def.kind {
            DefKind::Struct(s) => {
                s.fields.iter_mut().filter(|f| !f.flatten).for_each(|f| boxes(&mut f.ty));
            }
            DefKind::Tagged { variants, .. } => variants.iter_mut().for_each(|v| boxes(&mut v.ty)),
            DefKind::Untagged(variants) => variants.iter_mut().for_each(|(_, ty)| boxes(ty)),
            DefKind::Alias { ty, newtype } => {
                let mut mentioned = Vec::new();
                ty.defs(&mut mentioned);
                if mentioned.iter().any(|&to| on_cycle(to, &any_scc)) {
                    *newtype = true;
                }
                boxes(ty);
            }
            DefKind::Pending | DefKind::StringEnum(_) | DefKind::IntEnum(_) => {}
        }
    }
}

/// The definitions on loops of plain aliases (`type A = B;`), found in one
/// pass: each alias names one type, so each is walked once.
fn alias_loops(defs: &[Def]) -> Vec<usize> {
    let next = |i: usize| match &defs[i].kind {
        DefKind::Alias { ty: Ty::Named(to), .. } => Some(to.0),
        _ => None,
    };
    // 0: not reached yet, 1: on the walk under way, 2: settled.
    let mut state = vec![0u8; defs.len()];
    let mut on_loops = Vec::new();
    for start in 0..defs.len() {
        let mut walk = Vec::new();
        let mut at = start;
        while state[at] == 0 {
            state[at] = 1;
            walk.push(at);
            match next(at) {
                Some(to) => at = to,
                None => break,
            }
        }
        if state[at] == 1 && next(at).is_some() {
            if let Some(first) = walk.iter().position(|&i| i == at) {
                on_loops.extend_from_slice(&walk[first..]);
            }
        }
        for i in walk {
            state[i] = 2;
        }
    }
    on_loops
}

/// The named types a definition refers to: directly (no collection between)
/// or at all.
fn edges(def: &Def, direct_only: bool) -> Vec<DefId> {
    let mut out = Vec::new();
    let mut add = |ty: &Ty| {
        if direct_only {
            out.extend(ty.direct_def());
        } else {
            ty.defs(&mut out);
        }
    };
    match &def.kind {
        DefKind::Struct(s) => {
            s.fields.iter().for_each(|f| add(&f.ty));
            if let Some(extra) = &s.extra {
                add(extra);
            }
        }
        DefKind::Tagged { variants, .. } => variants.iter().for_each(|v| add(&v.ty)),
        DefKind::Untagged(variants) => variants.iter().for_each(|(_, ty)| add(ty)),
        DefKind::Alias { ty, .. } => add(ty),
        DefKind::Pending | DefKind::StringEnum(_) | DefKind::IntEnum(_) => {}
    }
    out
}

/// Strongly connected components (Tarjan's algorithm, iterative so that
/// deep graphs can't overflow the stack): the component number of each node.
fn components(graph: &[Vec<DefId>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = graph.len();
    let (mut index, mut low, mut comp) = (vec![UNSEEN; n], vec![0; n], vec![UNSEEN; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut next_index, mut next_comp) = (Vec::new(), 0, 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // Each frame: a node and how many of its edges have been followed.
        let mut frames = vec![(root, 0usize)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut edge)) = frames.last_mut() {
            if let Some(&DefId(w)) = graph[v].get(*edge) {
                *edge += 1;
                if index[w] == UNSEEN {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    frames.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = next_comp;
                    if w == v {
                        break;
                    }
                }
                next_comp += 1;
            }
        }
    }
    comp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_group_cycles() {
        // 0 -> 1 -> 2 -> 0, 3 -> 3, 4 alone
        let g = vec![vec![DefId(1)], vec![DefId(2)], vec![DefId(0)], vec![DefId(3)], vec![]];
        let c = components(&g);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_ne!(c[0], c[3]);
        assert_ne!(c[3], c[4]);
    }
}
