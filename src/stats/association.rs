//! The association measures of a pair of words, from its 2×2 contingency table, exactly as NLTK's
//! `nltk.metrics.association.BigramAssocMeasures` computes them (its 1e-20 smoothing included), with NPMI (Bouma
//! 2009) and logDice (Rychlý 2008). For a pair (x, y) in a text of N word tokens: n_ii the pair's count, n_ix and
//! n_xi the counts of x and y as words, n_xx = N (see [`super::colloc`] for what a pair is).

const SMALL: f64 = 1e-20;

/// The association measures of one pair, as NLTK's `BigramAssocMeasures` computes them, with NPMI and logDice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Association {
    /// Pointwise mutual information (log₂).
    pub pmi: f64,
    /// Normalised PMI (1 where the pair is the whole text).
    pub npmi: f64,
    /// Log-likelihood G².
    pub g2: f64,
    /// t-score.
    pub t_score: f64,
    /// Pearson's χ² (N·φ²; NaN when a margin of the table is empty).
    pub chi2: f64,
    /// Dice.
    pub dice: f64,
    /// logDice = 14 + log₂ Dice.
    pub log_dice: f64,
}

/// The association measures of a pair seen `n_ii` times, of words seen `n_ix` and `n_xi` times, among `n_xx`.
pub fn measures(n_ii: u64, n_ix: u64, n_xi: u64, n_xx: u64) -> Association {
    let (ii, ix, xi, xx) = (n_ii as f64, n_ix as f64, n_xi as f64, n_xx as f64);
    let n_oi = n_xi - n_ii;
    let n_io = n_ix - n_ii;
    let n_oo = n_xx - n_ii - n_oi - n_io;
    let cont = [n_ii as f64, n_oi as f64, n_io as f64, n_oo as f64];
    let mut g2 = 0.0;
    for i in 0..4 {
        let expected = (cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / xx;
        g2 += cont[i] * (cont[i] / (expected + SMALL) + SMALL).ln();
    }
    g2 *= 2.0;
    let pmi = (ii * xx).log2() - (ix * xi).log2();
    let p = ii / xx;
    let npmi = if p >= 1.0 { 1.0 } else { pmi / -p.log2() };
    let t = (ii - ix * xi / xx) / (ii + SMALL).sqrt();
    let chi2 = xx * phi_sq(n_ii, n_oi, n_io, n_oo);
    let dice = 2.0 * ii / (ix + xi);
    Association {
        pmi,
        npmi,
        g2,
        t_score: t,
        chi2,
        dice,
        log_dice: 14.0 + dice.log2(),
    }
}

/// φ² computed in integers where they fit, as NLTK does in Python's exact integers.
fn phi_sq(n_ii: u64, n_oi: u64, n_io: u64, n_oo: u64) -> f64 {
    let (ii, oi, io, oo) = (n_ii as i128, n_oi as i128, n_io as i128, n_oo as i128);
    let diff = ii * oo - io * oi;
    let num = diff.checked_mul(diff);
    let den = (ii + io)
        .checked_mul(ii + oi)
        .and_then(|d| d.checked_mul(io + oo))
        .and_then(|d| d.checked_mul(oi + oo));
    match (num, den) {
        (Some(num), Some(den)) => num as f64 / den as f64,
        _ => {
            let d = diff as f64;
            d * d / ((ii + io) as f64 * (ii + oi) as f64 * (io + oo) as f64 * (oi + oo) as f64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_that_is_the_whole_text() {
        let m = measures(1, 1, 1, 1);
        assert_eq!((m.pmi, m.npmi, m.dice, m.log_dice), (0.0, 1.0, 1.0, 14.0));
        // φ² is 0/0 here (every cell but one is empty; NLTK raises ZeroDivisionError): undefined, written NaN.
        assert!(m.chi2.is_nan());
    }
}
