//! Chart geometry: the trend line, and where it starts on a bar chart.

use rekindle::domain::chart::{Line, bar_tops, bars, points, trend};

#[test]
fn no_trend_before_three_points() {
    assert_eq!(trend(&[], 100), None);
    assert_eq!(trend(&[Some((0, 50))], 100), None);
    assert_eq!(trend(&[Some((0, 50)), None, Some((20, 10))], 100), None);
    assert!(trend(&[Some((0, 50)), Some((10, 30)), Some((20, 10))], 100).is_some());
}

#[test]
fn points_on_a_line_give_that_line() {
    let line = trend(&[Some((10, 90)), Some((20, 70)), None, Some((40, 30))], 100);
    assert_eq!(
        line,
        Some(Line {
            from: (10, 90),
            to: (40, 30)
        })
    );
}

#[test]
fn the_trend_runs_through_the_middle_of_scattered_points() {
    // Up, down, up: the best straight line rises gently, from the first
    // point's x to the last one's.
    let line = trend(
        &[
            Some((0, 80)),
            Some((10, 40)),
            Some((20, 60)),
            Some((30, 20)),
        ],
        100,
    )
    .unwrap();
    assert_eq!(line.from.0, 0);
    assert_eq!(line.to.0, 30);
    assert!(
        line.from.1 > line.to.1,
        "{line:?}: it rises (smaller y is higher)"
    );
    assert_eq!(
        line,
        Line {
            from: (0, 74),
            to: (30, 26)
        }
    );
}

#[test]
fn a_flat_rhythm_is_a_flat_line() {
    let line = trend(&[Some((0, 40)), Some((10, 40)), Some((20, 40))], 100).unwrap();
    assert_eq!(
        line,
        Line {
            from: (0, 40),
            to: (20, 40)
        }
    );
}

#[test]
fn the_trend_stays_inside_the_view_box() {
    let line = trend(
        &[Some((0, 100)), Some((1, 100)), Some((2, 0)), Some((30, 0))],
        100,
    )
    .unwrap();
    assert!(line.from.1 <= 100 && line.to.1 <= 100);
    assert_eq!(
        trend(&[Some((5, 10)), Some((5, 20)), Some((5, 30))], 100),
        None,
        "all at one x"
    );
}

#[test]
fn bar_tops_start_at_the_first_busy_week_and_sit_on_the_bars() {
    let counts = [0, 0, 2, 0, 4];
    let tops = bar_tops(&counts, 100, 80);
    let drawn = bars(&counts, 100, 80);
    assert_eq!(
        tops[..2],
        [None, None],
        "the weeks before the first record are not a trend"
    );
    assert_eq!(tops[2], Some((drawn[2].x + drawn[2].width / 2, 40)));
    assert_eq!(
        tops[3],
        Some((drawn[3].x + drawn[3].width / 2, 80)),
        "a quiet week counts as zero"
    );
    assert_eq!(tops[4], Some((drawn[4].x + drawn[4].width / 2, 0)));
    assert!(bar_tops(&[0, 0, 0], 90, 80).iter().all(Option::is_none));
    assert!(
        trend(&bar_tops(&[0, 0, 0, 0, 3, 5], 120, 80), 80).is_none(),
        "two busy weeks: no trend yet"
    );
    assert!(
        trend(&bar_tops(&[0, 0, 0, 3, 0, 5], 120, 80), 80).is_some(),
        "three weeks since the first"
    );
}

#[test]
fn a_trend_through_ratings_shares_their_scale() {
    let at = points(&[Some(4), None, Some(6), Some(8)], 10, 40, 90);
    let line = trend(&at, 90).unwrap();
    let first = at[0].unwrap();
    let last = at[3].unwrap();
    assert_eq!(line.from.0, first.0);
    assert_eq!(line.to.0, last.0);
    assert!(line.to.1 < line.from.1, "ratings rise, so the line climbs");
}
