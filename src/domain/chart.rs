//! Bar geometry for the Progress charts: whole numbers in a fixed view box,
//! so the SVG is drawn by the app with no chart library.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// One bar per count, side by side across `width`, scaled so the largest
/// fills `height` (a zero still shows as a 1-unit sliver, so a quiet week
/// is visible as a week, not a gap).
pub fn bars(counts: &[usize], width: u32, height: u32) -> Vec<Bar> {
    let n = counts.len() as u32;
    if n == 0 {
        return Vec::new();
    }
    let slot = width / n;
    let gap = (slot / 5).max(1);
    let largest = counts.iter().copied().max().unwrap_or(0).max(1) as u32;
    counts
        .iter()
        .enumerate()
        .map(|(i, count)| {
            let bar_height = ((*count as u32 * height) / largest).max(1);
            Bar {
                x: i as u32 * slot + gap / 2,
                y: height - bar_height,
                width: slot - gap,
                height: bar_height,
            }
        })
        .collect()
}

/// The points of a line chart of optional values from 1 to `max`, one slot
/// per value across `width`: `(x, y)` in the view box, `None` where a value
/// is missing (a week without a check-in is a gap, not a zero).
pub fn points(values: &[Option<u8>], max: u8, width: u32, height: u32) -> Vec<Option<(u32, u32)>> {
    let n = values.len() as u32;
    if n == 0 {
        return Vec::new();
    }
    let slot = width / n;
    let max = u32::from(max.max(2));
    values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            value.map(|v| {
                let v = u32::from(v).clamp(1, max);
                let y = height - (v - 1) * height / (max - 1);
                (i as u32 * slot + slot / 2, y)
            })
        })
        .collect()
}

/// An SVG `points` attribute for each unbroken run of points.
pub fn polylines(points: &[Option<(u32, u32)>]) -> Vec<String> {
    points
        .split(Option::is_none)
        .filter(|run| run.len() > 1)
        .map(|run| {
            run.iter()
                .flatten()
                .map(|(x, y)| format!("{x},{y}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The fewest points a trend is drawn through: two points make a line that
/// says nothing a reader could not see, so a trend waits for the third.
pub const TREND_FROM: usize = 3;

/// A straight line through the view box, from `from` to `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub from: (u32, u32),
    pub to: (u32, u32),
}

/// The least-squares line through the points that are present, drawn from
/// the first present point's x to the last one's, its ends kept inside
/// `0..=height`; `None` with fewer than `TREND_FROM` points (or all at one x).
/// Fitted on view-box coordinates, which scale linearly from the values, so
/// the line is the values' trend too.
pub fn trend(points: &[Option<(u32, u32)>], height: u32) -> Option<Line> {
    let present: Vec<(f64, f64)> = points
        .iter()
        .flatten()
        .map(|&(x, y)| (f64::from(x), f64::from(y)))
        .collect();
    if present.len() < TREND_FROM {
        return None;
    }
    let n = present.len() as f64;
    let mean_x = present.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = present.iter().map(|p| p.1).sum::<f64>() / n;
    let spread: f64 = present.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    if spread == 0.0 {
        return None;
    }
    let slope = present
        .iter()
        .map(|p| (p.0 - mean_x) * (p.1 - mean_y))
        .sum::<f64>()
        / spread;
    let at = |x: f64| {
        let y = (mean_y + slope * (x - mean_x)).round();
        (x as u32, y.clamp(0.0, f64::from(height)) as u32)
    };
    Some(Line {
        from: at(present[0].0),
        to: at(present[present.len() - 1].0),
    })
}

/// The top centre of each bar as `bars` draws it, from the first period
/// with anything in it (the weeks before a couple began are not a trend),
/// `None` before it: the points a bar chart's trend is fitted through.
pub fn bar_tops(counts: &[usize], width: u32, height: u32) -> Vec<Option<(u32, u32)>> {
    let first = counts.iter().position(|&n| n > 0).unwrap_or(counts.len());
    let largest = counts.iter().copied().max().unwrap_or(0).max(1) as u32;
    bars(counts, width, height)
        .into_iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (bar, &count))| {
            (i >= first).then(|| {
                (
                    bar.x + bar.width / 2,
                    height - count as u32 * height / largest,
                )
            })
        })
        .collect()
}
