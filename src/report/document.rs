//! A report as a few kinds of block, so one builder serves two renderings:
//! Markdown for a coach to send, plain text for a terminal or a screen
//! reader. Blocks hold raw text; only the renderers escape and sanitise it,
//! so no builder can forget to.

/// A piece of a line: ordinary text, or text that stands out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Strong(String),
}

pub fn text(text: impl Into<String>) -> Span {
    Span::Text(text.into())
}

pub fn strong(text: impl Into<String>) -> Span {
    Span::Strong(text.into())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 1 is the title, 2 a part, 3 a part within it.
    Heading(u8, String),
    Paragraph(Vec<Span>),
    /// A remark set apart from the body, such as what scores mean.
    Aside(String),
    List(Vec<Vec<Span>>),
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
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
        self.blocks.push(Block::Paragraph(spans));
    }

    pub fn line(&mut self, line: impl Into<String>) {
        self.paragraph(vec![text(line)]);
    }

    pub fn aside(&mut self, remark: impl Into<String>) {
        self.blocks.push(Block::Aside(remark.into()));
    }

    pub fn list(&mut self, items: Vec<Vec<Span>>) {
        self.blocks.push(Block::List(items));
    }

    pub fn table(&mut self, headers: &[&str], rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            headers: headers.iter().map(|header| header.to_string()).collect(),
            rows,
        });
    }
}
