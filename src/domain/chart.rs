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
