//! What `report` shows while it works: a spinner on a terminal naming the phase, and with `STENOGRAM_TIMINGS=1`
//! how long each phase took and the memory it left. Between phases the heap is trimmed.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use stenogram::report::Observer;

use super::memory::{cpu_seconds, resident, trim_heap};

/// The observer of a report run.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    timings: bool,
    started: Instant,
    last: Duration,
    last_cpu: f64,
}

impl Progress {
    /// A spinner unless `quiet` or stderr is not a terminal; timings when `STENOGRAM_TIMINGS` is set.
    pub fn new(quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            timings: std::env::var_os("STENOGRAM_TIMINGS").is_some(),
            started: Instant::now(),
            last: Duration::ZERO,
            last_cpu: 0.0,
        }
    }

    /// Runs `f` with the spinner hidden (to print to stderr).
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    /// Removes the spinner.
    pub fn finish(&mut self) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
    }
}

impl Observer for Progress {
    fn phase(&mut self, name: &str) {
        trim_heap();
        if self.timings {
            let now = self.started.elapsed();
            let (rss, peak) = resident();
            let cpu = cpu_seconds().unwrap_or(0.0);
            let mib = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.0}"));
            eprintln!(
                "{:8.3}s (+{:.3}s, cpu +{:.3}s) rss {:>5} MiB peak {:>5} MiB  {name}",
                now.as_secs_f64(),
                (now - self.last).as_secs_f64(),
                cpu - self.last_cpu,
                mib(rss),
                mib(peak)
            );
            self.last = now;
            self.last_cpu = cpu;
        }
        if let Some(b) = &self.bar {
            b.set_message(format!("{name}…"));
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
