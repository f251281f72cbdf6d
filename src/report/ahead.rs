//! Tables made ahead of their turn: a table family that reads the corpus alone ([`Table::ahead`]) is offered, as
//! the report starts, to whichever thread the tables before it leave idle (their serial parts, the tail of a
//! parallel pass), so its own serial work does not wait for its turn. Its turn takes what it made; if no thread
//! took it up by then, it is made there, as it would have been; if a thread is making it, the turn waits for it.
//! Every family makes the same bytes whenever it is made ([`super::context`]: any order), and what the families
//! made is still put together in page order.

use std::sync::{Condvar, Mutex};

use super::tables::{Made, Table};
use super::{Context, WriteError};

/// Where a family made ahead is.
enum State {
    /// Nobody has started it.
    Waiting,
    /// A thread is making it.
    Making,
    /// Made (or failed), not yet taken.
    Made(Result<Made, WriteError>),
    /// Taken by its turn.
    Taken,
}

/// A family that may be made ahead of its turn.
pub struct Ahead<'t> {
    table: &'t dyn Table,
    state: Mutex<State>,
    done: Condvar,
}

impl<'t> Ahead<'t> {
    /// `table`, not started.
    pub fn new(table: &'t dyn Table) -> Ahead<'t> {
        Ahead {
            table,
            state: Mutex::new(State::Waiting),
            done: Condvar::new(),
        }
    }

    /// The family.
    pub fn table(&self) -> &'t dyn Table {
        self.table
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Makes the family unless its turn or another thread has started it (what a spare thread runs).
    pub fn make_early(&self, cx: &Context) {
        {
            let mut state = self.lock();
            if !matches!(*state, State::Waiting) {
                return;
            }
            *state = State::Making;
        }
        let made = self.table.make(cx);
        *self.lock() = State::Made(made);
        self.done.notify_all();
    }

    /// What the family made, at its turn: made now if nobody started it, else waited for.
    pub fn take(&self, cx: &Context) -> Result<Made, WriteError> {
        let mut state = self.lock();
        loop {
            match std::mem::replace(&mut *state, State::Taken) {
                State::Waiting => {
                    drop(state);
                    return self.table.make(cx);
                }
                State::Made(made) => return made,
                State::Making => {
                    *state = State::Making;
                    state = self.done.wait(state).unwrap_or_else(|p| p.into_inner());
                }
                State::Taken => unreachable!("a family's turn comes once"),
            }
        }
    }
}
