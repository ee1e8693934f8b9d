//! The word lists the complaint rules read, each one string of sorted words
//! separated by single spaces: no table of slices in the wasm (8 bytes a
//! word) and none built at start-up. A test checks the order.

/// Words that make one moment a rule about a person.
pub const ABSOLUTES: &str = "always constantly ever forever never";

/// Subjects other than "you": the search for who a sentence is about stops at them ("I never …", "we always …", "your mum always …").
pub const SUBJECTS: &str = "\
    everybody everyone he her his i it my nobody our people she someone that their \
    there they this we who your";

/// Words after which "you" is an object, not the one acting ("with you forever", "love you always").
pub const OBJECT_BEFORE: &str = "\
    about adore at for from hold hug in kiss love meet miss of on than thank to \
    trust with without";

/// Words that make what follows warm ("I love how you always …", "sorry you always …"), unless negated.
pub const WARM: &str = "\
    admire adore amazing appreciate beautiful best better cherish cute enjoy \
    favorite favourite glad gorgeous grateful happier happy hope like love loved \
    lovely lucky miss promise proud remember respect safe smile sorry stunning sweet \
    thank thankful thanks treasure trust value wonderful";

/// "like" is warm after these ("I like how …"), not in "I feel like …".
pub const LIKE_AFTER: &str = "also do i really we would";

/// Words that turn a warm word or "your fault" around.
pub const NEGATIONS: &str = "hardly never no none not";

/// Words skipped between "always"/"never" and the verb that tells whether it is kind.
pub const FILLERS: &str = "\
    actually also be been ever just really seem seemed seems so somehow still this \
    to truly";

/// Words about character, not about a moment.
pub const LABELS: &str = "\
    annoying arrogant awful boring bossy careless cheap childish clingy clueless \
    cold controlling crazy cruel difficult disaster dramatic dumb fake heartless \
    hopeless horrible hysterical idiot immature impossible incompetent inconsiderate \
    insensitive irresponsible jealous jerk lazy liar manipulative mean mess messy \
    nag narcissist nasty needy negative obsessed overreacting paranoid pathetic \
    petty possessive ridiculous rude selfish slob sloppy spoiled spoilt stingy \
    stubborn stupid terrible thoughtless toxic unbelievable unfair ungrateful \
    unreasonable unreliable useless vain weak";

/// Softeners and intensifiers that may stand before a label and still leave it a label ("a bit selfish", "kind of lazy").
pub const LABEL_BEFORE: &str = "\
    a acting actually also always an becoming being bit completely extremely getting \
    honestly incredibly just kind kinda literally little most of often pretty quite \
    rather real really seriously slightly so sometimes somewhat sort sorta such the \
    too totally truly usually very";

/// Verbs that join "you" to a label.
pub const BE_WORDS: &str = "\
    act acted acting are be behave behaved being seem seemed seems sound sounded \
    were";

/// What "you make me …" blames them for.
pub const HURTS: &str = "\
    angry anxious awful bad crazy cry do furious guilty insecure invisible jealous \
    late lonely mad miserable miss nervous sad scream sick small stupid terrible \
    ugly unimportant unloved unwanted upset wait worthless yell";

/// Praise words that, alone before a grievance, are sarcasm ("Great, late again").
pub const INTERJECTIONS: &str = "\
    brilliant fantastic great just lovely marvellous nice oh perfect terrific well \
    wonderful wow";

/// Words that make a lone "great" before them sarcastic.
pub const GRIEVANCES: &str = "\
    again broke broken canceled cancelled forgot forgotten ignored late lost mess \
    missed ruined usual wrong";

/// Words that may come before a dismissive "whatever".
pub const SHRUGS: &str = "fine oh ok okay sure well yeah";

/// Common English words, for telling whether a text is English at all.
pub const COMMON: &str = "\
    a about again all always am and any are around as at away back bad be because \
    been before being best better big but by can cannot come could day did do does \
    done dont down each even ever every feel feeling felt for from get gets getting \
    give go going good got had has have he help her here him his home how i if im in \
    into is it its just know last late like listen little look love made make me \
    mine more most much my need needs never next night no not nothing now of off oh \
    ok on once one only or other our out over please really right said same say see \
    should so some something sometimes sorry still stop such take talk tell than \
    thank thanks that the their them then there these they thing things think this \
    those time to today together too try under up us very want was way we week well \
    were what when where which while who why will with without work would yes \
    yesterday you your youre yours";

/// Whether `word` is in the sorted, space-separated `list` (stops at the
/// first word past it).
pub fn is_in(list: &str, word: &str) -> bool {
    for entry in list.split(' ') {
        match entry.cmp(word) {
            std::cmp::Ordering::Less => {}
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Greater => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_list_is_sorted_for_its_binary_search() {
        use super::*;
        let lists = [
            ABSOLUTES,
            SUBJECTS,
            OBJECT_BEFORE,
            WARM,
            LIKE_AFTER,
            NEGATIONS,
            FILLERS,
            LABELS,
            LABEL_BEFORE,
            BE_WORDS,
            HURTS,
            INTERJECTIONS,
            GRIEVANCES,
            SHRUGS,
            COMMON,
        ];
        for list in lists {
            let words: Vec<&str> = list.split(' ').collect();
            assert!(
                words.iter().all(|w| !w.is_empty()),
                "a double space in {list:?}"
            );
            assert!(words.windows(2).all(|pair| pair[0] < pair[1]), "{list:?}");
            assert!(is_in(list, words[words.len() / 2]) && !is_in(list, "zzzz"));
        }
    }
}
