//! The summary worksheet: what the answers add up to, the remedies they
//! point to and why, and the commitments, as one scrollable page. The page
//! is built by a pure function so tests and other front ends can read it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::assessment::{
    Assessment, Balance, Lean, Leaning, Notable, Pointer, Recommendation, SectionScore, Summary,
};
use crate::content::{SectionKind, Workbook};
use crate::keymap::{self, Action, Context};
use crate::report::words::{self, Voice};
use crate::text::{quoted, sanitize, sanitize_line};
use crate::ui::Theme;
use crate::ui::widgets::rating_label;

use super::worksheet::{Confirmation, SheetOutcome, SheetView};
use crate::ui::scroll::{PAGE, ScrollLimit, draw_scrolled};

const NONE_STOOD_OUT: &str = "None stood out.";

#[derive(Clone, Debug, Default)]
pub struct SummaryView {
    pub scroll: u16,
    limit: ScrollLimit,
}

impl SummaryView {
    pub fn handle(&mut self, action: Action) -> SheetOutcome {
        let by = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -PAGE,
            Action::PageDown => PAGE,
            Action::Complete => return SheetOutcome::Confirm(Confirmation::Complete),
            _ => return SheetOutcome::Unhandled,
        };
        self.scroll = self.limit.step(self.scroll, by);
        SheetOutcome::Stay
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let lines = summary_lines(view.workbook, view.assessment, view.theme);
        draw_scrolled(frame, area, lines, self.scroll, &self.limit, view.theme);
    }
}

/// The whole summary page, every piece of content and answer sanitised.
pub fn summary_lines(
    workbook: &Workbook,
    assessment: &Assessment,
    theme: Theme,
) -> Vec<Line<'static>> {
    let summary = Summary::of(workbook, assessment);
    let mut page = Page::new(theme);
    page.lines.push(Line::styled("Summary", theme.title()));
    page.muted(
        "These scores only summarise your own answers. They are a reflection aid, not a diagnosis.",
    );
    scores(&mut page, workbook, &summary.scores);
    placement(&mut page, workbook, summary.placement);
    leaning(&mut page, workbook, &summary.leaning);
    let stood_out = [
        ("Strongest drivers", &summary.strongest_drivers),
        ("Most frequent symptoms", &summary.frequent_symptoms),
        ("What makes it worse right now", &summary.active_aggravators),
    ];
    for (heading, found) in stood_out {
        page.heading(heading);
        notables(&mut page, workbook, assessment, found);
    }
    recommendations(&mut page, workbook, &summary.recommendations);
    patterns(&mut page, workbook, &summary);
    support(&mut page, workbook, assessment, &summary.support_flags);
    balance(&mut page, workbook, assessment, &summary.balance);
    commitments(&mut page, workbook, assessment);
    closing(&mut page, assessment);
    page.lines
}

fn scores(page: &mut Page, workbook: &Workbook, scores: &[SectionScore]) {
    page.heading("Section scores");
    for score in scores {
        let section = workbook.section(score.kind);
        let direction = words::direction(section.better);
        page.lines.push(Line::from(vec![
            Span::raw(format!("• {}", sanitize_line(&section.title))),
            Span::styled(format!("  ({direction})"), page.theme.muted()),
        ]));
        // A section with no answers has no score: showing 0% would read as
        // an answer the person never gave.
        let level = match score.percent {
            Some(percent) => format!("{} {percent:>3}%", bar(percent)),
            None => "no answers".to_string(),
        };
        let skipped = match score.skipped() {
            0 => "none skipped".to_string(),
            count => format!("{count} skipped"),
        };
        page.lines.push(Line::from(vec![
            Span::raw(format!("    {level}")),
            Span::styled(
                format!(
                    "   answered {} of {} · {skipped}",
                    score.answered, score.total
                ),
                page.theme.muted(),
            ),
        ]));
    }
}

/// Ten cells, filled to the nearest tenth.
fn bar(percent: u8) -> String {
    let filled = ((usize::from(percent) + 5) / 10).min(10);
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

fn placement(page: &mut Page, workbook: &Workbook, rating: Option<u8>) {
    page.heading("Where you placed yourself");
    let scale = &workbook.gap.placement_scale;
    match rating {
        Some(_) => page.text(&rating_label(scale, rating)),
        None => page.muted("You skipped this question."),
    }
    if let (Some(low), Some(high)) = (scale.points.first(), scale.points.last()) {
        page.muted(&format!(
            "The scale runs from {} ({}) to {} ({}).",
            low.value, low.label, high.value, high.label
        ));
    }
}

/// Which way the answers lean, then the answers on each side that say so,
/// then how that was worked out, so nobody has to take it on trust.
fn leaning(page: &mut Page, workbook: &Workbook, leaning: &Leaning) {
    page.heading("Which way your answers lean");
    page.text(words::leaning(leaning.towards, Voice::Yours));
    if leaning.holding_on.is_empty() && leaning.letting_go.is_empty() {
        return;
    }
    for (label, pointers) in words::leaning_sides(leaning) {
        let named: Vec<String> = pointers
            .iter()
            .map(|pointer| match pointer {
                Pointer::Placement(rating) => format!(
                    "{} — {}",
                    words::placement_pointer(Voice::Yours),
                    workbook
                        .gap
                        .placement_scale
                        .label(*rating)
                        .unwrap_or("rated")
                ),
                Pointer::Answer(found) => rated_title(workbook, found),
            })
            .collect();
        let named = if named.is_empty() {
            "none".to_string()
        } else {
            named.join("; ")
        };
        // One span, so a long list wraps under its own indent.
        page.text(&format!("  {label}: {named}"));
    }
    page.muted(words::leaning_rule(Voice::Yours));
}

/// "Perfectionism — Very strongly": an item's title and its rating in words.
fn rated_title(workbook: &Workbook, found: &Notable) -> String {
    let section = workbook.section(found.kind);
    let title = section
        .item(&found.item)
        .map_or(found.item.as_str(), |item| item.title.as_str());
    let label = section.scale.label(found.rating).unwrap_or("rated");
    sanitize_line(&format!("{title} — {label}"))
}

fn notables(page: &mut Page, workbook: &Workbook, assessment: &Assessment, found: &[Notable]) {
    if found.is_empty() {
        return page.muted(NONE_STOOD_OUT);
    }
    for notable in found {
        page.text(&format!("• {}", rated_title(workbook, notable)));
        note(page, assessment, notable);
    }
}

/// The person's own words on an answer that stood out, when they wrote any.
fn note(page: &mut Page, assessment: &Assessment, found: &Notable) {
    let note = assessment
        .answers(found.kind)
        .get(&found.item)
        .map_or("", |answer| answer.note.trim());
    if !note.is_empty() {
        page.detail("your note", &quoted(note));
    }
}

fn recommendations(page: &mut Page, workbook: &Workbook, recommendations: &[Recommendation]) {
    page.heading("Recommended next steps");
    if recommendations.is_empty() {
        return page.muted("Nothing in your answers points to a particular remedy yet.");
    }
    let remedies = workbook.section(SectionKind::Remedies);
    for recommendation in recommendations {
        let title = workbook
            .remedy(&recommendation.remedy)
            .map_or(recommendation.remedy.as_str(), |item| item.title.as_str());
        page.text(&format!("• {title}"));
        let reasons: Vec<String> = recommendation
            .reasons
            .iter()
            .map(|found| rated_title(workbook, found))
            .collect();
        page.detail("because", &reasons.join("; "));
        if let Some(label) = recommendation
            .practice
            .and_then(|value| remedies.scale.label(value))
        {
            page.detail("where you are today", label);
        }
    }
}

fn patterns(page: &mut Page, workbook: &Workbook, summary: &Summary) {
    page.heading("Nearby patterns worth reading");
    if summary.patterns.is_empty() {
        return page.muted(NONE_STOOD_OUT);
    }
    let symptoms = workbook.section(SectionKind::Symptoms);
    for pointer in &summary.patterns {
        let Some(pattern) = workbook.pattern(&pointer.pattern) else {
            continue;
        };
        page.text(&format!("• {}", pattern.title));
        if let Some(difference) = &pattern.difference {
            page.detail("how it differs", difference);
        }
        let because: Vec<&str> = pointer
            .because
            .iter()
            .map(|id| {
                symptoms
                    .item(id)
                    .map_or(id.as_str(), |item| item.title.as_str())
            })
            .collect();
        page.detail("because you noted", &because.join(", "));
    }
    page.muted(&format!(
        "Each has a reference card; {} opens the cards.",
        keymap::key_for(Context::Sheet, Action::Reference)
    ));
}

fn support(page: &mut Page, workbook: &Workbook, assessment: &Assessment, flags: &[Notable]) {
    page.heading("Signs to get support");
    if flags.is_empty() {
        return page.muted(NONE_STOOD_OUT);
    }
    page.muted("Asking for help with these is good judgement, not failure.");
    let section = workbook.section(SectionKind::Support);
    for flag in flags {
        page.text(&format!("• {}", rated_title(workbook, flag)));
        if let Some(who) = section.item(&flag.item).and_then(|item| item.who.as_ref()) {
            page.detail("who can help", who);
        }
        note(page, assessment, flag);
    }
}

fn balance(page: &mut Page, workbook: &Workbook, assessment: &Assessment, counts: &Balance) {
    page.heading("Learning or performance");
    if assessment.tasks.is_empty() {
        return page.muted("No tasks listed yet.");
    }
    let mut line = format!(
        "{} for performance · {} for learning",
        counts.performance, counts.learning
    );
    if counts.undecided > 0 {
        line.push_str(&format!(" · {} not decided", counts.undecided));
    }
    page.text(&line);
    let modes = &workbook.modes;
    match counts.lean {
        // The content's line names the kind ("Always for performance: …").
        Lean::AllPerformance => page.warning(&format!(
            "! Every task is one kind. {}",
            modes.only_performance
        )),
        Lean::AllLearning => page.warning(&format!(
            "! Every task is one kind. {}",
            modes.only_learning
        )),
        Lean::Mixed => page.muted("A mix of both."),
        Lean::TooFewToSay => page.muted("Too few tasks with a mode to say how they balance."),
    }
    for task in &assessment.tasks {
        let title = if task.title.trim().is_empty() {
            "(a task not named yet)"
        } else {
            task.title.as_str()
        };
        let mode = task
            .mode
            .and_then(|mode| modes.modes.iter().find(|known| known.id == mode.id()))
            .map_or("mode not chosen", |mode| mode.title.as_str());
        let to_whom = if task.to_whom.trim().is_empty() {
            String::new()
        } else {
            format!(" → {}", task.to_whom)
        };
        page.text(&format!("• {title}{to_whom} · {mode}"));
    }
}

fn commitments(page: &mut Page, workbook: &Workbook, assessment: &Assessment) {
    page.heading("Your commitments");
    if assessment.commitments.is_empty() {
        return page
            .muted("None yet. The Commitments sheet is where you choose up to three small steps.");
    }
    let or_unset = |text: &str| {
        if text.trim().is_empty() {
            "not set yet".to_string()
        } else {
            text.to_string()
        }
    };
    for (index, commitment) in assessment.commitments.iter().enumerate() {
        let remedy = workbook
            .remedy(&commitment.remedy)
            .map_or("a remedy not chosen yet", |item| item.title.as_str());
        page.text(&format!("{}. {remedy}", index + 1));
        page.detail("first step", &or_unset(&commitment.first_step));
        page.detail("with whom", &or_unset(&commitment.with_whom));
        let due = commitment
            .due
            .map(|date| date.format("%Y-%m-%d (%A)").to_string())
            .unwrap_or_default();
        page.detail("by when", &or_unset(&due));
        page.detail("checkpoint", &or_unset(&commitment.checkpoint));
    }
}

fn closing(page: &mut Page, assessment: &Assessment) {
    page.lines.push(Line::from(""));
    match assessment.completed {
        Some(date) => page.text(&format!("✓ Completed on {}.", date.format("%-d %B %Y"))),
        None => page.lines.push(Line::from(vec![
            Span::raw("Press "),
            Span::styled(
                keymap::key_for(Context::Summary, Action::Complete),
                page.theme.key(),
            ),
            Span::raw(" to complete and save this assessment."),
        ])),
    }
}

/// Builds a page of lines; every text passes through `sanitize` here, so
/// the section functions cannot forget it.
struct Page {
    lines: Vec<Line<'static>>,
    theme: Theme,
}

impl Page {
    fn new(theme: Theme) -> Self {
        Self {
            lines: Vec::new(),
            theme,
        }
    }

    fn heading(&mut self, text: &str) {
        self.lines.push(Line::from(""));
        self.lines
            .push(Line::styled(sanitize_line(text), self.theme.heading()));
    }

    fn styled(&mut self, text: &str, style: ratatui::style::Style) {
        for line in sanitize(text).lines() {
            self.lines.push(Line::styled(line.to_string(), style));
        }
    }

    fn text(&mut self, text: &str) {
        self.styled(text, self.theme.text());
    }

    fn muted(&mut self, text: &str) {
        self.styled(text, self.theme.muted());
    }

    fn warning(&mut self, text: &str) {
        self.styled(text, self.theme.warning());
    }

    /// "    because: …", indented under the bullet it belongs to.
    fn detail(&mut self, label: &str, text: &str) {
        self.lines.push(Line::from(vec![
            Span::styled(format!("    {label}: "), self.theme.muted()),
            Span::raw(sanitize_line(text)),
        ]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook() -> Workbook {
        crate::content::load_builtin().unwrap_or_else(|errors| panic!("{errors}"))
    }

    fn rows(workbook: &Workbook, assessment: &Assessment) -> Vec<String> {
        summary_lines(workbook, assessment, Theme::PLAIN)
            .iter()
            .map(|line| {
                line.spans
                    .iter()
                    .map(|span| span.content.as_ref())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn an_unanswered_section_shows_what_was_skipped_not_zero() {
        let workbook = workbook();
        let rows = rows(&workbook, &Assessment::default());
        let scores = rows
            .iter()
            .position(|row| row == "Section scores")
            .expect("scores heading");
        for section in &workbook.sections {
            let title = scores
                + rows[scores..]
                    .iter()
                    .position(|row| row.contains(&section.title))
                    .expect("listed");
            let score = &rows[title + 1];
            let total = section.items.len();
            assert!(score.contains("no answers"), "{score}");
            assert!(
                score.contains(&format!("answered 0 of {total} · {total} skipped")),
                "{score}"
            );
            assert!(!score.contains('%'), "{score}");
        }
    }

    #[test]
    fn a_recommendation_gives_its_reasons() {
        let workbook = workbook();
        let drivers = workbook.section(SectionKind::Drivers);
        let driver = &drivers.items[0];
        let top = drivers.scale.max();
        let mut assessment = Assessment::default();
        assessment.set_rating(SectionKind::Drivers, &driver.id, Some(top));
        let rows = rows(&workbook, &assessment);
        let remedy = workbook.remedy(&driver.remedies[0]).expect("linked remedy");
        let at = rows
            .iter()
            .position(|row| *row == format!("• {}", remedy.title))
            .expect("recommended");
        let label = drivers.scale.label(top).expect("label");
        assert_eq!(
            rows[at + 1],
            format!("    because: {} — {label}", driver.title)
        );
    }

    #[test]
    fn the_bar_fills_to_the_nearest_tenth() {
        assert_eq!(bar(0), "░░░░░░░░░░");
        assert_eq!(bar(64), "██████░░░░");
        assert_eq!(bar(100), "██████████");
    }
}
