//! Which way a person's answers lean: towards holding on to work, or
//! towards handing it off without enough support. A reflection of what
//! they answered, never a judgement of them, worked out by a rule simple
//! enough to say in one sentence on the summary (`report::words` has it):
//! the placement, if off the middle, and each driver, symptom or
//! aggravator rated high whose content says which side it points to count
//! once each; the answers lean one way when at least two point that way
//! and no more than half as many point the other.

use crate::content::{Leans, SectionKind, Workbook};

use super::model::Assessment;
use super::summary::{Notable, notable};

/// The fewest answers that must point one way before anything is said.
const AT_LEAST: usize = 2;

/// An answer that points to one side of the gap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pointer {
    /// The placement rating, off the middle of its scale.
    Placement(u8),
    /// A driver, symptom or aggravator rated high whose content says which
    /// side a high rating points to.
    Answer(Notable),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Towards {
    HoldingOn,
    LettingGo,
    /// Answers point both ways, neither clearly more.
    BothWays,
    /// Fewer than two answers point either way.
    TooFewToSay,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leaning {
    pub towards: Towards,
    pub holding_on: Vec<Pointer>,
    pub letting_go: Vec<Pointer>,
}

/// Readiness is left out on purpose: "they are not ready" is as often the
/// reason a leader holds on as the sign that work went to someone too soon,
/// so on its own it points neither way. Items marked `either`, or without
/// `leans`, are left out for the same reason.
pub fn leaning(workbook: &Workbook, assessment: &Assessment) -> Leaning {
    let mut holding_on = Vec::new();
    let mut letting_go = Vec::new();
    let scale = &workbook.gap.placement_scale;
    if let Some(rating) = assessment.placement.rating.filter(|r| *r <= scale.max()) {
        // The scale runs from holding on (0) to letting go (its top); the
        // middle, when it has one, is "about right" and points nowhere.
        let (twice, top) = (u16::from(rating) * 2, u16::from(scale.max()));
        if twice < top {
            holding_on.push(Pointer::Placement(rating));
        } else if twice > top {
            letting_go.push(Pointer::Placement(rating));
        }
    }
    for kind in [
        SectionKind::Drivers,
        SectionKind::Symptoms,
        SectionKind::Aggravators,
    ] {
        let section = workbook.section(kind);
        for found in notable(section, assessment) {
            let leans = section.item(&found.item).and_then(|item| item.leans);
            match leans {
                Some(Leans::HoldingOn) => holding_on.push(Pointer::Answer(found)),
                Some(Leans::LettingGo) => letting_go.push(Pointer::Answer(found)),
                Some(Leans::Either) | None => {}
            }
        }
    }
    let leads =
        |one: &[Pointer], other: &[Pointer]| one.len() >= AT_LEAST && other.len() * 2 <= one.len();
    let towards = if leads(&holding_on, &letting_go) {
        Towards::HoldingOn
    } else if leads(&letting_go, &holding_on) {
        Towards::LettingGo
    } else if holding_on.len().max(letting_go.len()) >= AT_LEAST {
        Towards::BothWays
    } else {
        Towards::TooFewToSay
    };
    Leaning {
        towards,
        holding_on,
        letting_go,
    }
}
