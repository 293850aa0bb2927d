//! Grouping a cart's surviving lines by catalog item, and spotting repeated line ids.
//!
//! Carts are usually small, where a linear scan beats hashing; large carts switch to hash maps
//! so a hostile million-line cart stays linear.

use std::collections::{HashMap, HashSet};

use crate::catalog::Key;
use crate::{Cart, CartLine, CatalogItem};

/// Up to this many lines, linear scans (at most 16² string compares) are cheaper than hashing.
const SMALL: usize = 16;

pub(super) struct Groups<'c, 'i> {
    small: bool,
    /// Key, catalog entry and member count of each group, in order of first appearance.
    groups: Vec<(Key<'c>, &'i CatalogItem, usize)>,
    /// `(group, line index)` for every surviving line, in cart order.
    members: Vec<(usize, usize)>,
    by_key: HashMap<Key<'c>, usize>,
    ids: HashSet<&'c str>,
}

impl<'c, 'i> Groups<'c, 'i> {
    pub(super) fn new(lines: usize) -> Self {
        Self {
            small: lines <= SMALL,
            groups: Vec::new(),
            members: Vec::with_capacity(lines),
            by_key: HashMap::new(),
            ids: HashSet::new(),
        }
    }

    /// Whether line `index` reuses the id of an earlier line. Call once per line, in order.
    pub(super) fn is_repeated_id(&mut self, cart: &'c Cart, index: usize) -> bool {
        let id = cart.lines[index].line_id.as_str();
        if self.small {
            cart.lines[..index].iter().any(|l| l.line_id == id)
        } else {
            !self.ids.insert(id)
        }
    }

    pub(super) fn add(&mut self, line: &'c CartLine, index: usize, item: &'i CatalogItem) {
        let key = (line.product_id.as_str(), line.variant_id.as_deref());
        let found = if self.small {
            self.groups.iter().position(|(k, ..)| *k == key)
        } else {
            self.by_key.get(&key).copied()
        };
        let group = found.unwrap_or_else(|| {
            self.groups.push((key, item, 0));
            if !self.small {
                self.by_key.insert(key, self.groups.len() - 1);
            }
            self.groups.len() - 1
        });
        self.groups[group].2 += 1;
        self.members.push((group, index));
    }

    /// Each group's catalog entry and its line indexes in cart order (a counting sort into one
    /// buffer: one allocation instead of one per group).
    pub(super) fn into_slices(self) -> GroupSlices<'i> {
        let mut starts = Vec::with_capacity(self.groups.len() + 1);
        let mut total = 0;
        for (.., count) in &self.groups {
            starts.push(total);
            total += count;
        }
        starts.push(total);
        let mut next = starts.clone();
        let mut lines = vec![0; total];
        for (group, index) in self.members {
            lines[next[group]] = index;
            next[group] += 1;
        }
        GroupSlices {
            items: self.groups.into_iter().map(|(_, item, _)| item).collect(),
            starts,
            lines,
        }
    }
}

pub(super) struct GroupSlices<'i> {
    items: Vec<&'i CatalogItem>,
    starts: Vec<usize>,
    lines: Vec<usize>,
}

impl<'i> GroupSlices<'i> {
    pub(super) fn iter(&self) -> impl Iterator<Item = (&'i CatalogItem, &[usize])> + '_ {
        self.items
            .iter()
            .enumerate()
            .map(|(g, item)| (*item, &self.lines[self.starts[g]..self.starts[g + 1]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CatalogItem;

    /// Run both strategies over the same cart and return (repeated flags, groups).
    fn run(cart: &Cart, item: &CatalogItem, small: bool) -> (Vec<bool>, Vec<Vec<usize>>) {
        let mut groups = Groups::new(cart.lines.len());
        groups.small = small;
        let mut repeated = Vec::new();
        for (i, line) in cart.lines.iter().enumerate() {
            repeated.push(groups.is_repeated_id(cart, i));
            groups.add(line, i, item);
        }
        let slices = groups.into_slices();
        (repeated, slices.iter().map(|(_, l)| l.to_vec()).collect())
    }

    #[test]
    fn small_and_large_strategies_agree() {
        let mut cart = Cart::new("INR");
        for i in 0..40 {
            let mut line = CartLine::new(format!("l{}", i % 25), format!("p{}", i % 7), 1, 1);
            if i % 3 == 0 {
                line.variant_id = Some("v".into());
            }
            cart.lines.push(line);
        }
        let item = CatalogItem::new("p", 1, "INR", 1);
        let small = run(&cart, &item, true);
        assert_eq!(small, run(&cart, &item, false));
        let (repeated, groups) = small;
        assert_eq!(repeated.iter().filter(|r| **r).count(), 15);
        assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), 40);
        assert_eq!(groups[0], vec![0, 21]); // p0 + variant: lines 0 and 21
        assert!(groups.iter().all(|g| g.windows(2).all(|w| w[0] < w[1])));
    }
}
