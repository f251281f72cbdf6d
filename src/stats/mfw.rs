//! `--mfw`: how many of the most frequent words the Delta measures count: one number (`150`), or a range of sizes
//! `START..END:STEP` (`100..1000:100`: 100, 200, …, 1,000; the end included), as the stylo package's `mfw.min`,
//! `mfw.max` and `mfw.incr`.
//!
//! One size is what `distances.csv` reports: the number, or the range's largest (Cosine Delta is the more stable the
//! more words it counts, Evert et al. 2017). The bootstrap consensus tree ([`super::consensus`]) needs many sizes: the
//! range, or, when one number is given, [`CONSENSUS_SIZES`] (100..1000:100), so that the tree says which groupings
//! hold whatever the list's length, not what one list happens to give.

use std::fmt;
use std::str::FromStr;

/// `--mfw`: one number of most frequent words, or a range of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mfw {
    /// One size.
    One(usize),
    /// `start`, `start + step`, …, `end` (`end - start` a multiple of `step`).
    Range {
        /// The smallest size.
        start: usize,
        /// The largest size.
        end: usize,
        /// Between two sizes.
        step: usize,
    },
}

/// Default of `--mfw`: terms in the Delta measures of `distances.csv`.
pub const MFW: usize = 150;

/// The sizes of the consensus tree when `--mfw` is one number: 100, 200, …, 1,000 (Eder 2017's range).
pub const CONSENSUS_SIZES: Mfw = Mfw::Range {
    start: 100,
    end: 1000,
    step: 100,
};

/// The largest size `--mfw` takes.
pub const MAX_SIZE: usize = 100_000;

/// The most sizes a range may have.
pub const MAX_SIZES: usize = 1_000;

impl Default for Mfw {
    fn default() -> Mfw {
        Mfw::One(MFW)
    }
}

impl Mfw {
    /// The size of `distances.csv`'s Delta values: the number, or the range's largest.
    pub fn size(&self) -> usize {
        match *self {
            Mfw::One(n) => n,
            Mfw::Range { end, .. } => end,
        }
    }

    /// Every size, smallest first.
    pub fn sizes(&self) -> Vec<usize> {
        match *self {
            Mfw::One(n) => vec![n],
            Mfw::Range { start, end, step } => (start..=end).step_by(step.max(1)).collect(),
        }
    }

    /// The sizes the consensus tree is built over: the range, or [`CONSENSUS_SIZES`] for one number.
    pub fn consensus(&self) -> Mfw {
        match self {
            Mfw::One(_) => CONSENSUS_SIZES,
            range => *range,
        }
    }
}

impl fmt::Display for Mfw {
    /// As it is given: `150` or `100..1000:100`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mfw::One(n) => write!(f, "{n}"),
            Mfw::Range { start, end, step } => write!(f, "{start}..{end}:{step}"),
        }
    }
}

/// What is wrong with a `--mfw` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MfwProblem {
    /// A part is not a whole number, or the value is neither form.
    Form,
    /// A size is 0 or over [`MAX_SIZE`].
    Size(usize),
    /// The step is 0.
    Step,
    /// The end is before the start.
    Backwards,
    /// The steps from the start miss the end: the two ends they would reach.
    Misses(usize, usize),
    /// More than [`MAX_SIZES`] sizes.
    TooMany(usize),
}

/// A `--mfw` value that cannot be read: the value as given and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("--mfw '{given}': {}; give a number of words (150) or a range START..END:STEP (100..1000:100 is 100, 200, …, 1000)", problem_text(.problem))]
pub struct MfwError {
    /// The value as given.
    pub given: String,
    /// What is wrong.
    pub problem: MfwProblem,
}

fn problem_text(problem: &MfwProblem) -> String {
    match problem {
        MfwProblem::Form => "not a whole number nor a range".to_string(),
        MfwProblem::Size(n) => format!("{n} words: a size is from 1 to {MAX_SIZE}"),
        MfwProblem::Step => "a step of 0".to_string(),
        MfwProblem::Backwards => "the end is smaller than the start".to_string(),
        MfwProblem::Misses(below, above) => {
            format!("the steps from the start miss the end (they reach {below} and {above})")
        }
        MfwProblem::TooMany(n) => format!("{n} sizes, and at most {MAX_SIZES} are taken"),
    }
}

impl FromStr for Mfw {
    type Err = MfwError;

    /// `N` or `START..END:STEP`, spaces around the parts allowed.
    fn from_str(given: &str) -> Result<Mfw, MfwError> {
        let fail = |problem| MfwError {
            given: given.to_string(),
            problem,
        };
        let number = |s: &str| {
            s.trim()
                .parse::<usize>()
                .map_err(|_| fail(MfwProblem::Form))
        };
        let size = |s: &str| match number(s)? {
            n @ 1..=MAX_SIZE => Ok(n),
            n => Err(fail(MfwProblem::Size(n))),
        };
        let Some((start, rest)) = given.split_once("..") else {
            return Ok(Mfw::One(size(given)?));
        };
        let (end, step) = rest.split_once(':').ok_or_else(|| fail(MfwProblem::Form))?;
        let (start, end, step) = (size(start)?, size(end)?, number(step)?);
        if step == 0 {
            return Err(fail(MfwProblem::Step));
        }
        if end < start {
            return Err(fail(MfwProblem::Backwards));
        }
        let off = (end - start) % step;
        if off != 0 {
            return Err(fail(MfwProblem::Misses(end - off, end - off + step)));
        }
        let sizes = (end - start) / step + 1;
        if sizes > MAX_SIZES {
            return Err(fail(MfwProblem::TooMany(sizes)));
        }
        Ok(Mfw::Range { start, end, step })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(s: &str) -> MfwProblem {
        s.parse::<Mfw>().unwrap_err().problem
    }

    #[test]
    fn one_number_or_a_range_with_its_end() {
        assert_eq!("150".parse(), Ok(Mfw::One(150)));
        assert_eq!(" 150 ".parse::<Mfw>().unwrap().sizes(), [150]);
        let range: Mfw = "100..1000:100".parse().unwrap();
        assert_eq!(range, CONSENSUS_SIZES);
        assert_eq!(range.sizes().len(), 10);
        assert_eq!((range.sizes()[0], range.size()), (100, 1000));
        assert_eq!(range.to_string(), "100..1000:100");
        assert_eq!("50 .. 50 : 7".parse::<Mfw>().unwrap().sizes(), [50]);
        // One number: its size for distances.csv, the default range for the consensus.
        assert_eq!(Mfw::One(150).consensus(), CONSENSUS_SIZES);
        assert_eq!(range.consensus(), range);
        assert_eq!(Mfw::default(), Mfw::One(150));
    }

    #[test]
    fn malformed_values_say_what_is_wrong_and_both_forms() {
        assert_eq!(problem("many"), MfwProblem::Form);
        assert_eq!(problem("100..1000"), MfwProblem::Form);
        assert_eq!(problem("100..x:10"), MfwProblem::Form);
        assert_eq!(problem("-5"), MfwProblem::Form);
        assert_eq!(problem("0"), MfwProblem::Size(0));
        assert_eq!(problem("100..200000:100"), MfwProblem::Size(200_000));
        assert_eq!(problem("100..1000:0"), MfwProblem::Step);
        assert_eq!(problem("1000..100:100"), MfwProblem::Backwards);
        assert_eq!(problem("100..950:100"), MfwProblem::Misses(900, 1000));
        assert_eq!(problem("1..2001:1"), MfwProblem::TooMany(2001));
        let message = "100..950:100".parse::<Mfw>().unwrap_err().to_string();
        assert_eq!(
            message,
            "--mfw '100..950:100': the steps from the start miss the end (they reach 900 and 1000); give a number \
             of words (150) or a range START..END:STEP (100..1000:100 is 100, 200, …, 1000)"
        );
    }
}
