//! Cycles among conditions: questions that depend on each other in a circle, found
//! as strongly connected components of the dependency graph, one report each.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{root, Validator};
use crate::diagnostic::Diagnostic;

impl Validator<'_> {
    /// Each set of questions whose conditions depend on each other in a circle is
    /// reported once: one diagnostic per strongly connected component, at its last
    /// question, naming one shortest cycle through its first question (a long one
    /// shortened). Linear in the questions and conditions, so a 4,000-question
    /// circle costs no more than checking it.
    pub(super) fn cycles(&mut self, depends: &BTreeMap<usize, BTreeSet<usize>>) {
        /// Ids shown in a cycle's message before it is shortened.
        const SHOWN: usize = 8;
        let n = self.q.questions.len();
        let components = strongly_connected(n, depends);
        let mut component_of = vec![usize::MAX; n];
        for (c, members) in components.iter().enumerate() {
            for &member in members {
                component_of[member] = c;
            }
        }
        let mut found: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for (c, members) in components.iter().enumerate() {
            // A question that depends on itself is already a forward reference.
            if members.len() < 2 {
                continue;
            }
            let first = members.iter().copied().min().unwrap_or(0);
            let last = members.iter().copied().max().unwrap_or(0);
            let cycle = cycle_through(first, depends, |v| component_of[v] == c);
            found.push((last, members.len(), cycle));
        }
        found.sort_unstable();
        for (last, size, cycle) in found {
            let id = |i: usize| format!("`{}`", self.q.questions[i].id);
            let mut names: Vec<String> = if cycle.len() <= SHOWN {
                cycle.iter().map(|&i| id(i)).collect()
            } else {
                let mut names: Vec<String> = cycle[..SHOWN - 2].iter().map(|&i| id(i)).collect();
                names.push("…".to_owned());
                names.push(id(cycle[cycle.len() - 1]));
                names
            };
            names.push(id(cycle[0]));
            let mut message = if cycle.len() <= SHOWN {
                format!("conditions form a cycle: {}", names.join(" → "))
            } else {
                format!(
                    "conditions form a cycle of {} questions: {}",
                    cycle.len(),
                    names.join(" → ")
                )
            };
            if size > cycle.len() {
                message.push_str(&format!(" ({size} questions depend on each other in all)"));
            }
            self.push(
                Diagnostic::error(
                    "cycle",
                    root().key("question").index(last).key("show_if"),
                    message,
                )
                .subject(format!("question `{}`", self.q.questions[last].id))
                .hint("a question can only depend on questions asked before it; break the cycle"),
            );
        }
    }
}

/// The strongly connected components of the graph on `0..n` whose edges are
/// `depends`, by Tarjan's algorithm, without recursion (a 100,000-question chain
/// must not overflow the stack). Edges to nodes outside `0..n` are ignored.
fn strongly_connected(n: usize, depends: &BTreeMap<usize, BTreeSet<usize>>) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let empty = BTreeSet::new();
    let edges = |node: usize| depends.get(&node).unwrap_or(&empty).iter();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut next_index = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        let mut work = vec![(root, edges(root))];
        while let Some((node, pending)) = work.last_mut() {
            let node = *node;
            if let Some(&next) = pending.next() {
                if next >= n {
                    continue;
                }
                if index[next] == UNSEEN {
                    index[next] = next_index;
                    low[next] = next_index;
                    next_index += 1;
                    stack.push(next);
                    on_stack[next] = true;
                    work.push((next, edges(next)));
                } else if on_stack[next] {
                    low[node] = low[node].min(index[next]);
                }
            } else {
                work.pop();
                if let Some((parent, _)) = work.last() {
                    low[*parent] = low[*parent].min(low[node]);
                }
                if low[node] == index[node] {
                    let mut component = Vec::new();
                    while let Some(member) = stack.pop() {
                        on_stack[member] = false;
                        component.push(member);
                        if member == node {
                            break;
                        }
                    }
                    components.push(component);
                }
            }
        }
    }
    components
}

/// A shortest cycle from `first` back to it through nodes for which `inside`
/// holds (breadth first, so the cost is that of the component): `first`, then
/// the nodes in order, not repeating `first`.
fn cycle_through(
    first: usize,
    depends: &BTreeMap<usize, BTreeSet<usize>>,
    inside: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut parent: HashMap<usize, usize> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([first]);
    while let Some(node) = queue.pop_front() {
        for &next in depends.get(&node).into_iter().flatten() {
            if next == first {
                let mut cycle = vec![node];
                let mut at = node;
                while at != first {
                    at = parent[&at];
                    cycle.push(at);
                }
                cycle.reverse();
                // `first` is pushed last when the walk reaches it; a cycle through
                // `first` alone would be a self-dependence, excluded by the caller.
                if cycle.len() > 1 && cycle[0] == first {
                    return cycle;
                }
                return vec![first, node];
            }
            if inside(next) && next != first && !parent.contains_key(&next) {
                parent.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    vec![first]
}
