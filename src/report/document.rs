//! A page of text as a few kinds of block, so one builder serves every
//! medium: Markdown for a coach to send, plain text for a terminal or a
//! screen reader, styled lines on the screen (`ui::document`). Blocks say
//! what a piece of text is (a remark, a warning, an answer with the reasons
//! under it); each renderer decides how that looks in its medium. Blocks
//! hold raw text; only the renderers escape and sanitise it, so no builder
//! can forget to.

/// A piece of a line: ordinary text, text that stands out, or a key to
/// press.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Strong(String),
    /// Named by whoever draws the page, from the key table in use then,
    /// so a page never names a key that has since changed.
    Key(KeyHint),
}

/// The actions a page can point to a key for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyHint {
    /// Completing the assessment, on the summary sheet.
    Complete,
    /// Opening the reference cards, from a worksheet.
    Cards,
    /// Every recommended step, not only the first few, on the summary.
    AllSteps,
}

impl KeyHint {
    /// The action in words, for a medium with no keys to press.
    pub fn words(self) -> &'static str {
        match self {
            KeyHint::Complete => "the complete key",
            KeyHint::Cards => "the cards key",
            KeyHint::AllSteps => "the all-steps key",
        }
    }
}

pub fn text(text: impl Into<String>) -> Span {
    Span::Text(text.into())
}

pub fn strong(text: impl Into<String>) -> Span {
    Span::Strong(text.into())
}

pub fn key(hint: KeyHint) -> Span {
    Span::Key(hint)
}

/// How much a paragraph asks for attention.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    /// Read as part of the page.
    #[default]
    Plain,
    /// Said in passing: how something was worked out, that nothing stood
    /// out. Set back on a screen, ordinary text elsewhere.
    Muted,
    /// Worth stopping at. Marked with `!` in every medium, so it shows
    /// without colour.
    Warning,
}

/// One entry of a list: what it is, then labelled lines about it
/// ("Because: …"), kept under it in every medium.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    pub title: Vec<Span>,
    pub details: Vec<Detail>,
}

impl Item {
    pub fn new(title: Vec<Span>) -> Self {
        Self {
            title,
            details: Vec::new(),
        }
    }

    pub fn detail(mut self, label: impl Into<String>, value: impl Into<String>) -> Self {
        self.details.push(Detail {
            label: label.into(),
            value: value.into(),
        });
        self
    }
}

impl From<Vec<Span>> for Item {
    fn from(title: Vec<Span>) -> Self {
        Item::new(title)
    }
}

/// "Label: value". The value may run to several lines (a note).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub label: String,
    pub value: String,
}

/// A section's score on the summary: a table row in a report, a bar on
/// the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    pub section: String,
    /// None when nothing in the section was answered: no score, not 0%.
    pub percent: Option<u8>,
    pub answered: usize,
    pub total: usize,
    /// Which way the score is good news, in words.
    pub reading: String,
}

impl Score {
    pub const HEADERS: [&'static str; 4] = ["Section", "Score", "Answered", "Reading it"];

    /// The score as the cells of a table row, under [`Score::HEADERS`].
    pub fn cells(&self) -> Vec<String> {
        vec![
            self.section.clone(),
            super::words::percent(self.percent),
            format!("{} of {}", self.answered, self.total),
            self.reading.clone(),
        ]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 1 is the title, 2 a part, 3 a part within it.
    Heading(u8, String),
    Paragraph(Tone, Vec<Span>),
    /// A remark set apart from the body, such as what scores mean.
    Aside(String),
    List(Vec<Item>),
    /// Labelled lines that stand on their own ("Goal: …").
    Details(Vec<Detail>),
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Scores(Vec<Score>),
    /// Questions to sit with, each set in quotation marks.
    Prompts(Vec<String>),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn heading(&mut self, level: u8, title: impl Into<String>) {
        self.blocks.push(Block::Heading(level, title.into()));
    }

    pub fn paragraph(&mut self, spans: Vec<Span>) {
        self.blocks.push(Block::Paragraph(Tone::Plain, spans));
    }

    pub fn line(&mut self, line: impl Into<String>) {
        self.paragraph(vec![text(line)]);
    }

    pub fn muted(&mut self, spans: Vec<Span>) {
        self.blocks.push(Block::Paragraph(Tone::Muted, spans));
    }

    pub fn muted_line(&mut self, line: impl Into<String>) {
        self.muted(vec![text(line)]);
    }

    pub fn warning(&mut self, line: impl Into<String>) {
        self.blocks
            .push(Block::Paragraph(Tone::Warning, vec![text(line)]));
    }

    pub fn aside(&mut self, remark: impl Into<String>) {
        self.blocks.push(Block::Aside(remark.into()));
    }

    pub fn list(&mut self, items: Vec<impl Into<Item>>) {
        self.blocks
            .push(Block::List(items.into_iter().map(Into::into).collect()));
    }

    pub fn details<L: Into<String>, V: Into<String>>(
        &mut self,
        details: impl IntoIterator<Item = (L, V)>,
    ) {
        let details = details
            .into_iter()
            .map(|(label, value)| Detail {
                label: label.into(),
                value: value.into(),
            })
            .collect();
        self.blocks.push(Block::Details(details));
    }

    pub fn table(&mut self, headers: &[&str], rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            headers: headers.iter().map(|header| header.to_string()).collect(),
            rows,
        });
    }

    pub fn scores(&mut self, scores: Vec<Score>) {
        self.blocks.push(Block::Scores(scores));
    }

    pub fn prompts(&mut self, prompts: &[String]) {
        self.blocks.push(Block::Prompts(prompts.to_vec()));
    }
}
