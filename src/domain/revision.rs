//! Revisions: what decides which copy of a record wins, wherever copies meet
//! (two windows, a backup, a partner's phone). A hybrid logical clock
//! (Kulkarni et al.): the wall clock in milliseconds, a counter for changes
//! within one millisecond or while the wall clock lags behind a revision
//! already seen, and the writer's node id as the tie-break. Every change
//! moves a record's revision strictly forward, even when a stamp from a
//! clock that once ran ahead is in the way, so no edit is ever frozen out.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One revision, ordered by (time, counter, node).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rev {
    /// Milliseconds since 1970 as the writer's clock had it (or later).
    pub ms: u64,
    pub counter: u32,
    /// Which writer (one window of one device) made it.
    pub node: u32,
}

impl Rev {
    /// Records stored before revisions existed: ordered by their `updated`.
    pub fn legacy(updated: DateTime<Utc>) -> Rev {
        Rev {
            ms: updated.timestamp_millis().max(0) as u64,
            counter: 0,
            node: 0,
        }
    }

    /// The next revision after this one, made by `node`: the counter goes
    /// up, or (once it is spent) the next millisecond starts.
    pub fn successor(self, node: u32) -> Rev {
        match self.counter.checked_add(1) {
            Some(counter) => Rev {
                ms: self.ms,
                counter,
                node,
            },
            None => Rev {
                ms: self.ms.saturating_add(1),
                counter: 0,
                node,
            },
        }
    }

    pub fn time(self) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp_millis(i64::try_from(self.ms).ok()?)
    }

    /// `ms.counter.node` with the node in hex: short, and readable by eye.
    pub fn encode(self) -> String {
        format!("{}.{}.{:x}", self.ms, self.counter, self.node)
    }

    pub fn decode(text: &str) -> Option<Rev> {
        let mut parts = text.split('.');
        let ms = parts.next()?.parse().ok()?;
        let counter = parts.next()?.parse().ok()?;
        let node = u32::from_str_radix(parts.next()?, 16).ok()?;
        parts.next().is_none().then_some(Rev { ms, counter, node })
    }
}

impl Serialize for Rev {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.encode())
    }
}

impl<'de> Deserialize<'de> for Rev {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rev, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Rev::decode(&text).ok_or_else(|| serde::de::Error::custom("not a revision"))
    }
}

/// The moment of one change: the wall-clock time people see (`updated`,
/// "written on") and the revision that merges compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub now: DateTime<Utc>,
    pub rev: Rev,
}

/// One writer's hybrid logical clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clock {
    last: Rev,
}

impl Clock {
    /// A clock for writer `node` (random per window, so two windows never
    /// make the same revision).
    pub fn new(node: u32) -> Clock {
        Clock {
            last: Rev {
                ms: 0,
                counter: 0,
                node,
            },
        }
    }

    pub fn node(&self) -> u32 {
        self.last.node
    }

    /// A revision later than every one made or seen by this clock.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Stamp {
        let wall = now.timestamp_millis().max(0) as u64;
        let rev = if wall > self.last.ms {
            Rev {
                ms: wall,
                counter: 0,
                node: self.last.node,
            }
        } else {
            self.last.successor(self.last.node)
        };
        self.last = rev;
        Stamp { now, rev }
    }

    /// Takes in a revision made elsewhere, so the next tick is later still.
    pub fn observe(&mut self, seen: Rev) {
        if (seen.ms, seen.counter) > (self.last.ms, self.last.counter) {
            self.last = Rev {
                node: self.last.node,
                ..seen
            };
        }
    }
}
