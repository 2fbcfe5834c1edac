//! Reference cards: the gap, its two directions, a scenario, the nearby
//! patterns, the two ways of handing over and related topics, each a
//! document, so it reads the same wherever it is drawn.

use crate::content::{Gap, Item as ContentItem, Modes, Workbook};

use super::document::{Document, Item, strong, text};

pub struct Card {
    /// The heading it is listed under.
    pub group: &'static str,
    /// The name in the list of cards.
    pub label: String,
    pub title: String,
    pub body: Document,
}

impl Card {
    fn new(group: &'static str, title: &str, body: Document) -> Self {
        Self {
            group,
            label: title.to_string(),
            title: title.to_string(),
            body,
        }
    }
}

/// Every card, in the order they are listed.
pub fn cards(workbook: &Workbook) -> Vec<Card> {
    let mut cards = vec![
        gap_card(&workbook.gap),
        directions_card(&workbook.gap),
        scenario_card(&workbook.gap),
    ];
    cards.extend(workbook.patterns.iter().map(pattern_card));
    cards.push(modes_card(&workbook.modes));
    cards.extend(workbook.topics.iter().map(topic_card));
    cards
}

fn bullets(lines: &[&String]) -> Vec<Item> {
    lines
        .iter()
        .map(|line| Item::new(vec![text(line.as_str())]))
        .collect()
}

fn gap_card(gap: &Gap) -> Card {
    let mut body = Document::default();
    body.heading(2, &gap.title);
    body.line(&gap.summary);
    body.line(&gap.explanation);
    body.heading(2, "What it looks like");
    body.list(bullets(&gap.characteristics.iter().collect::<Vec<_>>()));
    body.heading(2, "When it lasts");
    body.line(&gap.when_it_lasts);
    Card::new("The gap", "What the gap is", body)
}

fn directions_card(gap: &Gap) -> Card {
    let mut body = Document::default();
    body.line(&gap.summary);
    for (index, direction) in gap.directions.iter().enumerate() {
        body.heading(2, format!("{}. {}", index + 1, direction.title));
        body.line(&direction.summary);
        body.line(&direction.explanation);
        body.prompts(&direction.prompts);
    }
    Card::new("The gap", "The two directions", body)
}

fn scenario_card(gap: &Gap) -> Card {
    let mut body = Document::default();
    body.line(&gap.scenario);
    body.heading(2, "Questions to sit with");
    body.prompts(&gap.scenario_prompts);
    Card::new("The gap", "A short scenario", body)
}

fn pattern_card(pattern: &ContentItem) -> Card {
    let mut body = Document::default();
    body.line(&pattern.summary);
    body.line(&pattern.explanation);
    if let Some(difference) = &pattern.difference {
        body.paragraph(vec![
            strong("How it differs from the gap:"),
            text(format!(" {difference}")),
        ]);
    }
    body.prompts(&pattern.prompts);
    Card::new("Nearby patterns", &pattern.title, body)
}

fn modes_card(modes: &Modes) -> Card {
    let mut body = Document::default();
    body.heading(2, &modes.title);
    body.line(&modes.summary);
    body.line(&modes.explanation);
    for mode in &modes.modes {
        body.heading(2, &mode.title);
        body.line(&mode.summary);
        body.details([("Goal", &mode.goal), ("Mindset", &mode.mindset)]);
        // The example reads as the sentence it is ("Like a report …").
        body.list(bullets(&[&mode.example]));
    }
    body.heading(2, "Before you hand something over");
    body.prompts(std::slice::from_ref(&modes.question));
    body.heading(2, "When only one is ever used");
    // Each line names its kind ("Always for performance: …").
    body.list(bullets(&[&modes.only_performance, &modes.only_learning]));
    Card {
        label: "Performance or learning".to_string(),
        ..Card::new(
            "Handing over",
            "Handing over for performance or learning",
            body,
        )
    }
}

fn topic_card(topic: &ContentItem) -> Card {
    let mut body = Document::default();
    body.line(&topic.summary);
    body.line(&topic.explanation);
    body.prompts(&topic.prompts);
    Card::new("Related topics", &topic.title, body)
}
