//! The words for the Talk tools: active listening practice and the
//! time-out with its breathing guide and gentle restart. Plain data,
//! shown as written. Validated by `tests/talk_content.rs`.

/// The one rule of listening practice.
pub const LISTENING_RULE: &str = "Listen to understand, not to answer.";

/// Tips for the partner who is speaking.
pub const SPEAKER_TIPS: &[&str] = &[
    "Talk about yourself: what you feel and what you need.",
    "Say \"I feel\" rather than \"you always\".",
    "Stay with one topic.",
    "Speak in short pieces, a few sentences at a time.",
    "Pause so your partner can say back what they heard.",
    "Be gentle. You are talking to someone on your side.",
];

/// Prompts that help the listener reflect back what they heard.
pub const LISTENER_PROMPTS: &[&str] = &[
    "What I'm hearing is …",
    "It sounds like you felt …",
    "Did I get that right?",
    "Is there more?",
    "What matters most to you in this?",
    "That makes sense, because …",
    "What would help?",
];

/// What the listener sets aside for now.
pub const LISTENER_AVOID: &[&str] = &[
    "Fixing it or giving advice.",
    "Defending yourself or correcting the facts.",
    "Turning to your own story.",
    "Judging or arguing back.",
    "Planning your reply while they talk.",
];

/// Prompts for the closing step, once both have spoken and listened.
pub const CLOSING_PROMPTS: &[&str] = &[
    "What I heard you say was …",
    "What stood out for me was …",
    "One thing I want to remember is …",
];

/// Why a break helps when a conflict gets heated.
pub const TIME_OUT_WHY: &str = "When your heart is racing, your body is ready for a fight, not for \
     listening. A body usually needs about 20 minutes to settle, so a real break lets you come \
     back able to hear each other.";

/// Things to do during the break.
pub const TIME_OUT_MEANWHILE: &[&str] = &[
    "Take a walk, even just around the block.",
    "Put on music you like.",
    "Have a warm shower.",
    "Do a chore with your hands: dishes, folding, weeding.",
    "Read something light.",
    "Try the breathing guide for a few minutes.",
    "Let the argument rest. Don't rehearse it or plan comebacks.",
];

/// Things to steer clear of during the break.
pub const TIME_OUT_AVOID: &[&str] = &[
    "Rehearsing the argument or what you'll say next.",
    "Messaging friends to get them on your side.",
    "Drinking to calm down.",
    "Leaving without saying when you'll be back.",
];

/// Steps for coming back together gently after the break.
pub const RESTART_SCRIPT: &[&str] = &[
    "Thank each other for coming back.",
    "Each say one thing you felt, without blame.",
    "Start softly: \"I feel … about … and I need …\"",
    "Take turns, and let the listener say back what they heard.",
    "If it heats up again, agree to pause again. That's fine.",
    "Not ready yet? Pick a set time to try again, and keep it.",
];

/// Breathing guide: shown while breathing in.
pub const BREATHE_IN: &str = "Breathe in";

/// Breathing guide: shown while holding the breath.
pub const BREATHE_HOLD: &str = "Hold";

/// Breathing guide: shown while breathing out.
pub const BREATHE_OUT: &str = "Breathe out";

/// One line on how to pace the breathing.
pub const BREATHING_HINT: &str =
    "In for 4, hold for 2, out for 6: a longer out-breath than in-breath, for a few minutes.";
