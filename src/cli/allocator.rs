//! The binary's memory allocator on glibc Linux ([`Split`]): small blocks from mimalloc, large ones from the
//! system's (glibc's, whose settings are in [`super::memory`]). Elsewhere the system's allocator serves all.
//!
//! Deriving the terms of a quarter of a million keys and reading their analyses makes millions of small strings
//! and vectors, which mimalloc serves faster than glibc (the terms step of `report ../shared/bench`: 0.67 → 0.52 s,
//! the whole report 3.08 → 2.89 s); but the large buffers of a run (token streams, count arrays, tables) held by
//! mimalloc raise the peak memory from 144 to 222–232 MiB. So each block goes by its size: up to [`SMALL`] bytes to
//! mimalloc, larger ones to the system (peak memory unchanged). A block's layout is given again when it is freed or resized, so the two never see each other's blocks;
//! a resize that crosses the line moves the block.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ffi::c_long;

use mimalloc::MiMalloc;

/// The largest block mimalloc serves.
const SMALL: usize = 1024;

/// mimalloc's option `purge_delay` (its place in mimalloc 2's `mi_option_e`, which the bindings leave unnamed).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// mimalloc returns the pages it no longer uses to the system at once rather than 10 ms later: a phase that frees
/// many small blocks (the terms' strings) would otherwise hold them while the next phase's peak builds on top
/// (on ../shared/bench, 155 MiB of peak memory against 144).
pub fn configure() {
    // SAFETY: mi_option_set only stores an option's value; any value is valid for this option.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0 as c_long) }
}

/// Small blocks from mimalloc, large ones from the system allocator.
pub struct Split;

#[inline]
fn small(layout: Layout) -> bool {
    layout.size() <= SMALL
}

// SAFETY: every block is allocated, freed and resized by the allocator its size picks, which is the same for the
// layout it was allocated with and the layout it is freed with (Rust passes the same layout back); a resize that
// changes the allocator copies the block into a new one from the other and frees the old one where it came from.
unsafe impl GlobalAlloc for Split {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if small(layout) {
            MiMalloc.alloc(layout)
        } else {
            System.alloc(layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if small(layout) {
            MiMalloc.alloc_zeroed(layout)
        } else {
            System.alloc_zeroed(layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if small(layout) {
            MiMalloc.dealloc(ptr, layout)
        } else {
            System.dealloc(ptr, layout)
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        match (small(layout), small(new_layout)) {
            (true, true) => MiMalloc.realloc(ptr, layout, new_size),
            (false, false) => System.realloc(ptr, layout, new_size),
            _ => {
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                new
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_keeps_its_bytes_when_a_resize_moves_it_across_the_line() {
        let split = Split;
        for align in [1, 8, 64] {
            let layout = Layout::from_size_align(100, align).unwrap();
            // SAFETY: each block is used within its size and freed with the layout it has at that moment.
            unsafe {
                let small = split.alloc(layout);
                assert!(!small.is_null() && small as usize % align == 0);
                (0..100).for_each(|i| *small.add(i) = i as u8);
                let large = split.realloc(small, layout, 3 * SMALL);
                assert!(!large.is_null() && large as usize % align == 0);
                assert!((0..100).all(|i| *large.add(i) == i as u8));
                let large_layout = Layout::from_size_align(3 * SMALL, align).unwrap();
                (100..3 * SMALL).for_each(|i| *large.add(i) = (i % 251) as u8);
                let back = split.realloc(large, large_layout, 50);
                assert!(!back.is_null() && back as usize % align == 0);
                assert!((0..50).all(|i| *back.add(i) == i as u8));
                split.dealloc(back, Layout::from_size_align(50, align).unwrap());
                let zeroed = split.alloc_zeroed(large_layout);
                assert!((0..3 * SMALL).all(|i| *zeroed.add(i) == 0));
                split.dealloc(zeroed, large_layout);
            }
        }
    }

    #[test]
    fn the_purge_delay_is_the_option_it_is_taken_for() {
        // mimalloc 2's default purge delay is 10 ms (its neighbours default to 1 and 0): the option at that place is
        // the purge delay, unless the environment set it (tests do not run `configure`).
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: mi_option_get only reads an option.
            assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 10);
        }
    }
}
