//! A pausable countdown that survives reloads and closed tabs: it keeps the
//! seconds already counted and, while running, the moment it was resumed,
//! so the time left is always worked out from the clock, never ticked.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    pub limit_secs: u32,
    /// Seconds counted before the current run.
    #[serde(default)]
    pub banked_secs: u32,
    /// When the current run began (Unix seconds), or `None` while paused.
    #[serde(default)]
    pub running_since: Option<i64>,
}

impl Timer {
    /// A paused timer with all of `minutes` left.
    pub fn new(minutes: u32) -> Self {
        Timer {
            limit_secs: minutes * 60,
            banked_secs: 0,
            running_since: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Seconds counted so far. A clock set backwards counts as no time.
    pub fn elapsed(&self, now: DateTime<Utc>) -> u32 {
        let run = self.running_since.map_or(0, |since| {
            (now.timestamp() - since).clamp(0, i64::from(u32::MAX))
        });
        self.banked_secs.saturating_add(run as u32)
    }

    pub fn remaining(&self, now: DateTime<Utc>) -> u32 {
        self.limit_secs.saturating_sub(self.elapsed(now))
    }

    pub fn is_over(&self, now: DateTime<Utc>) -> bool {
        self.remaining(now) == 0
    }

    pub fn start(&mut self, now: DateTime<Utc>) {
        if self.running_since.is_none() {
            self.running_since = Some(now.timestamp());
        }
    }

    pub fn pause(&mut self, now: DateTime<Utc>) {
        self.banked_secs = self.elapsed(now);
        self.running_since = None;
    }

    /// Starts from the full time again, paused.
    pub fn reset(&mut self) {
        *self = Timer::new(self.limit_secs / 60);
    }
}

/// "19:59" (or "1:05:00" past an hour), from whole seconds.
pub fn clock(seconds: u32) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}
