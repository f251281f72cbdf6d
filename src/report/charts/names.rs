//! Names per speaker: the persons, places and organisations each charted speaker names most, per 10,000 of the
//! speaker's words, coloured by kind (from `names.csv`): a person by surname, an address form (first name and
//! patronymic without a surname) marked as such. Drawn for English too, where only persons are found.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{bar_grid, font, Chart, DrawResult, GridStyle, Panel, PALETTE};
use crate::report::{Context, WriteError};
use crate::text::lemma::NameKind;

/// The colour of each kind of name, in [`NameKind::ALL`] order.
const KIND_COLORS: [RGBColor; 3] = [PALETTE[0], PALETTE[2], PALETTE[1]];

/// A bar: the name as shown, its kind, its count per 10,000 words.
pub type NameBar = (String, NameKind, f64);

/// The data: per speaker, the names from the most used down.
pub struct Names {
    /// Panels in speaker order.
    pub speakers: Vec<(String, Vec<NameBar>)>,
}

fn kind_of(s: &str) -> NameKind {
    NameKind::ALL
        .into_iter()
        .find(|k| k.as_str() == s)
        .unwrap_or(NameKind::Person)
}

/// A row's bar label: its name, an address form marked as such.
fn label(row: &crate::stats::names::NameRow) -> String {
    if row.address {
        format!("{} (address)", row.name)
    } else {
        row.name.clone()
    }
}

impl Chart for Names {
    const STEM: &'static str = "names";
    const TITLE: &'static str = "Names each speaker uses";
    const CAPTION: &'static str = "Per speaker, the persons, places and organisations named most, per 10,000 of the speaker's words. The adjacent parts of a person's name are one mention, shown by the surname (Владимир Владимирович Путин, В.В.Путин, Путина → Путин); a first name and patronymic without a surname are an address form, marked (address), and stay apart from the surname: being addressed is not being talked about. Russian names are those the dictionary knows; English has no such dictionary, so only persons are counted there, by surnames the corpus writes after Mr, Mrs, Ms or President (Mr Putin, President Macron), and English places and organisations are not. names.csv has every mention, name_parts.csv each Russian name word.";
    const METHOD: &'static str = "From `names.csv`: per charted speaker, the `--top` mentions with the highest rate per 10,000 of the \
         speaker's words, whatever their kind, coloured by kind. All panels share one scale.";

    fn shape(cx: &Context) -> Result<Option<Names>, WriteError> {
        let rows = cx.names()?;
        let speakers = cx
            .leaders
            .iter()
            .map(|s| {
                let mut names: Vec<NameBar> = rows
                    .iter()
                    .filter(|r| r.speaker == s)
                    .map(|r| (label(r), kind_of(r.kind), r.per_10k))
                    .collect();
                // Most used first, whatever the kind (the table orders by kind first).
                names.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
                names.truncate(cx.config.top);
                (cx.shown(s), names)
            })
            .collect();
        Ok(Some(Names { speakers }))
    }

    fn size(&self) -> (u32, u32) {
        let longest = self.speakers.iter().map(|s| s.1.len()).max().unwrap_or(10);
        let (w, h) = super::grid_size(self.speakers.len(), 620, longest);
        (w, h + 40)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let area = root.titled("Names each speaker uses", super::bold(26))?;
        let (legend, area) = area.split_vertically(40);
        let mut x = 20;
        for (kind, c) in NameKind::ALL.into_iter().zip(KIND_COLORS) {
            legend.draw(&Rectangle::new([(x, 10), (x + 18, 28)], c.filled()))?;
            legend.draw(&Text::new(kind.as_str(), (x + 26, 9), font(20)))?;
            x += 40 + 12 * kind.as_str().len() as i32;
        }
        let grid: Vec<Panel> = self
            .speakers
            .iter()
            .map(|(speaker, names)| Panel {
                title: speaker.clone(),
                labels: names.iter().map(|n| n.0.clone()).collect(),
                values: names.iter().map(|n| n.2).collect(),
                colors: names.iter().map(|n| KIND_COLORS[n.1 as usize]).collect(),
            })
            .collect();
        bar_grid(
            &area,
            &grid,
            &GridStyle {
                x_desc: "mentions per 10,000 words",
                empty: "no name found",
                shared_scale: true,
                marks: &[],
            },
        )?;
        Ok(())
    }
}
