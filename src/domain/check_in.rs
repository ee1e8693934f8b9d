//! The weekly check-in ("State of the Union"): a short, guided talk about
//! what is going well, what could be better and what each needs, held as
//! maintenance rather than as a trial. One record per check-in; the one in
//! progress is saved as it goes, timer included, so a reload loses nothing.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::appreciation::{Appreciation, Partner};
use super::collection::{Collection, Holder};
use super::day::{last_weeks, week_start};
use super::id::RecordId;
use super::kind::{Kind, text_within};
use super::revision::{Rev, Stamp};
use super::timer::Timer;

pub mod closeness;
pub mod summary;

/// The length the essay suggests: long enough to matter, short enough to keep.
pub const DEFAULT_MINUTES: u32 = 20;
/// Longest answer kept per field: a few paragraphs.
pub const MAX_ANSWER_CHARS: usize = 4_000;

/// The steps, in the order the couple takes them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Last week's agreements and what was saved for today.
    #[default]
    LookBack,
    Appreciations,
    GoingWell,
    CouldBeBetter,
    Needs,
    Ratings,
    NextWeek,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::LookBack,
        Step::Appreciations,
        Step::GoingWell,
        Step::CouldBeBetter,
        Step::Needs,
        Step::Ratings,
        Step::NextWeek,
    ];

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.index().checked_sub(1).map(|i| Step::ALL[i])
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::LookBack => "Looking back",
            Step::Appreciations => "Appreciations",
            Step::GoingWell => "What is going well",
            Step::CouldBeBetter => "What could be better",
            Step::Needs => "What each of you needs",
            Step::Ratings => "How connected you feel",
            Step::NextWeek => "The coming week",
        }
    }

    pub fn guidance(self) -> &'static str {
        match self {
            Step::LookBack => {
                "Start with last week's agreements: which were kept, which need more time, which to let go. Then what either of you saved for today."
            }
            Step::Appreciations => {
                "Read this week's appreciations aloud to each other, and add anything new. Start warm."
            }
            Step::GoingWell => "Name what worked this week, however small.",
            Step::CouldBeBetter => {
                "One or two things, said as your feelings and needs rather than as faults. The listener only listens and sums up."
            }
            Step::Needs => {
                "Turn needs into small, concrete requests for this week. The ones you both accept become agreements."
            }
            Step::Ratings => {
                "Each of you, on your own: how connected did you feel this week? Your answer stays hidden until you have both chosen. No debate about the answers."
            }
            Step::NextWeek => "Choose one focus or one date for the coming week.",
        }
    }
}

/// How a past agreement went, decided at the next check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Kept,
    /// Still wanted: it carries on to the coming week.
    NotYet,
    /// Let go, without blame.
    Dropped,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Kept, Outcome::NotYet, Outcome::Dropped];

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Kept => "Kept",
            Outcome::NotYet => "Not yet",
            Outcome::Dropped => "Drop",
        }
    }
}

/// A concrete request one partner made and the other accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: RecordId,
    /// Who asked for it.
    pub from: Partner,
    pub text: String,
    /// Set when reviewed at the following check-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub id: RecordId,
    #[serde(with = "super::timestamp")]
    pub created: DateTime<Utc>,
    #[serde(with = "super::timestamp")]
    pub updated: DateTime<Utc>,
    /// The local day it was held (see `day.rs`).
    #[serde(with = "super::timestamp::day")]
    pub day: NaiveDate,
    #[serde(default)]
    pub finished: bool,
    #[serde(default)]
    pub step: Step,
    pub timer: Timer,
    /// Last week's agreements, as reviewed here.
    #[serde(default)]
    pub review: Vec<Agreement>,
    /// Journal entries flagged "bring to the next check-in" when it began.
    #[serde(default)]
    pub agenda: Vec<RecordId>,
    /// Per partner (first, second), like every answer below.
    #[serde(default)]
    pub appreciations: [String; 2],
    #[serde(default)]
    pub going_well: [String; 2],
    #[serde(default)]
    pub could_be_better: [String; 2],
    /// This week's agreements, including last week's "not yet" once finished.
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    #[serde(default)]
    pub ratings: [Option<u8>; 2],
    #[serde(default)]
    pub focus: String,
    /// When each partner's half (their answers and rating) last changed: on
    /// two phones each answers their own, and a merge keeps both halves.
    #[serde(default, skip_serializing_if = "no_halves")]
    pub halves: [Option<Rev>; 2],
    /// Agreements taken back: a merge with a copy from before never brings
    /// them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withdrawn: Vec<RecordId>,
}

fn no_halves(halves: &[Option<Rev>; 2]) -> bool {
    halves == &[None, None]
}

impl Kind for CheckIn {
    const PACKED_IN: Option<fn(&Self) -> i32> =
        Some(|record| chrono::Datelike::year(&record.created));
    const KEY: &'static str = "check-in";
    const NOUN: (&'static str, &'static str) = ("check-in", "check-ins");
    const TRAVELS: bool = true;

    fn id(&self) -> &RecordId {
        &self.id
    }

    fn check(&self) -> Result<(), String> {
        let answers = self
            .appreciations
            .iter()
            .chain(&self.going_well)
            .chain(&self.could_be_better)
            .chain(std::iter::once(&self.focus));
        for answer in answers {
            text_within("answer", answer, MAX_ANSWER_CHARS, false)?;
        }
        for agreement in self.agreements.iter().chain(&self.review) {
            text_within("agreement", &agreement.text, MAX_ANSWER_CHARS, true)?;
        }
        if let Some(rating) = self
            .ratings
            .iter()
            .flatten()
            .find(|r| !(1..=10).contains(*r))
        {
            return Err(format!("a rating is {rating} (1 to 10)"));
        }
        if self.timer.limit_secs > MAX_TIMER_SECS {
            return Err(String::from("its timer is longer than a day"));
        }
        Ok(())
    }

    fn legacy_rev(&self) -> Rev {
        Rev::legacy(self.updated)
    }

    fn stamp_parts(&mut self, before: &Self, rev: Rev) {
        for partner in Partner::BOTH {
            if self.half(partner) != before.half(partner) {
                self.halves[index(partner)] = Some(rev);
            }
        }
    }

    fn reconcile(&mut self, older: &Self) -> bool {
        let mut kept = false;
        for partner in Partner::BOTH {
            let i = index(partner);
            if older.halves[i] > self.halves[i] && older.half(partner) != self.half(partner) {
                self.set_half(partner, older);
                self.halves[i] = older.halves[i];
                kept = true;
            }
        }
        // Agreements taken back on either phone stay taken back...
        for id in &older.withdrawn {
            if !self.withdrawn.contains(id) {
                self.withdrawn.push(id.clone());
                kept = true;
            }
        }
        let before = self.agreements.len();
        let withdrawn = &self.withdrawn;
        self.agreements.retain(|a| !withdrawn.contains(&a.id));
        kept |= self.agreements.len() != before;
        // ...and agreements made on either phone reach both.
        for agreement in &older.agreements {
            let known = self.agreements.iter().any(|a| a.id == agreement.id);
            if !known && !self.withdrawn.contains(&agreement.id) {
                self.agreements.push(agreement.clone());
                kept = true;
            }
        }
        kept
    }
}

/// No check-in timer runs longer than this.
const MAX_TIMER_SECS: u32 = 24 * 60 * 60;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckInError {
    EmptyAgreement,
    TooLong,
    RatingOutOfRange,
}

impl std::fmt::Display for CheckInError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CheckInError::EmptyAgreement => "Write the request first.",
            CheckInError::TooLong => {
                "That is longer than a check-in answer can be (4,000 characters)."
            }
            CheckInError::RatingOutOfRange => "Ratings go from 1 to 10.",
        })
    }
}

fn index(partner: Partner) -> usize {
    match partner {
        Partner::First => 0,
        Partner::Second => 1,
    }
}

impl CheckIn {
    /// A new check-in on `day`, opening with the agreements still open from
    /// `last` (the latest finished one) and the journal's `agenda`, with the
    /// appreciations `prefill` gives.
    pub fn start(
        id: RecordId,
        now: DateTime<Utc>,
        day: NaiveDate,
        last: Option<&CheckIn>,
        agenda: Vec<RecordId>,
        prefill: [String; 2],
    ) -> Self {
        let review = last.map_or_else(Vec::new, |last| {
            last.agreements
                .iter()
                .map(|a| Agreement {
                    outcome: None,
                    ..a.clone()
                })
                .collect()
        });
        CheckIn {
            id,
            created: now,
            updated: now,
            day,
            finished: false,
            step: if review.is_empty() && agenda.is_empty() {
                Step::Appreciations
            } else {
                Step::LookBack
            },
            timer: Timer::new(DEFAULT_MINUTES),
            review,
            agenda,
            appreciations: prefill,
            going_well: Default::default(),
            could_be_better: Default::default(),
            agreements: Vec::new(),
            ratings: [None, None],
            focus: String::new(),
            halves: [None, None],
            withdrawn: Vec::new(),
        }
    }

    /// One partner's half: their answers and their rating.
    fn half(&self, partner: Partner) -> (&str, &str, &str, Option<u8>) {
        let i = index(partner);
        (
            &self.appreciations[i],
            &self.going_well[i],
            &self.could_be_better[i],
            self.ratings[i],
        )
    }

    fn set_half(&mut self, partner: Partner, from: &CheckIn) {
        let i = index(partner);
        self.appreciations[i].clone_from(&from.appreciations[i]);
        self.going_well[i].clone_from(&from.going_well[i]);
        self.could_be_better[i].clone_from(&from.could_be_better[i]);
        self.ratings[i] = from.ratings[i];
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        // Never let the clock run backwards on a record: merges trust `updated`.
        self.updated = now.max(self.updated);
    }

    pub fn go_to(&mut self, step: Step, now: DateTime<Utc>) {
        self.step = step;
        self.touch(now);
    }

    /// What `partner` wrote for a step with free-text answers ("" otherwise).
    pub fn answer(&self, step: Step, partner: Partner) -> &str {
        let i = index(partner);
        match step {
            Step::Appreciations => &self.appreciations[i],
            Step::GoingWell => &self.going_well[i],
            Step::CouldBeBetter => &self.could_be_better[i],
            _ => "",
        }
    }

    fn field(&mut self, step: Step, partner: Partner) -> Option<&mut String> {
        let i = index(partner);
        match step {
            Step::Appreciations => Some(&mut self.appreciations[i]),
            Step::GoingWell => Some(&mut self.going_well[i]),
            Step::CouldBeBetter => Some(&mut self.could_be_better[i]),
            _ => None,
        }
    }

    /// Keeps what `partner` wrote for `step` (a step with free-text answers).
    pub fn set_answer(
        &mut self,
        step: Step,
        partner: Partner,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(), CheckInError> {
        if text.chars().count() > MAX_ANSWER_CHARS {
            return Err(CheckInError::TooLong);
        }
        if let Some(field) = self.field(step, partner) {
            text.clone_into(field);
            self.touch(now);
        }
        Ok(())
    }

    pub fn set_focus(&mut self, text: &str, now: DateTime<Utc>) -> Result<(), CheckInError> {
        if text.chars().count() > MAX_ANSWER_CHARS {
            return Err(CheckInError::TooLong);
        }
        text.clone_into(&mut self.focus);
        self.touch(now);
        Ok(())
    }

    pub fn rating(&self, partner: Partner) -> Option<u8> {
        self.ratings[index(partner)]
    }

    /// A rating as it may be shown: only once both have chosen, so whoever
    /// rates second is not swayed by the first.
    pub fn shown_rating(&self, partner: Partner) -> Option<u8> {
        self.ratings
            .iter()
            .all(Option::is_some)
            .then(|| self.rating(partner))
            .flatten()
    }

    pub fn rate(
        &mut self,
        partner: Partner,
        rating: Option<u8>,
        now: DateTime<Utc>,
    ) -> Result<(), CheckInError> {
        if rating.is_some_and(|r| !(1..=10).contains(&r)) {
            return Err(CheckInError::RatingOutOfRange);
        }
        self.ratings[index(partner)] = rating;
        self.touch(now);
        Ok(())
    }

    pub fn add_agreement(
        &mut self,
        id: RecordId,
        from: Partner,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(), CheckInError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CheckInError::EmptyAgreement);
        }
        if text.chars().count() > MAX_ANSWER_CHARS {
            return Err(CheckInError::TooLong);
        }
        self.agreements.push(Agreement {
            id,
            from,
            text: text.to_string(),
            outcome: None,
        });
        self.touch(now);
        Ok(())
    }

    pub fn remove_agreement(&mut self, id: &RecordId, now: DateTime<Utc>) {
        self.agreements.retain(|a| &a.id != id);
        if !self.withdrawn.contains(id) {
            self.withdrawn.push(id.clone());
        }
        self.touch(now);
    }

    /// How one of last week's agreements went, once reviewed.
    pub fn reviewed(&self, id: &RecordId) -> Option<Outcome> {
        self.review.iter().find(|a| &a.id == id)?.outcome
    }

    /// Records how one of last week's agreements went.
    pub fn review(&mut self, id: &RecordId, outcome: Outcome, now: DateTime<Utc>) {
        if let Some(agreement) = self.review.iter_mut().find(|a| &a.id == id) {
            agreement.outcome = Some(outcome);
            self.touch(now);
        }
    }

    pub fn timer_mut(&mut self, now: DateTime<Utc>) -> &mut Timer {
        self.touch(now);
        &mut self.timer
    }

    /// Ends the check-in. Last week's agreements not marked kept or dropped
    /// (including any left unreviewed) carry on into this week's.
    pub fn finish(&mut self, now: DateTime<Utc>) {
        if self.finished {
            return;
        }
        let carried: Vec<Agreement> = self
            .review
            .iter()
            .filter(|a| matches!(a.outcome, None | Some(Outcome::NotYet)))
            .filter(|a| !self.agreements.iter().any(|b| b.id == a.id))
            .map(|a| Agreement {
                outcome: None,
                ..a.clone()
            })
            .collect();
        self.agreements.extend(carried);
        self.timer.pause(now);
        self.finished = true;
        self.touch(now);
    }
}

impl Collection<CheckIn> {
    /// Starts this week's check-in, opening with the agreements still open
    /// from the latest finished one.
    pub fn start(
        &mut self,
        id: RecordId,
        at: Stamp,
        day: NaiveDate,
        agenda: Vec<RecordId>,
        prefill: [String; 2],
    ) -> RecordId {
        let last = latest_finished(self).cloned();
        let check_in = CheckIn::start(id.clone(), at.now, day, last.as_ref(), agenda, prefill);
        self.put(check_in, at);
        id
    }
}

/// The finished check-ins, newest first.
pub fn history(check_ins: &[CheckIn]) -> Vec<&CheckIn> {
    let mut done: Vec<&CheckIn> = check_ins.iter().filter(|c| c.finished).collect();
    done.sort_by_key(|c| std::cmp::Reverse((c.day, c.updated)));
    done
}

/// The latest finished check-in: its agreements open the next one.
pub fn latest_finished(check_ins: &[CheckIn]) -> Option<&CheckIn> {
    // `history`'s first without sorting them all: the first of the newest.
    check_ins
        .iter()
        .filter(|c| c.finished)
        .min_by_key(|c| std::cmp::Reverse((c.day, c.updated)))
}

/// The check-in under way, if any (the most recently touched, should two
/// tabs each have started one).
pub fn in_progress(check_ins: &[CheckIn]) -> Option<&CheckIn> {
    check_ins
        .iter()
        .filter(|c| !c.finished)
        .max_by_key(|c| c.updated)
}

/// A check-in is due once the chosen weekday has come since the last one
/// and none was held in the last 7 days (today included). Holding it early
/// or late is fine: the rhythm is weekly, not tied to the calendar day.
pub fn is_due(check_ins: &[CheckIn], today: NaiveDate, weekday: Weekday) -> bool {
    let back = (7 + today.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    let last_weekday = today - Days::new(u64::from(back));
    match latest_finished(check_ins).map(|c| c.day) {
        None => true,
        Some(last) => today - Days::new(6) > last && last_weekday > last,
    }
}

/// What each partner appreciated lately, one line each, as the
/// appreciations step starts: the last 7 days, and older ones saved to be
/// read aloud.
pub fn appreciation_prefill(appreciations: &[Appreciation], today: NaiveDate) -> [String; 2] {
    let since = today - Days::new(6);
    let mut recent: Vec<&Appreciation> = appreciations
        .iter()
        .filter(|a| a.read_aloud || (a.day >= since && a.day <= today))
        .collect();
    recent.sort_by_key(|a| (a.day, a.created));
    Partner::BOTH.map(|partner| {
        let all = recent
            .iter()
            .filter(|a| a.from == partner)
            .map(|a| format!("• {}", a.text))
            .collect::<Vec<_>>()
            .join("\n");
        // A busy week can hold more than one answer may: keep what fits.
        all.chars().take(MAX_ANSWER_CHARS).collect()
    })
}

/// Both partners' ratings per week for the `weeks` weeks ending with
/// today's, oldest first, as (Monday, ratings); the latest check-in of a
/// week speaks for it.
pub fn ratings_by_week(
    check_ins: &[CheckIn],
    today: NaiveDate,
    weeks: u32,
) -> Vec<(NaiveDate, [Option<u8>; 2])> {
    let done = history(check_ins);
    last_weeks(today, weeks)
        .into_iter()
        .map(|monday| {
            let ratings = done
                .iter()
                .find(|c| week_start(c.day) == monday)
                .map_or([None, None], |c| c.ratings);
            (monday, ratings)
        })
        .collect()
}
