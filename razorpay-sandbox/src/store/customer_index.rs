//! Customers by (email, contact): Razorpay refuses (or, with `fail_existing: 0`, answers) a
//! second customer with the same email and contact, and the sandbox must find that one without
//! scanning every customer.

use std::collections::{BTreeSet, HashMap};

/// `(email, contact)` as the customer holds them; absent fields are part of the key.
type Identity = (Option<String>, Option<String>);

/// Creation positions of the customers holding each identity. The smallest position is the
/// oldest customer, the one a linear scan in creation order would find first (edits can give two
/// customers the same identity).
#[derive(Debug, Default)]
pub struct CustomerIndex {
    by_identity: HashMap<Identity, BTreeSet<usize>>,
}

impl CustomerIndex {
    /// Records that the customer created at `position` holds `email` and `contact`.
    /// A customer with neither is never matched, so it is not indexed.
    pub fn insert(&mut self, position: usize, email: &Option<String>, contact: &Option<String>) {
        if email.is_some() || contact.is_some() {
            self.by_identity
                .entry((email.clone(), contact.clone()))
                .or_default()
                .insert(position);
        }
    }

    /// Moves the customer at `position` from its old identity to its new one (after an edit).
    pub fn update(&mut self, position: usize, old: &Identity, new: &Identity) {
        if old == new {
            return;
        }
        if let Some(positions) = self.by_identity.get_mut(old) {
            positions.remove(&position);
            if positions.is_empty() {
                self.by_identity.remove(old);
            }
        }
        self.insert(position, &new.0, &new.1);
    }

    /// The position of the oldest customer holding exactly `email` and `contact`, if at least
    /// one of them is given.
    pub fn oldest(&self, email: &Option<String>, contact: &Option<String>) -> Option<usize> {
        if email.is_none() && contact.is_none() {
            return None;
        }
        self.by_identity
            .get(&(email.clone(), contact.clone()))
            .and_then(|positions| positions.first().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn finds_the_oldest_holder_of_an_identity() {
        let mut index = CustomerIndex::default();
        index.insert(0, &some("a@x.in"), &some("91"));
        index.insert(1, &some("a@x.in"), &None);
        assert_eq!(index.oldest(&some("a@x.in"), &some("91")), Some(0));
        assert_eq!(index.oldest(&some("a@x.in"), &None), Some(1));
        assert_eq!(index.oldest(&None, &some("91")), None);
        // An edit gives customer 1 the identity of customer 0: the older one still wins.
        index.update(1, &(some("a@x.in"), None), &(some("a@x.in"), some("91")));
        assert_eq!(index.oldest(&some("a@x.in"), &some("91")), Some(0));
        assert_eq!(index.oldest(&some("a@x.in"), &None), None);
        index.update(
            0,
            &(some("a@x.in"), some("91")),
            &(some("b@x.in"), some("91")),
        );
        assert_eq!(index.oldest(&some("a@x.in"), &some("91")), Some(1));
    }

    #[test]
    fn never_matches_a_customer_without_email_and_contact() {
        let mut index = CustomerIndex::default();
        index.insert(0, &None, &None);
        assert_eq!(index.oldest(&None, &None), None);
        index.update(0, &(None, None), &(None, some("91")));
        assert_eq!(index.oldest(&None, &some("91")), Some(0));
    }

    fn identity() -> impl Strategy<Value = Identity> {
        let field = prop_oneof![Just(None), Just(some("a")), Just(some("b"))];
        (field.clone(), field)
    }

    proptest! {
        /// Whatever the creations and edits, the index answers what the linear scan it replaced
        /// answers: the first customer, in creation order, holding the identity.
        #[test]
        fn agrees_with_a_scan_in_creation_order(
            ops in proptest::collection::vec((any::<bool>(), any::<usize>(), identity()), 1..40),
            probe in identity(),
        ) {
            let mut index = CustomerIndex::default();
            let mut customers: Vec<Identity> = Vec::new();
            for (create, pick, id) in ops {
                if create || customers.is_empty() {
                    index.insert(customers.len(), &id.0, &id.1);
                    customers.push(id);
                } else {
                    let position = pick % customers.len();
                    index.update(position, &customers[position], &id);
                    customers[position] = id;
                }
            }
            let scan = customers.iter().position(|c| {
                (probe.0.is_some() || probe.1.is_some()) && c.0 == probe.0 && c.1 == probe.1
            });
            prop_assert_eq!(index.oldest(&probe.0, &probe.1), scan);
        }
    }
}
