//! "When it feels impossible": plain guidance for the times when small
//! habits are not enough. Deeper hurts, signs it is time for a couples
//! therapist, what therapy is like and how to find one, with a safety
//! note shown first. Content only: the page lays these out as written.
//! Validated by `tests/talk_content.rs` (ids, order, no links).

/// One piece of a section's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// A short paragraph.
    Para(&'static str),
    /// A bulleted list, one short line per item.
    List(&'static [&'static str]),
}

/// A titled part of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// Stable id, usable as an anchor.
    pub id: &'static str,
    /// The heading shown above the body.
    pub heading: &'static str,
    /// Paragraphs and lists, in reading order.
    pub body: &'static [Block],
}

use Block::{List, Para};

/// Shown first and prominently: exercises are not for relationships with fear or abuse.
pub const SAFETY: Section = Section {
    id: "safety",
    heading: "If you are afraid of your partner",
    body: &[
        Para(
            "Everything in Rekindle assumes two people who feel safe with each other. \
             If you do not feel safe, please read this first.",
        ),
        Para(
            "Check-ins, listening practice and time-outs are not meant for a relationship \
             where someone is afraid, controlled, threatened or hurt. There, they can even \
             be turned against the person who is afraid.",
        ),
        Para(
            "Fear can be quiet. Being watched, having money kept from you, being cut off \
             from friends, or always walking on eggshells all count.",
        ),
        Para(
            "Couples therapy is usually not the right first step in that situation. \
             What helps first is support that is just for you. You do not have to be \
             sure before you reach out.",
        ),
        List(&[
            "A doctor or nurse you trust.",
            "A domestic-abuse helpline. Calls are usually free and confidential, and \
             they can help you think things through.",
            "Your local emergency services if you are in danger right now, such as 911, \
             999, 112 or 000, depending on your country.",
        ]),
        // Every number below was checked on 2026-12-02 against the service's
        // own page or an official notice, as stored in the reference library:
        // thehotline.org via ovc.ojp.gov (US Hotline, text START to 88788);
        // refuge.org.uk (0808 2000 247); respect.org.uk and a Scottish
        // Government notice (Men's Advice Line 0808 801 0327); galop.org.uk
        // (0800 999 5428); 1800respect.org.au and the Australian Government's
        // notice of 8 December 2023 (1800 737 732, text 0458 737 732);
        // lifeline.org.au (13 11 14, MensLine 1300 78 99 78); health.vic.gov.au
        // (QLife 1800 184 527); 988lifeline.org (call or text 988);
        // samaritans.org (116 123); crisistextline.uk (Shout, 85258); police
        // guidance on the Silent Solution (999, then 55).
        Para("Helplines, by country. Each is confidential and usually free to call."),
        List(&[
            "US: National Domestic Violence Hotline, for anyone of any gender or \
             sexuality, 1-800-799-7233",
            "UK: National Domestic Abuse Helpline, for women, 0808 2000 247",
            "UK: Men's Advice Line, for men, 0808 801 0327",
            "UK: Galop, for LGBT+ people, 0800 999 5428",
            "Australia: 1800RESPECT, for anyone of any gender or sexuality, 1800 737 732",
            "Australia: MensLine, for men, 1300 78 99 78",
            "Australia: QLife, for LGBTQ+ people, 1800 184 527",
        ]),
        Para("If speaking out loud is not safe, you can write instead:"),
        List(&[
            "US: text START to 88788 to reach the Hotline.",
            "UK: call 999 from a mobile and, when asked, press 55. The police will know \
             you cannot talk.",
            "Australia: text 1800RESPECT on 0458 737 732",
        ]),
        Para(
            "If you are thinking about ending your life, or it all feels too much, a \
             crisis line will listen, day or night:",
        ),
        List(&[
            "US: Suicide and Crisis Lifeline, call 988 or text 988",
            "UK: Samaritans, 116 123, or text Shout on 85258",
            "Australia: Lifeline, 13 11 14",
        ]),
        Para(
            "Elsewhere, a doctor can point you to a helpline in your country, or you can \
             search for one.",
        ),
        Para(
            "One more gentle thing. If this phone or computer is shared, your browser \
             history and what you write here may be seen. A private browser window leaves \
             less behind.",
        ),
        Para(
            "Erase everything in Settings removes Rekindle's data from the browser. \
             Backups and calendar files you downloaded stay in the phone's downloads \
             until you delete them there.",
        ),
    ],
};

/// The rest of the page, in order.
pub const SECTIONS: &[Section] = &[
    Section {
        id: "deeper-issues",
        heading: "Deeper issues and past hurts",
        body: &[
            Para("Small daily habits do a lot. They cannot do everything."),
            Para(
                "Sometimes the distance between you has older roots. An affair or another \
                 betrayal. A loss you never grieved together. An old fight that never \
                 really ended.",
            ),
            Para(
                "Sometimes it starts with one of you. Depression, anxiety, addiction or \
                 trauma can drain the energy that closeness needs. They deserve care of \
                 their own, and asking for it is a kindness to you both.",
            ),
            Para(
                "One sign to notice: you keep hitting the same wall. The same argument, \
                 the same silence, however kindly you try.",
            ),
            Para(
                "If that is where you are, it is not a failure. You did not try the wrong \
                 way or too little. It simply needs more help than an app can give.",
            ),
            Para("Saying it out loud, together, is already a brave step."),
        ],
    },
    Section {
        id: "signs",
        heading: "Signs it may be time for a couples therapist",
        body: &[
            Para(
                "Any one of these is reason enough to look for help. You do not need all of them.",
            ),
            List(&[
                "The same argument keeps coming back and never ends anywhere new.",
                "You mostly talk about logistics, or hardly talk at all.",
                "Trust has been broken, by an affair or in another way.",
                "Contempt has crept in: eye-rolling, mocking, name-calling.",
                "Time-outs and gentle restarts no longer calm things down.",
                "One of you avoids the other to avoid a fight.",
                "Touch and sex have faded, and talking about it hurts.",
                "A big change is straining you: a baby, an illness, a move, a loss.",
                "One of you is thinking about leaving.",
                "You feel lonely even when you are together.",
            ]),
            Para("Going early is easier than going late. You do not have to wait for a crisis."),
        ],
    },
    Section {
        id: "what-to-expect",
        heading: "What couples therapy is like",
        body: &[
            Para(
                "The first session or two are mostly about getting to know you. The \
                 therapist asks how you met, what brought you in and what each of you \
                 hopes for.",
            ),
            Para(
                "Some therapists also see each of you alone once. That is common and does \
                 not mean something is wrong.",
            ),
            Para(
                "A good therapist does not take sides. Their job is to keep the room safe \
                 for both of you, slow things down and help each of you be heard. It is a \
                 neutral space.",
            ),
            Para("Along the way, you may:"),
            List(&[
                "Spot the pattern you fall into, instead of blaming each other.",
                "Practise new ways to talk, right there in the room.",
                "Take small tasks home between sessions, a bit like the ones in this app.",
                "Say things you have never said out loud.",
            ]),
            Para(
                "It can feel worse before it feels better. Hard things come up, and the \
                 days after a session can be tender. Often that means the work is \
                 happening.",
            ),
            Para(
                "Fit matters. If after a few sessions one of you feels unheard or judged, \
                 say so. It is normal to try a different therapist.",
            ),
        ],
    },
    Section {
        id: "finding-one",
        heading: "How to find a couples therapist",
        body: &[
            Para(
                "Look for someone trained to work with couples, not only with individuals. \
                 Check that they hold a licence or are registered with a professional body. \
                 Titles differ by country, such as couples therapist or marriage and family \
                 therapist.",
            ),
            Para(
                "Therapists work in different ways. Emotionally Focused Therapy and the \
                 Gottman method are two well-known examples, and many therapists blend \
                 several. How you both feel with them matters more than the name.",
            ),
            Para("Places to ask:"),
            List(&[
                "Your doctor.",
                "Your health insurer, if you have one.",
                "An employee assistance programme at work, which may cover a few sessions.",
                "A professional directory of therapists in your country.",
                "A friend you trust, if you feel easy asking.",
            ]),
            Para("Many therapists offer a short first call. Questions you could ask:"),
            List(&[
                "How much of your work is with couples?",
                "What training do you have for working with couples?",
                "How do you work, and what would a first session look like?",
                "How do you stay fair to both of us?",
                "How often would we meet, and for roughly how long?",
                "What does a session cost, and do you offer a sliding scale?",
            ]),
            Para(
                "Video sessions suit many couples. They widen your choice and save travel. \
                 Find a quiet room where you can talk freely.",
            ),
            Para(
                "Cost is real. Some therapists lower their fee on a sliding scale, and \
                 training clinics and community services often cost less. It is fine to ask.",
            ),
        ],
    },
    Section {
        id: "patience",
        heading: "A long game",
        body: &[
            Para(
                "Closeness comes back slowly, and not in a straight line. There will be \
                 warm weeks and flat ones.",
            ),
            Para(
                "Small steps still count. One appreciation. One honest check-in. One new \
                 thing tried together.",
            ),
            Para(
                "With a therapist or without, the practices here will be waiting. Come back \
                 to them whenever you are ready. Nothing is lost by pausing.",
            ),
        ],
    },
];
