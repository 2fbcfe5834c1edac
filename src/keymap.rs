//! Every key handoff answers to, declared once. The footer hints and the `?`
//! help are generated from this table, so they can never drift from what
//! the keys really do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. A screen names the contexts active right now,
/// most specific first; `Global` always comes last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Global,
    People,
    Home,
    /// A draft is highlighted on a person's page.
    Draft,
    /// Any worksheet of an assessment in progress.
    Sheet,
    Rated,
    Form,
    Tasks,
    Commitments,
    /// The team sheet, whichever part of it is open.
    Team,
    /// The list of people on the team sheet.
    TeamPeople,
    /// A grid of the team sheet (ratings, skills, decisions): arrows move
    /// between cells.
    Grid,
    /// A cell of a grid that takes a number.
    NumberCell,
    /// A grid whose rows can be added and removed (skills, decisions).
    GridRows,
    /// A cell of the decision rights that takes R, A, C or I.
    LetterCell,
    /// The team map drawn, with a line per person beside it.
    TeamMap,
    /// A task's "to whom", when there is a team to pick from.
    PickPerson,
    Summary,
    Reference,
    /// A text field is being edited: only these keys are taken from it;
    /// every other key is typed. One of the two below comes first.
    Editing,
    /// Typing in a one-line field: Enter finishes it.
    EditingLine,
    /// Typing in a text of several lines (a note): Enter starts a new line.
    EditingText,
    /// A form's highlighted field holds text: Enter starts typing in it.
    TextField,
    /// A form's highlighted field is a choice among a few words.
    Choice,
    Confirm,
    /// A short list to pick from, such as the worksheet list.
    Picker,
    /// A person's list of completed assessments.
    History,
    /// A read-only page that scrolls: a comparison, a trend.
    Page,
    /// Typing a new person's name: Enter adds them, Esc adds no one.
    Naming,
    /// A completed assessment, shown read-only: keys that would change an
    /// answer are not offered (and refused if pressed).
    ReadOnly,
    /// The terminal is smaller than the workbook can be drawn in: nothing
    /// on it can be seen, so nothing on it may change.
    TooSmall,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    NextField,
    PrevField,
    Select,
    Rate(u8),
    ClearRating,
    EditNote,
    ToggleExplanation,
    NextSheet,
    PrevSheet,
    SheetList,
    Reference,
    Add,
    Delete,
    ToggleMode,
    Complete,
    Mark,
    Compare,
    Trend,
    FinishEditing,
    CancelEditing,
    /// Enter while typing a note: a new line in the text.
    NewLine,
    /// A digit in the worksheet list: go to the worksheet of that number.
    Jump(u8),
    /// Another part of the team sheet.
    NextPart,
    PrevPart,
    /// A letter of the decision rights (R, A, C or I) in a cell.
    Letter(char),
    /// Every recommended step on the summary, or the first few again.
    ShowAll,
    /// Take the mode the team map suggests for a task.
    AcceptSuggestion,
    Yes,
    No,
}

impl Action {
    /// Whether the action changes an answer (or starts to), in the
    /// worksheets where it is offered. In the forms Enter starts editing
    /// and ←/→ change a choice; in a rated sheet they change the rating.
    pub fn changes_answers(self) -> bool {
        matches!(
            self,
            Action::Rate(_)
                | Action::ClearRating
                | Action::EditNote
                | Action::Left
                | Action::Right
                | Action::Select
                | Action::NewLine
                | Action::Add
                | Action::Delete
                | Action::ToggleMode
                | Action::Complete
                | Action::Letter(_)
                | Action::AcceptSuggestion
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    /// Any digit; the action receives its value.
    Digit,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Enter,
    Esc,
    Tab,
    BackTab,
    Delete,
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match (self, event.code) {
            (Key::Ctrl(wanted), KeyCode::Char(c)) => ctrl && c.eq_ignore_ascii_case(&wanted),
            (_, _) if ctrl => false,
            (Key::Char(wanted), KeyCode::Char(c)) => c == wanted,
            (Key::Digit, KeyCode::Char(c)) => c.is_ascii_digit(),
            (Key::Up, KeyCode::Up)
            | (Key::Down, KeyCode::Down)
            | (Key::Left, KeyCode::Left)
            | (Key::Right, KeyCode::Right)
            | (Key::PageUp, KeyCode::PageUp)
            | (Key::PageDown, KeyCode::PageDown)
            | (Key::Enter, KeyCode::Enter)
            | (Key::Esc, KeyCode::Esc)
            | (Key::Tab, KeyCode::Tab)
            | (Key::BackTab, KeyCode::BackTab)
            | (Key::Delete, KeyCode::Delete) => true,
            _ => false,
        }
    }

    /// The label, with the digits narrowed to a rating scale's when the
    /// key rates an item (see [`Binding::keys_label`]).
    pub fn label_on_scale(self, scale_top: Option<u8>) -> String {
        match (self, scale_top) {
            (Key::Digit, Some(top)) => format!("0-{top}"),
            (key, _) => key.label(),
        }
    }

    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Digit => "0-9".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Delete => "Del".into(),
        }
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// A word or two for the footer; empty keeps it out of the footer.
    pub hint: &'static str,
    /// The sentence shown in `?` help.
    pub help: &'static str,
}

impl Binding {
    /// The keys as shown to people: "↑/k". On a rated item `scale_top`
    /// is its scale's highest point, so the digits offered are the ones
    /// that rate ("0-4", not "0-9").
    pub fn keys_label(&self, scale_top: Option<u8>) -> String {
        self.keys
            .iter()
            .map(|key| key.label_on_scale(scale_top))
            .collect::<Vec<_>>()
            .join("/")
    }
}

use Action as A;
use Context as C;
use Key as K;

macro_rules! bind {
    ($context:expr, [$($key:expr),+], $action:expr, $hint:expr, $help:expr) => {
        Binding { context: $context, keys: &[$($key),+], action: $action, hint: $hint, help: $help }
    };
}

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // Editing a text field: the editor takes every other key.
    bind!(C::Naming,      [K::Enter],                   A::FinishEditing,     "add",           "Add the person with this name"),
    bind!(C::Naming,      [K::Esc],                     A::CancelEditing,     "cancel",        "Close the box without adding anyone"),
    bind!(C::Naming,      [K::Ctrl('c')],               A::Quit,              "",              "Quit without adding anyone"),
    bind!(C::EditingLine, [K::Enter],                   A::FinishEditing,     "done",          "Finish typing and keep the text"),
    bind!(C::EditingText, [K::Enter],                   A::NewLine,           "new line",      "Start a new line in the text"),
    bind!(C::Editing,     [K::Esc],                     A::FinishEditing,     "done",          "Finish typing and keep the text"),
    bind!(C::Editing,     [K::Ctrl('s')],               A::FinishEditing,     "",              "Finish typing and keep the text"),
    bind!(C::Editing,     [K::Tab],                     A::NextField,         "next field",    "Keep the text and go to the next field of the form"),
    bind!(C::Editing,     [K::BackTab],                 A::PrevField,         "",              "Keep the text and go to the previous field of the form"),
    bind!(C::Editing,     [K::Ctrl('c')],               A::Quit,              "",              "Quit; the text typed so far is in the draft (asks first if it could not be saved)"),
    // Questions that need a yes or no.
    bind!(C::Confirm,     [K::Char('y')],               A::Yes,               "yes",           "Yes"),
    bind!(C::Confirm,     [K::Char('n'), K::Esc],       A::No,                "no",            "No, go back"),
    // Picking from a short list.
    bind!(C::Picker,      [K::Up, K::Char('k')],        A::Up,                "",              "Move up"),
    bind!(C::Picker,      [K::Down, K::Char('j')],      A::Down,              "",              "Move down"),
    bind!(C::Picker,      [K::Digit],                   A::Jump(0),           "",              "Go to the worksheet of that number (0 for the summary)"),
    bind!(C::Picker,      [K::Enter],                   A::Select,            "go",            "Go to the highlighted worksheet"),
    bind!(C::Picker,      [K::Esc, K::Char('g')],       A::Back,              "close",         "Close the list"),
    // Choosing a person.
    bind!(C::People,      [K::Up, K::Char('k')],        A::Up,                "",              "Move up"),
    bind!(C::People,      [K::Down, K::Char('j')],      A::Down,              "",              "Move down"),
    bind!(C::People,      [K::Enter],                   A::Select,            "open",          "Open this person's workbook"),
    bind!(C::People,      [K::Char('a')],               A::Add,               "add person",    "Add a person"),
    // A person's home.
    bind!(C::Home,        [K::Up, K::Char('k')],        A::Up,                "",              "Move up"),
    bind!(C::Home,        [K::Down, K::Char('j')],      A::Down,              "",              "Move down"),
    bind!(C::Home,        [K::Enter],                   A::Select,            "choose",        "Do the highlighted thing"),
    bind!(C::Home,        [K::Esc],                     A::Back,              "people",        "Back to the list of people"),
    bind!(C::Draft,       [K::Char('d')],               A::Delete,            "discard draft", "Throw away the highlighted draft (asks first)"),
    // Rated worksheets.
    bind!(C::Rated,       [K::Up, K::Char('k')],        A::Up,                "item",          "Previous item"),
    bind!(C::Rated,       [K::Down, K::Char('j')],      A::Down,              "",              "Next item"),
    bind!(C::Rated,       [K::Digit],                   A::Rate(0),           "rate",          "Rate the item with that number"),
    bind!(C::Rated,       [K::Left, K::Char('h')],      A::Left,              "",              "Move the rating down a point"),
    bind!(C::Rated,       [K::Right, K::Char('l')],     A::Right,             "",              "Move the rating up a point"),
    bind!(C::Rated,       [K::Char('x'), K::Delete],    A::ClearRating,       "",              "Clear the rating (skip the item)"),
    bind!(C::Rated,       [K::Char('n'), K::Enter],     A::EditNote,          "note",          "Write a note on this item"),
    bind!(C::Rated,       [K::Char('e')],               A::ToggleExplanation, "explain",       "Read it all, or go back to the scale"),
    bind!(C::Rated,       [K::PageDown, K::Char(' ')],  A::PageDown,          "",              "Scroll the explanation down"),
    bind!(C::Rated,       [K::PageUp],                  A::PageUp,            "",              "Scroll the explanation up"),
    // Worksheets made of fields.
    bind!(C::Form,        [K::Up, K::Char('k')],        A::Up,                "field",         "Previous field"),
    bind!(C::Form,        [K::Down, K::Char('j')],      A::Down,              "",              "Next field"),
    bind!(C::Form,        [K::Tab],                     A::NextField,         "next field",    "Next field; after the last one, the next worksheet"),
    bind!(C::Form,        [K::BackTab],                 A::PrevField,         "",              "Previous field; before the first one, the previous worksheet"),
    bind!(C::TextField,   [K::Enter],                   A::Select,            "type",          "Start typing in this field"),
    bind!(C::Choice,      [K::Right, K::Char('l')],     A::Right,             "choose",        "Next choice"),
    bind!(C::Choice,      [K::Left, K::Char('h')],      A::Left,              "",              "Previous choice"),
    bind!(C::Choice,      [K::Enter],                   A::Select,            "",              "Next choice"),
    bind!(C::Tasks,       [K::Char('a')],               A::Add,               "add task",      "Add a task you could hand over and start typing its name"),
    bind!(C::Tasks,       [K::Char('d')],               A::Delete,            "remove",        "Remove the highlighted task"),
    bind!(C::Tasks,       [K::Char('m')],               A::ToggleMode,        "mode",          "Switch between performance and learning"),
    bind!(C::Tasks,       [K::Char('s')],               A::AcceptSuggestion,  "",              "Take the mode the team map suggests for this task's person"),
    bind!(C::PickPerson,  [K::Right, K::Char('l')],     A::Right,             "team",          "The next person on your team"),
    bind!(C::PickPerson,  [K::Left, K::Char('h')],      A::Left,              "",              "The previous person on your team"),
    bind!(C::Commitments, [K::Char('a')],               A::Add,               "add",           "Add a commitment (up to three) and start typing its first step"),
    bind!(C::Commitments, [K::Char('d')],               A::Delete,            "remove",        "Remove the highlighted commitment"),
    // The team sheet.
    bind!(C::LetterCell,  [K::Char('r'), K::Char('R')], A::Letter('R'),       "set R/A/C/I",   "R, responsible: does the work"),
    bind!(C::LetterCell,  [K::Char('a'), K::Char('A')], A::Letter('A'),       "",              "A, accountable: owns the decision; one per decision"),
    bind!(C::LetterCell,  [K::Char('c'), K::Char('C')], A::Letter('C'),       "",              "C, consulted: asked before it is made"),
    bind!(C::LetterCell,  [K::Char('i'), K::Char('I')], A::Letter('I'),       "",              "I, informed: told once it is made"),
    bind!(C::LetterCell,  [K::Char('x'), K::Delete],    A::ClearRating,       "",              "Clear the cell"),
    bind!(C::NumberCell,  [K::Digit],                   A::Rate(0),           "set",           "Set the cell to that number"),
    bind!(C::NumberCell,  [K::Char('x'), K::Delete],    A::ClearRating,       "",              "Clear the cell"),
    bind!(C::Grid,        [K::Up, K::Char('k')],        A::Up,                "",              "The cell above"),
    bind!(C::Grid,        [K::Down, K::Char('j')],      A::Down,              "",              "The cell below"),
    bind!(C::Grid,        [K::Left, K::Char('h')],      A::Left,              "cell",          "The cell to the left"),
    bind!(C::Grid,        [K::Right, K::Char('l')],     A::Right,             "",              "The cell to the right"),
    bind!(C::GridRows,    [K::Char('a')],               A::Add,               "add",           "Add a row and start typing its name"),
    bind!(C::GridRows,    [K::Char('d')],               A::Delete,            "remove",        "Remove the highlighted row (asks first)"),
    bind!(C::TeamPeople,  [K::Char('a')],               A::Add,               "add person",    "Add a person and start typing their name (up to 20)"),
    bind!(C::TeamPeople,  [K::Char('d')],               A::Delete,            "remove",        "Remove the highlighted person and their answers (asks first); someone who left is better marked gone"),
    bind!(C::TeamMap,     [K::Down, K::Char('j')],      A::Down,              "scroll",        "Scroll down"),
    bind!(C::TeamMap,     [K::Up, K::Char('k')],        A::Up,                "",              "Scroll up"),
    bind!(C::Team,        [K::Tab],                     A::NextSheet,         "next part",     "Next part of the team sheet; after the last, the next worksheet"),
    bind!(C::Team,        [K::BackTab],                 A::PrevSheet,         "",              "Previous part of the team sheet; before the first, the previous worksheet"),
    bind!(C::Team,        [K::Char(']')],               A::NextPart,          "part",          "Next part of the team sheet: people, ratings, map, skills, decisions"),
    bind!(C::Team,        [K::Char('[')],               A::PrevPart,          "",              "Previous part of the team sheet"),
    bind!(C::Summary,     [K::Up, K::Char('k')],        A::Up,                "scroll",        "Scroll up"),
    bind!(C::Summary,     [K::Down, K::Char('j')],      A::Down,              "",              "Scroll down"),
    bind!(C::Summary,     [K::PageUp],                  A::PageUp,            "",              "Scroll up a page"),
    bind!(C::Summary,     [K::PageDown, K::Char(' ')],  A::PageDown,          "",              "Scroll down a page"),
    bind!(C::Summary,     [K::Char('a')],               A::ShowAll,           "all steps",     "Every recommended step, or only the first three again"),
    bind!(C::Summary,     [K::Char('c')],               A::Complete,          "complete",      "Complete and save this assessment"),
    // Moving between worksheets.
    bind!(C::Sheet,       [K::Tab],                     A::NextSheet,         "next sheet",    "Next worksheet"),
    bind!(C::Sheet,       [K::BackTab],                 A::PrevSheet,         "",              "Previous worksheet"),
    bind!(C::Sheet,       [K::Char('g')],               A::SheetList,         "sheets",        "Jump to any worksheet"),
    bind!(C::Sheet,       [K::Char('r')],               A::Reference,         "cards",         "Open the reference cards"),
    bind!(C::ReadOnly,    [K::Esc],                     A::Back,              "back",          "Back to the history"),
    bind!(C::Sheet,       [K::Esc],                     A::Back,              "",              "Leave the assessment; it stays a draft (asks first if it could not be saved)"),
    // A person's history.
    bind!(C::History,     [K::Up, K::Char('k')],        A::Up,                "",              "Previous assessment"),
    bind!(C::History,     [K::Down, K::Char('j')],      A::Down,              "",              "Next assessment"),
    bind!(C::History,     [K::PageDown],                A::PageDown,          "",              "Ten assessments further back"),
    bind!(C::History,     [K::PageUp],                  A::PageUp,            "",              "Ten assessments more recent"),
    bind!(C::History,     [K::Enter],                   A::Select,            "open",          "Read the highlighted assessment"),
    bind!(C::History,     [K::Char(' ')],               A::Mark,              "mark",          "Mark an assessment to compare with"),
    bind!(C::History,     [K::Char('c')],               A::Compare,           "compare",       "Compare the highlighted assessment with the marked one (or the one before it)"),
    bind!(C::History,     [K::Char('t')],               A::Trend,             "trend",         "Show each section's score over time"),
    bind!(C::History,     [K::Esc],                     A::Back,              "back",          "Back to the person's page"),
    // Read-only pages.
    bind!(C::Page,        [K::Down, K::Char('j')],      A::Down,              "scroll",        "Scroll down"),
    bind!(C::Page,        [K::Up, K::Char('k')],        A::Up,                "",              "Scroll up"),
    bind!(C::Page,        [K::PageDown, K::Char(' ')],  A::PageDown,          "",              "Scroll down a page"),
    bind!(C::Page,        [K::PageUp],                  A::PageUp,            "",              "Scroll up a page"),
    bind!(C::Page,        [K::Esc],                     A::Back,              "back",          "Back to the history"),
    // Reference cards.
    bind!(C::Reference,   [K::Up, K::Char('k')],        A::Up,                "card",          "Previous card"),
    bind!(C::Reference,   [K::Down, K::Char('j')],      A::Down,              "",              "Next card"),
    bind!(C::Reference,   [K::PageUp],                  A::PageUp,            "",              "Scroll the card up"),
    bind!(C::Reference,   [K::PageDown, K::Char(' ')],  A::PageDown,          "scroll",        "Scroll the card down"),
    bind!(C::Reference,   [K::Esc],                     A::Back,              "back",          "Close the cards"),
    // Everywhere.
    bind!(C::Global,      [K::Char('?')],               A::Help,              "help",          "Show every key of this screen"),
    bind!(C::Global,      [K::Char('q'), K::Ctrl('c')], A::Quit,              "quit",          "Quit (asks first if anything could not be saved)"),
    bind!(C::TooSmall,    [K::Char('q'), K::Ctrl('c')], A::Quit,              "quit",          "Quit (asks first if anything could not be saved)"),
];

/// The action for a key press in the given contexts, most specific first.
pub fn lookup(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    contexts.iter().find_map(|context| {
        BINDINGS
            .iter()
            .filter(|binding| binding.context == *context)
            .find(|binding| binding.keys.iter().any(|key| key.matches(event)))
            .map(|binding| {
                let digit = match event.code {
                    KeyCode::Char(c) => c.to_digit(10).unwrap_or_default() as u8,
                    _ => 0,
                };
                match binding.action {
                    Action::Rate(_) => Action::Rate(digit),
                    Action::Jump(_) => Action::Jump(digit),
                    action => action,
                }
            })
    })
}

/// The bindings in force, in the order the contexts are given, without
/// repeating an action a more specific context already took.
pub fn active(contexts: &[Context]) -> Vec<&'static Binding> {
    let read_only = contexts.contains(&Context::ReadOnly);
    let mut seen: Vec<(Action, &'static [Key])> = Vec::new();
    let mut found = Vec::new();
    for context in contexts {
        for binding in BINDINGS.iter().filter(|binding| {
            binding.context == *context && !(read_only && binding.action.changes_answers())
        }) {
            if seen
                .iter()
                .any(|(_, keys)| keys.iter().any(|key| binding.keys.contains(key)))
            {
                continue;
            }
            seen.push((binding.action, binding.keys));
            found.push(binding);
        }
    }
    found
}

/// The key that does `action` in `context`, as shown to people, for
/// messages that tell a person what to press: taken from the table, so a
/// rebound key can never leave a message wrong. Empty if nothing is bound
/// (a test checks every key a message names is bound).
pub fn key_for(context: Context, action: Action) -> String {
    let binding = BINDINGS
        .iter()
        .find(|binding| binding.context == context && binding.action == action);
    debug_assert!(binding.is_some(), "no key for {action:?} in {context:?}");
    binding.map_or_else(String::new, |binding| binding.keys[0].label())
}
