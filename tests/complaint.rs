//! The complaint → request helper: a table of accusing and already-kind
//! sentences (no false alarms on the kind ones), the quoted ranges, the
//! check of the finished request, and the English-only notice.

use Pattern::*;
use rekindle::domain::complaint::{FEELINGS, Pattern, Request, reads_as_english, spot};

/// Sentence, and the patterns it must raise (in order; empty: none at all).
const TABLE: &[(&str, &[Pattern])] = &[
    // The twelve sentences of issue 17, verbatim.
    ("Why don't you ever help?", &[NeverAlways]),
    ("I feel like you never listen.", &[NeverAlways]),
    (
        "I don't like how you always cancel on my friends.",
        &[NeverAlways],
    ),
    (
        "Thanks for nothing, you always do this.",
        &[Contempt, NeverAlways],
    ),
    ("You're a bit selfish sometimes.", &[Label]),
    ("Late again, as usual.", &[Contempt]),
    ("You always make me laugh.", &[]),
    ("You should see your face when you laugh.", &[]),
    ("It's not your fault.", &[]),
    ("You've got this, I believe in you.", &[]),
    ("I want to be with you forever.", &[]),
    ("I'm planning a big surprise for your birthday.", &[]),
    // Accusing: never and always, wherever they stand.
    ("You never help with the kids!", &[NeverAlways]),
    ("You always leave your dishes in the sink.", &[NeverAlways]),
    ("You’re always on your phone.", &[NeverAlways]),
    ("you constantly interrupt me", &[NeverAlways]),
    ("You don't ever ask how my day was", &[NeverAlways]),
    ("You are never home before nine", &[NeverAlways]),
    ("Why do you always have to be so loud?", &[NeverAlways]),
    ("Why are you always so tired?", &[NeverAlways]),
    ("Do you always have to interrupt?", &[NeverAlways]),
    ("You never, ever listen to me.", &[NeverAlways]),
    ("You just never think about anyone else.", &[NeverAlways]),
    ("You're forever checking your phone.", &[NeverAlways]),
    ("You will never understand me.", &[NeverAlways]),
    ("You can never just relax.", &[NeverAlways]),
    ("You always forget my birthday.", &[NeverAlways]),
    ("You're always late.", &[NeverAlways]),
    ("ur always on ur phone", &[NeverAlways]),
    ("You always have an excuse.", &[NeverAlways]),
    (
        "Honestly, I don't think you ever listen to me.",
        &[NeverAlways],
    ),
    (
        "I'm sick of how you always leave me to do the dishes.",
        &[NeverAlways],
    ),
    ("Seriously, you never listen.", &[NeverAlways]),
    ("YOU NEVER CALL.", &[NeverAlways]),
    ("You don’t ever say thank you.", &[NeverAlways]),
    ("You never think before you speak.", &[NeverAlways]),
    ("You're never here when I need you.", &[NeverAlways]),
    // Accusing: all or nothing.
    (
        "Every single time we go out, you check your email",
        &[Absolute],
    ),
    ("Every time I ask for help, you sigh.", &[Absolute]),
    ("All you ever do is work.", &[Absolute]),
    ("All you care about is work.", &[Absolute]),
    ("You did nothing all weekend.", &[Absolute]),
    ("You didn't do anything to help.", &[Absolute]),
    ("Nothing I do is good enough for you", &[Absolute]),
    ("Nothing I say ever matters to you.", &[Absolute]),
    ("Not once have you thanked me.", &[Absolute]),
    ("I always have to do everything around here", &[Absolute]),
    ("I do everything in this house.", &[Absolute]),
    ("I'm the only one who ever cleans.", &[Absolute]),
    ("You never once said sorry.", &[NeverAlways, Absolute]),
    // Accusing: orders and lectures.
    ("You should know how I feel by now", &[Should]),
    ("You need to stop spending money on gadgets.", &[Should]),
    ("You'd better be on time for once", &[Should, Contempt]),
    ("You must stop doing that.", &[Should]),
    ("You have to call me back.", &[Should]),
    ("You ought to know better.", &[Should]),
    ("You'd better call your mother.", &[Should]),
    ("You shouldn't have said that.", &[Should]),
    ("Why do you have to be so difficult?", &[Should]),
    ("You need to grow up.", &[Should]),
    // Accusing: blame.
    ("It's all your fault we were late", &[Blame]),
    ("It's your fault we missed the flight.", &[Blame]),
    ("We're late because of you.", &[Blame]),
    ("You made me miss the train", &[Blame]),
    ("You make me so angry when you do that", &[Blame]),
    ("You ruined the whole evening.", &[Blame]),
    ("You ruin every holiday.", &[Blame]),
    ("You always ruin everything.", &[NeverAlways, Blame]),
    ("You made me cry in front of everyone.", &[Blame]),
    ("You make me feel worthless.", &[Blame]),
    ("Look what you made me do.", &[Blame]),
    // Accusing: labels, softened or not.
    ("You're so lazy.", &[Label]),
    ("You are such a slob", &[Label]),
    ("you're being ridiculous", &[Label]),
    ("What's wrong with you?", &[Label]),
    ("You're so selfish.", &[Label]),
    ("You are kind of lazy, honestly.", &[Label]),
    ("You can be so rude to my friends.", &[Label]),
    ("You're acting so childish.", &[Label]),
    ("You're sometimes so selfish.", &[Label]),
    ("You're the most inconsiderate person I know.", &[Label]),
    ("You're being so cold to me.", &[Label]),
    ("How selfish of you.", &[Label]),
    ("You idiot.", &[Label]),
    ("You are unbelievable.", &[Label]),
    ("Typical of you to forget.", &[Label]),
    ("You're overreacting.", &[Label]),
    ("You are a terrible listener.", &[Label]),
    ("You're always so lazy.", &[NeverAlways, Label]),
    // Accusing: sarcasm and scorn.
    ("Whatever.", &[Contempt]),
    ("Fine, whatever, do what you want", &[Contempt]),
    ("Oh, whatever.", &[Contempt]),
    ("Whatever you say.", &[Contempt]),
    ("Here we go again.", &[Contempt]),
    ("Grow up!", &[Contempt]),
    ("Get over it.", &[Contempt]),
    ("Of course you forgot.", &[Contempt]),
    ("Of course you would say that.", &[Contempt]),
    ("Great, late again.", &[Contempt]),
    ("Oh great, you forgot again.", &[Contempt]),
    ("Great, just great.", &[Contempt]),
    ("Thank you for nothing.", &[Contempt]),
    ("Nice of you to finally show up.", &[Contempt]),
    ("How kind of you to actually join us.", &[Contempt]),
    ("Could you help for once?", &[Contempt]),
    ("For once, could you just listen?", &[Contempt]),
    ("Big surprise, you're late.", &[Contempt]),
    ("What a surprise.", &[Contempt]),
    ("Yeah right, like you care.", &[Contempt]),
    ("Must be nice to sleep until noon.", &[Contempt]),
    ("You're late as usual.", &[Contempt]),
    ("Late, as always.", &[Contempt]),
    ("Sure you will.", &[Contempt]),
    ("So typical.", &[Contempt]),
    // Accusing: more than one thing at once.
    (
        "You never listen, you're so selfish, and you should apologise.",
        &[NeverAlways, Label, Should],
    ),
    (
        "You always do this and it's your fault.",
        &[NeverAlways, Blame],
    ),
    (
        "You never help, and I do everything.",
        &[NeverAlways, Absolute],
    ),
    // Kind: requests already well formed.
    (
        "I feel lonely when we don't talk in the evenings, and I need ten minutes together.",
        &[],
    ),
    (
        "I feel overwhelmed about bedtimes, and I need us to take turns.",
        &[],
    ),
    ("I'd love it if we cooked together on Sunday.", &[]),
    ("I'd like us to plan a date this month.", &[]),
    ("It would help me if we shared the school run.", &[]),
    ("It would mean a lot if you held my hand.", &[]),
    ("Could we plan a date this week?", &[]),
    ("Could we try a walk after dinner?", &[]),
    ("Can we talk tonight when the kids are asleep?", &[]),
    // Kind: praise, with always and never in it.
    ("I really appreciated you cooking tonight.", &[]),
    ("I love everything about you.", &[]),
    ("I love how you always make me laugh.", &[]),
    ("You always know what to say.", &[]),
    ("You always surprise me.", &[]),
    ("You always listen when I need to talk.", &[]),
    ("You always smell amazing.", &[]),
    ("You always look after everyone.", &[]),
    ("You never judge me.", &[]),
    ("You never fail to make me smile.", &[]),
    ("You never let me down.", &[]),
    ("You never forget our anniversary.", &[]),
    ("You never need to apologise for crying.", &[]),
    ("You're always there for me.", &[]),
    ("You're always on time.", &[]),
    ("You're always on my side.", &[]),
    ("You always ask how my day was.", &[]),
    ("You always surprised me with little notes.", &[]),
    ("You never stopped believing in me.", &[]),
    ("You're always so patient with the kids.", &[]),
    ("You're never boring.", &[]),
    ("You're never too busy for me.", &[]),
    ("You will always be my favourite.", &[]),
    ("Will you always love me?", &[]),
    ("Thank you always for the coffee in bed.", &[]),
    ("Thank you for always making time for me.", &[]),
    ("Thank you, you always know how to cheer me up.", &[]),
    ("I love that you never give up.", &[]),
    ("I appreciate how you always check in on me.", &[]),
    ("It's amazing how you always find the time.", &[]),
    ("I'm so lucky you always have my back.", &[]),
    ("I'm proud of how you always show up for people.", &[]),
    ("I hope you never stop singing in the kitchen.", &[]),
    ("Don't you ever change.", &[]),
    ("I love you always.", &[]),
    // Kind: endearments and care.
    ("You're my favourite person.", &[]),
    ("You are the kindest person I know.", &[]),
    ("You are the love of my life.", &[]),
    ("You're a lifesaver.", &[]),
    ("You're my rock.", &[]),
    ("You're doing so well.", &[]),
    ("You're so kind.", &[]),
    ("You're kind of amazing.", &[]),
    ("You make me feel safe.", &[]),
    ("You make me so happy.", &[]),
    ("You spoil me.", &[]),
    ("I smile more because of you.", &[]),
    ("You must be exhausted after that week.", &[]),
    ("You must have had a long day.", &[]),
    ("You should be proud of yourself.", &[]),
    ("You should get some rest.", &[]),
    ("You need to hear this: I love you.", &[]),
    ("You need to know that I love you.", &[]),
    ("You have to try this cake!", &[]),
    ("You have to meet my sister, you'll love her.", &[]),
    ("You don't have to apologise.", &[]),
    ("You don't need to do it all alone.", &[]),
    ("If you need to talk later, I'm here.", &[]),
    ("If you need to rest, I'll take the kids.", &[]),
    ("Nevertheless, you shoulder a lot and I see it.", &[]),
    // Kind: what looks like blame or scorn, and is not.
    ("I don't blame you at all.", &[]),
    ("None of this is your fault.", &[]),
    ("That wasn't your fault.", &[]),
    ("It was my fault, not yours.", &[]),
    ("You look lovely, as usual.", &[]),
    ("Thank you, as always.", &[]),
    ("It's so kind of you to bring soup.", &[]),
    ("Of course you can come along.", &[]),
    ("Great, see you at eight!", &[]),
    ("Wow, you look wonderful.", &[]),
    ("Lovely, thanks!", &[]),
    ("Every time you smile, I smile too.", &[]),
    ("Whatever you decide is fine with me.", &[]),
    ("Whatever you need, just ask.", &[]),
    ("Where did you grow up, again?", &[]),
    ("We'll get over it together.", &[]),
    ("Your hands are always cold, come here.", &[]),
    ("You're cold, take my jacket.", &[]),
    // Kind: questions.
    ("Do you have to work on Saturday?", &[]),
    ("Did you have to leave early?", &[]),
    ("What do you need from me right now?", &[]),
    ("Is there anything you need to talk about?", &[]),
    ("Do you ever think about moving abroad?", &[]),
    ("Have you ever been to Lisbon?", &[]),
    ("If you ever need me, I'm here.", &[]),
    ("You're the best thing that ever happened to me.", &[]),
    // Kind: "I never …", "we always …", apologies: not about the partner.
    ("I always feel better after we talk.", &[]),
    ("I always feel at home with you.", &[]),
    ("I never want to lose you.", &[]),
    ("I never told you how proud I am of you.", &[]),
    ("I never thought I'd be this happy.", &[]),
    ("With you, I never feel alone.", &[]),
    ("We always laugh when we cook together.", &[]),
    ("We always find our way back to each other.", &[]),
    ("We never go out anymore.", &[]),
    ("I'm sorry I always interrupt you.", &[]),
    ("I'm sorry, I never meant to hurt you.", &[]),
    ("Sorry you always have to wait for me.", &[]),
    ("I'm not mad, just tired.", &[]),
    ("I miss how we used to talk for hours.", &[]),
];

#[test]
fn the_table_raises_exactly_the_expected_patterns() {
    let accusing = TABLE.iter().filter(|(_, p)| !p.is_empty()).count();
    let kind = TABLE.iter().filter(|(_, p)| p.is_empty()).count();
    assert!(
        TABLE.len() >= 120 && accusing >= 55 && kind >= 55,
        "{accusing} accusing, {kind} kind"
    );
    let failures: Vec<String> = TABLE
        .iter()
        .filter_map(|(sentence, expected)| {
            let found: Vec<Pattern> = spot(sentence).iter().map(|f| f.pattern).collect();
            (found != *expected)
                .then(|| format!("{sentence:?}: expected {expected:?}, found {found:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn quoted(text: &str) -> Vec<&str> {
    spot(text).iter().map(|f| &text[f.start..f.end]).collect()
}

#[test]
fn findings_quote_the_words_that_raised_them() {
    assert_eq!(quoted("Honestly? You NEVER help."), ["You NEVER"]);
    assert_eq!(quoted("you’re such a mess"), ["you’re such a mess"]);
    assert_eq!(quoted("Every single time!"), ["Every single time"]);
    assert_eq!(
        quoted("You never call. You never write."),
        ["You never", "You never"]
    );
    // Overlapping finds of one pattern are reported once.
    assert_eq!(quoted("you never ever listen"), ["you never ever"]);
    // The negation that makes "ever" accusing is part of the quote.
    assert_eq!(quoted("Why don't you ever help?"), ["don't you ever"]);
    assert_eq!(quoted("I feel like you never listen."), ["you never"]);
    assert_eq!(
        quoted("You're a bit selfish sometimes."),
        ["You're a bit selfish"]
    );
    assert_eq!(
        quoted("Nice of you to finally show up."),
        ["Nice of you to finally"]
    );
    assert_eq!(
        quoted("Thanks for nothing, you always do this."),
        ["Thanks for nothing", "you always"]
    );
    assert_eq!(quoted("Great, late again."), ["Great"]);
}

#[test]
fn word_boundaries_and_apostrophes_are_respected() {
    assert!(spot("Nevertheless, it was fine").is_empty());
    assert!(spot("you shoulder the load").is_empty());
    assert!(spot("Your faultless timing!").is_empty());
    assert_eq!(quoted("You dont ever ask"), ["You dont ever"]);
    assert_eq!(quoted("You don’t ever ask"), ["You don’t ever"]);
    assert_eq!(quoted("youre so lazy"), ["youre so lazy"]);
    // "but" starts a new thought: the warm word before it does not soften.
    assert_eq!(quoted("I love you but you never listen"), ["you never"]);
}

#[test]
fn spot_never_panics_on_odd_text() {
    let long = "you never ".repeat(2_000);
    let odd = [
        "",
        " ",
        "'",
        "’’’",
        "you",
        "you're",
        "n't",
        "Ǆ you never ǅ",
        "👩‍❤️‍👨 you always 👩‍❤️‍👨",
        "İstanbul you should",
        "\u{0}\u{ffff}",
        "you\u{2019}",
        "whatever",
        "grow",
        ", , . ;",
        "great,",
        long.as_str(),
    ];
    for text in odd {
        for finding in spot(text) {
            assert!(text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end));
            assert!(finding.start < finding.end);
        }
    }
    assert_eq!(spot(&long).len(), 2_000);
}

#[test]
fn every_pattern_explains_itself_without_absolutes() {
    for pattern in Pattern::ALL {
        assert!(!pattern.label().is_empty());
        let explanation = pattern.explanation();
        assert!(explanation.len() > 40);
        for absolute in ["than anything", "impossible", "everyone", "nothing else"] {
            assert!(!explanation.contains(absolute), "{pattern:?}: {absolute}");
        }
    }
    assert!(FEELINGS.len() >= 10);
}

fn request(feel: &str, about: &str, need: &str) -> Request {
    Request {
        feel: feel.into(),
        about: about.into(),
        need: need.into(),
    }
}

#[test]
fn the_request_reads_as_one_kind_sentence() {
    assert_eq!(
        request("overwhelmed", "bedtimes", "us to take turns").sentence(),
        "I feel overwhelmed about bedtimes, and I need us to take turns."
    );
    // Words the sentence already has, and closing punctuation, are not doubled.
    assert_eq!(
        request(
            " I feel lonely. ",
            "about our evenings",
            "and I need ten minutes together!"
        )
        .sentence(),
        "I feel lonely about our evenings, and I need ten minutes together."
    );
    assert_eq!(
        request("", "the dishes", "").sentence(),
        "I feel … about the dishes, and I need …."
    );
    assert!(!request("", "the dishes", "").is_complete());
    assert!(!request("tired", "  ", "help").is_complete());
    assert!(request("tired", "mornings", "help").is_complete());
    // A word that merely starts like a lead-in is kept.
    assert_eq!(
        request("feeling low", "needless fights", "needs met").sentence(),
        "I feel feeling low about needless fights, and I need needs met."
    );
}

/// The judgements left in a finished request, as (pattern, quoted words).
fn judged(r: &Request) -> Vec<(Pattern, String)> {
    let sentence = r.sentence();
    r.judgements()
        .iter()
        .map(|f| (f.pattern, sentence[f.start..f.end].to_string()))
        .collect()
}

#[test]
fn the_finished_request_is_checked_for_judgements() {
    let quiet = [
        request("lonely", "our evenings", "ten minutes together"),
        request(
            "worried",
            "money",
            "us to sit down with the budget on Sunday",
        ),
        request(
            "taken for granted",
            "the school run",
            "a thank-you now and then",
        ),
        request("", "", ""),
    ];
    for r in &quiet {
        assert!(r.judgements().is_empty(), "{:?}", r.sentence());
    }
    let judgement = |p: Pattern, words: &str| (p, words.to_string());
    assert_eq!(
        judged(&request("like you never listen", "the dishes", "help")),
        [
            judgement(Thought, "I feel like"),
            judgement(NeverAlways, "you never")
        ]
    );
    assert_eq!(
        judged(&request("that you never care", "my work", "support")),
        [
            judgement(Thought, "I feel that"),
            judgement(NeverAlways, "you never")
        ]
    );
    assert_eq!(
        judged(&request("you are selfish", "weekends", "time")),
        [
            judgement(Thought, "I feel you"),
            judgement(Label, "you are selfish")
        ]
    );
    // A judgement in the other parts is named too.
    assert_eq!(
        judged(&request(
            "tired",
            "how you never help with dinner",
            "a hand"
        )),
        [judgement(NeverAlways, "you never")]
    );
    assert_eq!(
        judged(&request(
            "hurt",
            "the party",
            "you to stop being so rude, for once"
        )),
        [judgement(Contempt, "for once")]
    );
}

#[test]
fn only_english_is_judged() {
    let elsewhere = [
        "Nunca me ayudas con los niños.",
        "Siempre llegas tarde y nunca pides perdón.",
        "Du hörst mir nie zu, das nervt mich.",
        "Immer kommst du zu spät nach Hause.",
        "あなたはいつも遅刻する。",
        "Tu ne m'écoutes jamais.",
    ];
    for text in elsewhere {
        assert!(!reads_as_english(text), "{text}");
        assert!(spot(text).is_empty(), "{text}");
    }
    for (sentence, _) in TABLE {
        assert!(reads_as_english(sentence), "{sentence}");
    }
    // Too short to tell: given the benefit of the doubt.
    assert!(reads_as_english("Ugh."));
    assert!(reads_as_english(""));
}
