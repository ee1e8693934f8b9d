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
