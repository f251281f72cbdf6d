//! Dictionary counts: how often each category of a content-analysis dictionary ([`crate::text::dictionary`]) occurs
//! in each speaker's (or group's) words in each meeting, and which words each entry matched.
//!
//! **Which words an entry matches.** An entry's globs are compared with a word's key (lowercase, `ё` = `е`) and, in
//! the stem or lemma view, also with its stem or lemma: an entry matches a word if it matches either, so `угроза`
//! matches every form of the lemma in the lemma view and only that form in the key view, while `угроз*` matches
//! the same words in every view. Each distinct key (and term of the view) is matched against the globs once; the
//! tokens are then streamed turn by turn and only looked up.
//!
//! **What a category counts.** A phrase entry matches consecutive words of one sentence with nothing but white
//! space between (no punctuation or number), as `--terms` and `kwic` phrases do. A category counts the hits of its
//! own entries and of those of every category nested in it, left to right, the longest match at each place, never
//! two that share a word ([`crate::text::dictionary::matcher`]): a word two entries of one category match counts once
//! for that category, and a phrase once. `weighted` adds the weight of the entry of each hit (1 without weights).
//!
//! **Rates.** `per_10k` = 10,000 · count / words of the group in the meeting (or all meetings); `share` = count /
//! the sum of the counts of the top-level categories in the same group and meeting (so the top-level shares add
//! up to 1 where anything was counted; undefined where nothing was).
//!
//! Groups of turns (a speaker in a meeting) are counted in parallel, each turn in order within its group, and the
//! sums over groups are made in a fixed order, so the counts and weighted sums are the same with any thread count.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::corpus::{Corpus, Gap, KeyId, MeetingId, SpeakerId, TokenError, View};
use crate::text::dictionary::{CategoryId, EntryId, Matcher, Scratch, Slot};

use super::keyness::{measures, Keyness};
use super::periods::{PeriodRate, Periods};

/// A category's hits in some words, and their weighted sum.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    /// Hits.
    pub count: u64,
    /// The sum of the weights of the entries of the hits.
    pub weighted: f64,
}

/// How often an entry matched one word (or a phrase's words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    /// The entry.
    pub entry: EntryId,
    /// The keys it matched, one per word of the entry.
    pub keys: Vec<KeyId>,
    /// Matches.
    pub count: u64,
}

/// The slots each key of the corpus matches (its key's and its term's in the view), as one flat list.
struct Lexicon {
    starts: Vec<u32>,
    slots: Vec<Slot>,
}

impl Lexicon {
    fn new(corpus: &Corpus, view: View, matcher: &Matcher) -> Lexicon {
        let of = |text: &str| {
            let mut out = Vec::new();
            matcher.slots_of(text, &mut out);
            out
        };
        let terms: Vec<Vec<Slot>> = match view {
            View::Key => Vec::new(),
            _ => (0..view.len(corpus) as u32)
                .into_par_iter()
                .map(|t| of(view.text(corpus, t)))
                .collect(),
        };
        let per_key: Vec<Vec<Slot>> = (0..corpus.keys.len() as KeyId)
            .into_par_iter()
            .map(|k| {
                let mut slots = of(corpus.keys.text(k));
                if let Some(more) = terms.get(view.term(corpus, k) as usize) {
                    if !more.is_empty() {
                        slots.extend_from_slice(more);
                        slots.sort_unstable();
                        slots.dedup();
                    }
                }
                slots
            })
            .collect();
        let mut starts = Vec::with_capacity(per_key.len() + 1);
        let mut slots = Vec::new();
        for s in per_key {
            starts.push(slots.len() as u32);
            slots.extend(s);
        }
        starts.push(slots.len() as u32);
        Lexicon { starts, slots }
    }

    #[inline]
    fn of(&self, key: KeyId) -> &[Slot] {
        let k = key as usize;
        &self.slots[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

/// A dictionary counted over a corpus: per speaker and meeting, the words and each category's tally, and what each
/// entry matched.
#[derive(Debug, Clone)]
pub struct DictionaryCounts {
    /// The dictionary, compiled.
    pub matcher: Matcher,
    /// Every (speaker, meeting) with words, by speaker (name order), then meeting (date order).
    pub pairs: Vec<(SpeakerId, MeetingId)>,
    /// The words of each pair.
    pub words: Vec<u64>,
    /// Each pair's tally of each category (indexed `pair * categories + category`).
    tallies: Vec<Tally>,
    categories: usize,
    /// Every entry's matches by the keys matched: by entry, then count descending, then key ids.
    pub terms: Vec<TermCount>,
}

impl DictionaryCounts {
    /// Counts `matcher`'s dictionary in `corpus`, matching entries on keys and on the terms of `view`.
    pub fn new(
        corpus: &Corpus,
        view: View,
        matcher: Matcher,
    ) -> Result<DictionaryCounts, TokenError> {
        let lexicon = Lexicon::new(corpus, view, &matcher);
        let categories = matcher.dictionary().categories.len();
        let mut turns: BTreeMap<(SpeakerId, MeetingId), Vec<usize>> = BTreeMap::new();
        for (i, t) in corpus.turns.iter().enumerate().filter(|(_, t)| t.words > 0) {
            turns.entry((t.speaker, t.meeting)).or_default().push(i);
        }
        type Part = (u64, Vec<Tally>, HashMap<(EntryId, Vec<KeyId>), u64>);
        let parts: Vec<Part> = turns
            .par_iter()
            .map_init(Scratch::default, |scratch, (_, list)| {
                let mut reader = corpus.reader();
                let mut tallies = vec![Tally::default(); categories];
                let mut terms: HashMap<(EntryId, Vec<KeyId>), u64> = HashMap::new();
                let mut words = 0;
                for &i in list {
                    let (ids, gaps) = reader.words_and_gaps(&corpus.turns[i])?;
                    words += ids.len() as u64;
                    if ids.iter().all(|&k| lexicon.of(k).is_empty()) {
                        continue;
                    }
                    let slots = |i: usize| lexicon.of(ids[i]);
                    matcher.find(ids.len(), slots, |i| gaps[i] == Gap::Adjacent, scratch);
                    for h in &scratch.hits {
                        let tally = &mut tallies[h.category as usize];
                        tally.count += 1;
                        tally.weighted += matcher.dictionary().entries[h.entry as usize].weight;
                    }
                    for m in &scratch.matches {
                        let keys = ids[m.start..m.start + m.len].to_vec();
                        *terms.entry((m.entry, keys)).or_default() += 1;
                    }
                }
                Ok((words, tallies, terms))
            })
            .collect::<Result<_, TokenError>>()?;
        let mut all_terms: HashMap<(EntryId, Vec<KeyId>), u64> = HashMap::new();
        let mut words = Vec::with_capacity(parts.len());
        let mut tallies = Vec::with_capacity(parts.len() * categories);
        for (w, t, terms) in parts {
            words.push(w);
            tallies.extend(t);
            for (k, n) in terms {
                *all_terms.entry(k).or_default() += n;
            }
        }
        let mut terms: Vec<TermCount> = all_terms
            .into_iter()
            .map(|((entry, keys), count)| TermCount { entry, keys, count })
            .collect();
        terms.sort_by(|a, b| {
            (a.entry, std::cmp::Reverse(a.count), &a.keys).cmp(&(
                b.entry,
                std::cmp::Reverse(b.count),
                &b.keys,
            ))
        });
        Ok(DictionaryCounts {
            matcher,
            pairs: turns.into_keys().collect(),
            words,
            tallies,
            categories,
            terms,
        })
    }

    /// The tally of each category in pair `p`.
    pub fn tallies(&self, p: usize) -> &[Tally] {
        &self.tallies[p * self.categories..(p + 1) * self.categories]
    }

    /// The words and category tallies of the pairs `keep` admits, summed in the pairs' order.
    pub fn sum(&self, keep: impl Fn(SpeakerId, MeetingId) -> bool) -> (u64, Vec<Tally>) {
        let mut words = 0;
        let mut sum = vec![Tally::default(); self.categories];
        for (p, &(s, m)) in self.pairs.iter().enumerate() {
            if !keep(s, m) {
                continue;
            }
            words += self.words[p];
            for (total, t) in sum.iter_mut().zip(self.tallies(p)) {
                total.count += t.count;
                total.weighted += t.weighted;
            }
        }
        (words, sum)
    }

    /// Each category's hits per period (all speakers), with the words of the period: per category, in time order,
    /// periods without words left out.
    pub fn by_period(&self, periods: &Periods) -> Vec<Vec<PeriodRate>> {
        let n = periods.labels.len();
        let mut words = vec![0u64; n];
        let mut counts = vec![vec![0u64; n]; self.categories];
        for (p, &(_, m)) in self.pairs.iter().enumerate() {
            let Some(period) = periods.of_meeting[m as usize] else {
                continue;
            };
            words[period] += self.words[p];
            for (c, t) in self.tallies(p).iter().enumerate() {
                counts[c][period] += t.count;
            }
        }
        counts
            .into_iter()
            .map(|c| {
                (0..n)
                    .filter(|&p| words[p] > 0)
                    .map(|period| PeriodRate {
                        period,
                        count: c[period],
                        words: words[period],
                    })
                    .collect()
            })
            .collect()
    }

    /// Keyness of each category for speaker `a` against speaker `b` (all other speakers for `None`), with the
    /// measures of [`super::keyness`]: (category, a's count, b's count, a's words, b's words, measures); empty if
    /// either side said nothing.
    pub fn keyness(
        &self,
        a: SpeakerId,
        b: Option<SpeakerId>,
    ) -> Vec<(CategoryId, u64, u64, u64, u64, Keyness)> {
        let (c, target) = self.sum(|s, _| s == a);
        let (d, reference) = self.sum(|s, _| b.map_or(s != a, |b| s == b));
        if c == 0 || d == 0 {
            return Vec::new();
        }
        target
            .iter()
            .zip(&reference)
            .enumerate()
            .map(|(category, (x, y))| {
                let k = measures(x.count, y.count, c, d);
                (category as CategoryId, x.count, y.count, c, d, k)
            })
            .collect()
    }
}

/// Rate per 10,000 words (0 without words).
pub fn per_10k(count: u64, words: u64) -> f64 {
    if words == 0 {
        0.0
    } else {
        count as f64 * 10_000.0 / words as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{analyse, AnalysisOptions};
    use crate::text::dictionary::parse;
    use crate::transcript::{read_bytes, ReadOptions};

    fn corpus(text: &str) -> Corpus {
        let (file, _) =
            read_bytes("2025-01-02_t.txt", text.as_bytes(), &ReadOptions::default()).unwrap();
        analyse(&[&file.meeting], &AnalysisOptions::default())
    }

    const YAML: &str = "security:\n  threat: [угроз*, угрозы]\n  __: [безопасност*]\neconomy: [специальн* военн* операци*, военн*]\n";

    #[test]
    fn counts_per_speaker_with_a_word_once_per_category_and_phrases_in_a_sentence() {
        let c = corpus(
            "В.Путин: Угрозы и угроза безопасности. Специальной военной операции. Военной.\nА.Лукашенко: Специальной, военной операции нет.\n",
        );
        let m = Matcher::new(parse("d.yml", YAML.as_bytes()).unwrap());
        let d = DictionaryCounts::new(&c, View::Key, m.clone()).unwrap();
        let putin = c.speaker_id("В.Путин").unwrap();
        let (words, t) = d.sum(|s, _| s == putin);
        assert_eq!(words, 8);
        let counts: Vec<u64> = t.iter().map(|t| t.count).collect();
        // security: угрозы, угроза, безопасности; threat: угрозы, угроза; economy: the phrase once, военной once.
        assert_eq!(counts, [3, 2, 2]);
        let luka = c.speaker_id("А.Лукашенко").unwrap();
        let (_, t) = d.sum(|s, _| s == luka);
        // The comma breaks the phrase: военной alone.
        assert_eq!(t[2].count, 1);
        // Entries in the order of the tree: безопасност* (security's own), угроз* and угрозы (threat). угрозы
        // matched both entries of threat: each entry's own count has it.
        let threat: Vec<(EntryId, u64)> = d
            .terms
            .iter()
            .filter(|t| t.entry <= 2)
            .map(|t| (t.entry, t.count))
            .collect();
        assert_eq!(threat, [(0, 1), (1, 1), (1, 1), (2, 1)]);
        let k = d.keyness(putin, None);
        assert_eq!((k[0].1, k[0].2, k[0].3, k[0].4), (3, 0, 8, 4));
        assert!(k[0].5.g2 > 0.0);
    }

    #[test]
    fn the_lemma_view_matches_entries_on_lemmas_too() {
        let c = corpus("В.Путин: Санкций много, санкции вредны.\n");
        let m = Matcher::new(parse("d.yml", "s: [санкция]\n".as_bytes()).unwrap());
        let key = DictionaryCounts::new(&c, View::Key, m.clone()).unwrap();
        let lemma = DictionaryCounts::new(&c, View::Lemma, m).unwrap();
        assert_eq!(key.sum(|_, _| true).1[0].count, 0);
        assert_eq!(lemma.sum(|_, _| true).1[0].count, 2);
    }
}
