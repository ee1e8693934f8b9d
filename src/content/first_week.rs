//! The first week: one small thing a day, so the habits start gently. In
//! Rekindle's own words.

/// One day's suggestion: what to do, and where in the app it is done.
pub struct Suggestion {
    pub text: &'static str,
    pub link: &'static str,
    pub href: &'static str,
}

/// Day 1 to day 7.
pub const FIRST_WEEK: [Suggestion; 7] = [
    Suggestion {
        text: "Tell each other one specific thing you appreciated today: a moment, not a quality.",
        link: "Write today's appreciation",
        href: "#/today",
    },
    Suggestion {
        text: "Offer one small touch, and tick it when it happens: a long hug counts.",
        link: "See the small touches",
        href: "#/today",
    },
    Suggestion {
        text: "Draw a question card over a meal or a call, and both answer it. Any card can be passed.",
        link: "Draw a question",
        href: "#/talk/questions",
    },
    Suggestion {
        text: "Save one date idea neither of you has tried yet.",
        link: "Browse date ideas",
        href: "#/dates",
    },
    Suggestion {
        text: "Write a few private lines: what did you notice about your partner this week?",
        link: "Open your journal",
        href: "#/journal",
    },
    Suggestion {
        text: "Take turns listening for three minutes each, without fixing anything.",
        link: "Try listening practice",
        href: "#/talk/listening",
    },
    Suggestion {
        text: "Sit down for your first check-in: twenty minutes, one step at a time.",
        link: "Open the check-in",
        href: "#/check-in",
    },
];
