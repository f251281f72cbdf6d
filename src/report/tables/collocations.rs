//! `collocations.csv` and `trigrams.csv`: word pairs and triples per speaker and over all (`*`), group by group in
//! parallel (largest first), each group's rows formatted into spools as they are made and the tables put together
//! from them in group order; of each group only the first rows are kept, for the chart and the page
//! ([`Context::bigram_heads`], which the pass fills). The key columns
//! are the terms of the view (`first`, `second`, `third`); `form` beside them is the pair or triple as the speaker
//! most often says it ([`crate::stats::colloc`]).

use crate::corpus::{Corpus, TokenError};
use crate::report::spool::{assemble_table, by_group, RowSpool, Spooled};
use crate::report::{ReportConfig, WriteError};
use crate::stats::colloc::{group_collocations, BigramRow, Emit, TrigramRow};
use crate::stats::freq::{counted_groups, TurnGroup, ALL};
use crate::stats::tallies::{GroupCounts, Tallies};

use super::{Context, Made, Preview, Row, Table};

const BIGRAMS: &str = "collocations.csv";
const BIGRAMS_ABOUT: &str = "Word pairs (terms of the view, and the pair as most often spoken) with raw counts and PMI, NPMI, G², t-score, χ², Dice and logDice, per speaker and over all (*).";
const TRIGRAMS: &str = "trigrams.csv";
const TRIGRAMS_ABOUT: &str = "Word triples (terms of the view, and the triple as most often spoken) with counts, per speaker and over all (*).";
const METHOD: &str = "Pairs of adjacent words within one sentence of one turn, never across turns, sentences or meetings; a \
     punctuation mark, number or symbol between two words breaks the pair (`--skip-punct` skips it, as NLTK's finders \
     fed words only do). Pairs are counted per speaker and over all speakers (`*`) by the terms of the chosen view \
     (`first`, `second`); `form` is the pair as the speaker most often says it. Pairs with a stopword are left out \
     unless `--keep-stopword-pairs`, and so are pairs seen fewer than `--min-count` times.\n\n\
     For a pair counted n₁₁ times, its words counted n₁ₓ and nₓ₁ times and N words of the speaker, the measures are \
     those of NLTK's `BigramAssocMeasures` (with its 1e-20 smoothing):\n- \
     PMI = log₂(n₁₁·N / (n₁ₓ·nₓ₁)) (Church & Hanks 1990); NPMI = PMI / −log₂(n₁₁/N) (Bouma 2009);\n- \
     G², the log-likelihood ratio of the pair's 2×2 table (Dunning 1993), unsigned;\n- \
     t = (n₁₁ − n₁ₓ·nₓ₁/N) / √n₁₁ (Church et al. 1991);\n- \
     χ² = N·φ² of the 2×2 table, without continuity correction;\n- \
     Dice = 2·n₁₁ / (n₁ₓ + nₓ₁), and logDice = 14 + log₂ Dice (Rychlý 2008), which does not depend on the size of \
     the corpus.\n\n\
     `trigrams.csv` counts three adjacent words the same way, with their count and the speaker's words.";

impl Row for BigramRow<'_> {
    const HEADER: &'static str = "speaker,first,second,form,count,count_first,count_second,total,pmi,npmi,g2,t_score,chi2,dice,log_dice";
    const TYPES: &'static str = "str,str,str,str,int,int,int,int,f64,f64,f64,f64,f64,f64,f64";
}

impl Row for TrigramRow<'_> {
    const HEADER: &'static str = "speaker,first,second,third,form,count,total";
    const TYPES: &'static str = "str,str,str,str,str,int,int";
}

/// `collocations.csv` and `trigrams.csv`.
pub struct Collocations;

/// One group of turns and what its rows are made with.
struct Group<'a, 'g> {
    corpus: &'a Corpus,
    group: &'g TurnGroup<'a>,
    /// The group's counts in the collocations' view.
    counts: GroupCounts<'g>,
    /// [`crate::corpus::View::form_order`] of the collocations' view.
    forms: &'g [u32],
}

/// One group's pairs and triples, spooled (small groups' rows stay in memory; a big group's go to a file beside
/// the tables), and the first `keep` of each; with `all_too` ([`counted_groups`]) also the same rows under the name
/// `*`.
fn write_group<'a>(
    group: &Group<'a, '_>,
    config: &ReportConfig,
    keep: usize,
    unigrams: &mut [u64],
    all_too: bool,
) -> Result<Vec<GroupRows<'a>>, WriteError> {
    let dir = config.out.as_path();
    let sinks = || (Sink::new(config, keep), Sink::new(config, keep));
    let (mut bigrams, mut trigrams) = sinks();
    let (mut all_bigrams, mut all_trigrams) = all_too.then(sinks).unzip();
    let emit = Emit {
        bigram: &mut |r: BigramRow<'a>| {
            if let Some(all) = &mut all_bigrams {
                all.push(BigramRow {
                    speaker: ALL,
                    ..r.clone()
                });
            }
            bigrams.push(r);
        },
        trigram: &mut |r: TrigramRow<'a>| {
            if let Some(all) = &mut all_trigrams {
                all.push(TrigramRow {
                    speaker: ALL,
                    ..r.clone()
                });
            }
            trigrams.push(r);
        },
    };
    group.collocations(config, unigrams, emit)?;
    let rows = |bigrams: Sink<'_, BigramRow<'a>>, trigrams: Sink<'_, TrigramRow<'a>>| {
        Ok::<_, WriteError>(GroupRows {
            bigrams: bigrams.spool.finish(&dir.join(BIGRAMS))?,
            trigrams: trigrams.spool.finish(&dir.join(TRIGRAMS))?,
            bigram_heads: bigrams.heads,
            trigram_heads: trigrams.heads,
        })
    };
    let mut done = vec![rows(bigrams, trigrams)?];
    if let (Some(bigrams), Some(trigrams)) = (all_bigrams, all_trigrams) {
        done.push(rows(bigrams, trigrams)?);
    }
    Ok(done)
}

/// Where one group's rows of one table go as they are made: spooled, and the first `keep` kept.
struct Sink<'d, R> {
    spool: RowSpool<'d, R>,
    heads: Vec<R>,
    keep: usize,
}

impl<'d, R: Row> Sink<'d, R> {
    fn new(config: &'d ReportConfig, keep: usize) -> Self {
        Sink {
            spool: RowSpool::new(config.out.as_path(), 1 << 16, config.format),
            heads: Vec::new(),
            keep,
        }
    }

    fn push(&mut self, r: R) {
        self.spool.push(&r);
        if self.heads.len() < self.keep {
            self.heads.push(r);
        }
    }
}

impl<'a> Group<'a, '_> {
    /// The group's rows, handed to `emit`.
    fn collocations(
        &self,
        config: &ReportConfig,
        unigrams: &mut [u64],
        emit: Emit<'_, 'a>,
    ) -> Result<(), TokenError> {
        let Group {
            corpus,
            group,
            counts,
            forms,
        } = *self;
        group_collocations(corpus, &config.colloc, group, counts, unigrams, forms, emit)
    }
}

/// Runs `work` on every counted group ([`counted_groups`]) with what its rows are made with, and whether it also
/// stands for `*`: the groups in parallel, each with a scratch array of unigram counts; the results in group order.
fn each_group<'a, T: Send>(
    cx: &Context<'a>,
    work: impl Fn(&Group<'a, '_>, &mut Vec<u64>, bool) -> Result<T, WriteError> + Sync,
) -> Result<Vec<T>, WriteError> {
    let corpus = cx.corpus;
    let view = cx.config.colloc.view;
    let (groups, all_too) = counted_groups(corpus);
    let sizes: Vec<usize> = groups.iter().map(|group| group.words(corpus)).collect();
    let forms = view.form_order(corpus);
    let terms = view.len(corpus);
    // The counts of the view asked for are shared; another view's are counted here.
    let own;
    let tallies = if view == cx.config.view {
        cx.tallies()?
    } else {
        own = Tallies::new(corpus, view)?;
        &own
    };
    by_group(
        &sizes,
        || vec![0u64; terms],
        |g, unigrams| {
            let group = Group {
                corpus,
                group: &groups[g],
                counts: tallies.of(groups[g].speaker),
                forms: &forms,
            };
            work(&group, unigrams, all_too && g + 1 == groups.len())
        },
    )
}

impl<'a> Context<'a> {
    /// The first rows of each group of `collocations.csv` (each speaker's, then those of `*`), as many as the chart
    /// and the preview use (`--top`, at least 50). The collocations table keeps the heads of the pass that writes
    /// it; otherwise they are computed here by the same pass, writing nothing: the same rows either way.
    pub fn bigram_heads(&self) -> Result<&[BigramRow<'a>], WriteError> {
        let keep = keep(self);
        let heads = self.shared.bigram_heads.get_or_try(|| {
            let per_group = each_group(self, |group, unigrams, all_too| {
                let mut heads = Vec::new();
                let emit = Emit {
                    bigram: &mut |r: BigramRow<'a>| {
                        if heads.len() < keep {
                            heads.push(r);
                        }
                    },
                    trigram: &mut |_| {},
                };
                group.collocations(self.config, unigrams, emit)?;
                let all: Option<Vec<BigramRow>> = all_too.then(|| {
                    let as_all = |r: &BigramRow<'a>| BigramRow {
                        speaker: ALL,
                        ..r.clone()
                    };
                    heads.iter().map(as_all).collect()
                });
                Ok(std::iter::once(heads)
                    .chain(all)
                    .flatten()
                    .collect::<Vec<_>>())
            })?;
            Ok(per_group.into_iter().flatten().collect())
        })?;
        Ok(heads)
    }
}

/// First rows kept per group: as many as the chart and the previews use.
fn keep(cx: &Context) -> usize {
    cx.config.top.max(50)
}

/// Every group's rows of one table, in group order.
fn whole<'g>(
    done: &'g [GroupRows],
    table: impl Fn(&'g GroupRows) -> &'g Spooled,
) -> Vec<(&'g Spooled, usize)> {
    done.iter().map(|g| (table(g), 0)).collect()
}

/// One group's rows, spooled, and their first rows.
struct GroupRows<'a> {
    bigrams: Spooled,
    trigrams: Spooled,
    bigram_heads: Vec<BigramRow<'a>>,
    trigram_heads: Vec<TrigramRow<'a>>,
}

impl Table for Collocations {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(BIGRAMS, BigramRow::HEADER), (TRIGRAMS, TrigramRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "collocations"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let keep = keep(cx);
        let dir = cx.config.out.as_path();
        let done: Vec<GroupRows> = each_group(cx, |group, unigrams, all_too| {
            write_group(group, cx.config, keep, unigrams, all_too)
        })?
        .into_iter()
        .flatten()
        .collect();
        let format = cx.config.format;
        assemble_table::<BigramRow>(&dir.join(BIGRAMS), format, &whole(&done, |g| &g.bigrams))?;
        assemble_table::<TrigramRow>(&dir.join(TRIGRAMS), format, &whole(&done, |g| &g.trigrams))?;
        let bigram_rows = done.iter().map(|g| g.bigrams.rows).sum();
        let trigram_rows = done.iter().map(|g| g.trigrams.rows).sum();
        let (mut bigram_heads, mut trigram_heads) = (Vec::new(), Vec::new());
        for g in done {
            bigram_heads.extend(g.bigram_heads);
            trigram_heads.extend(g.trigram_heads);
        }
        let top = cx.config.top;
        let bigram_heads = cx.shared.bigram_heads.fill(bigram_heads);
        let mut made = Made::table(Preview::new(
            BIGRAMS,
            BIGRAMS_ABOUT,
            BigramRow::HEADER,
            bigram_heads,
            bigram_rows,
            top,
        ));
        made.append(Made::table(Preview::new(
            TRIGRAMS,
            TRIGRAMS_ABOUT,
            TrigramRow::HEADER,
            &trigram_heads,
            trigram_rows,
            top,
        )));
        Ok(made)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::View;
    use crate::stats::colloc::CollocOptions;

    #[test]
    fn the_heads_the_table_keeps_are_those_computed_without_it() {
        let corpus = super::super::testing::seed();
        for view in [View::Key, View::Lemma] {
            let dir = tempfile::tempdir().unwrap();
            let config = ReportConfig {
                out: dir.path().to_path_buf(),
                colloc: CollocOptions {
                    view,
                    min_count: 1,
                    ..CollocOptions::default()
                },
                ..ReportConfig::default()
            };
            let made = Context::new(&corpus, &[], &config);
            Collocations.make(&made).unwrap();
            assert!(made.shared.bigram_heads.get().is_some());
            let alone = Context::new(&corpus, &[], &config);
            let heads = alone.bigram_heads().unwrap();
            assert!(!heads.is_empty());
            assert_eq!(made.bigram_heads().unwrap(), heads);
        }
    }

    /// The seed's spoken words as a text without speaker labels: one speaker (narration) has every turn.
    fn one_speaker() -> Corpus {
        let seed = super::super::testing::seed_file();
        let text: Vec<String> = seed.meeting.turns().map(|t| t.spoken()).collect();
        let (file, _) = crate::transcript::read_bytes(
            "prose.txt",
            text.join("\n\n").as_bytes(),
            &Default::default(),
        )
        .unwrap();
        crate::corpus::analyse(&[&file.meeting], &Default::default())
    }

    /// The CSV lines of `file` whose speaker is `*`.
    fn lines_of_all(file: &std::path::Path) -> Vec<String> {
        let text = std::fs::read_to_string(file).unwrap();
        text.lines()
            .filter(|l| l.starts_with("*,"))
            .map(str::to_string)
            .collect()
    }

    /// CSV lines of rows.
    fn lines<R: Row>(rows: impl Iterator<Item = R>) -> Vec<String> {
        rows.map(|r| {
            let mut out = Vec::new();
            r.append(&mut out).unwrap();
            String::from_utf8(out).unwrap().trim_end().to_string()
        })
        .collect()
    }

    #[test]
    fn a_corpus_of_one_speaker_gets_the_rows_of_all_from_that_speakers_count() {
        use crate::stats::freq::{counted_groups, frequencies, ALL};
        let corpus = one_speaker();
        assert_eq!(corpus.speakers.len(), 1);
        assert!(counted_groups(&corpus).1);
        let dir = tempfile::tempdir().unwrap();
        let config = ReportConfig {
            out: dir.path().to_path_buf(),
            colloc: CollocOptions {
                view: View::Lemma,
                min_count: 1,
                ..CollocOptions::default()
            },
            ..ReportConfig::default()
        };
        let cx = Context::new(&corpus, &[], &config);
        Collocations.make(&cx).unwrap();
        super::super::freq::Freq.make(&cx).unwrap();
        // The library counts `*` on its own, as it does for any corpus.
        let (bigrams, trigrams) =
            crate::stats::colloc::collocations(&corpus, &config.colloc).unwrap();
        let all = |speaker: &str| speaker == ALL;
        let expected = lines(bigrams.into_iter().filter(|r| all(r.speaker)));
        assert!(expected.len() > 100, "{}", expected.len());
        assert_eq!(lines_of_all(&dir.path().join(BIGRAMS)), expected);
        let expected = lines(trigrams.into_iter().filter(|r| all(r.speaker)));
        assert!(!expected.is_empty());
        assert_eq!(lines_of_all(&dir.path().join(TRIGRAMS)), expected);
        let expected = lines(
            [View::Key, config.view]
                .into_iter()
                .flat_map(|v| frequencies(&corpus, v, 1).unwrap())
                .filter(|r| all(r.speaker)),
        );
        assert!(expected.len() > 500, "{}", expected.len());
        assert_eq!(lines_of_all(&dir.path().join("freq.csv")), expected);
        // And the speaker's own rows are there too, as many.
        let text = std::fs::read_to_string(dir.path().join("freq.csv")).unwrap();
        let own = text
            .lines()
            .filter(|l| l.starts_with("(narration),"))
            .count();
        assert_eq!(own, expected.len());
    }
}
