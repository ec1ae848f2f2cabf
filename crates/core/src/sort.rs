//! One stable sort for the engine's few sorted lists, linked once.
//!
//! The standard library's stable sort (driftsort) is monomorphised per element
//! type and comparator: each `sort_by` or `sort_by_key` on the widget's path added
//! a copy of some kilobytes to the wasm. The lists sorted here are short (a
//! country's helplines, a questionnaire's question ids), so they sort their
//! indices with this one merge sort through a `dyn` comparator, which is compiled
//! once whatever is compared (README, Performance and size). Lists of positions
//! (indicators marked by an answer) are sorted in place by [`sort_dedup`], an
//! insertion sort: a few bytes of code instead of the unstable sort's
//! (`sort_unstable` links sorting networks and a heapsort fallback).

use std::cmp::Ordering;

/// The indices `0..len` in the order `cmp` gives their items, equal items keeping
/// their order (a stable sort, like `sort_by`): a bottom-up merge sort, O(n log n),
/// O(n) on a list already sorted.
pub(crate) fn stable_order(
    len: usize,
    cmp: &mut dyn FnMut(usize, usize) -> Ordering,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            // Runs already in order are copied: a sorted list (the benchmark's ids)
            // costs about n comparisons, as with the standard sort.
            if mid == end || cmp(order[mid - 1], order[mid]) != Ordering::Greater {
                // Not `copy_from_slice` (nor a zip, which LLVM turns into it): its
                // length check links a panic message of its own into the wasm.
                #[allow(clippy::manual_memcpy)]
                for k in start..end {
                    merged[k] = order[k];
                }
                start = end;
                continue;
            }
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                // The right run's item goes first only when strictly less: stable.
                let take_left = right == end
                    || (left < mid && cmp(order[left], order[right]) != Ordering::Greater);
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Sorts `positions` ascending and drops repeats, as `sort_unstable` then `dedup`
/// would. An insertion sort: the lists are an answer's marked indicators, a
/// handful and at most the questionnaire's indicators.
pub(crate) fn sort_dedup(positions: &mut Vec<usize>) {
    for i in 1..positions.len() {
        let mut j = i;
        while j > 0 && positions[j - 1] > positions[j] {
            positions.swap(j - 1, j);
            j -= 1;
        }
    }
    positions.dedup();
}

#[cfg(test)]
mod tests {
    use super::{sort_dedup, stable_order};
    use proptest::prelude::*;

    #[test]
    fn sorts_stably() {
        let keys = [3, 1, 2, 1, 3, 0];
        let order = stable_order(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [5, 1, 3, 2, 0, 4]);
        assert!(stable_order(0, &mut |_, _| unreachable!()).is_empty());
    }

    proptest! {
        #[test]
        fn sort_dedup_is_sort_unstable_then_dedup(mut v in prop::collection::vec(0usize..40, 0..70)) {
            let mut expected = v.clone();
            expected.sort_unstable();
            expected.dedup();
            sort_dedup(&mut v);
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn orders_as_the_standard_stable_sort(keys in prop::collection::vec(0u8..8, 0..70)) {
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| keys[i]);
            prop_assert_eq!(stable_order(keys.len(), &mut |a, b| keys[a].cmp(&keys[b])), expected);
        }
    }
}
