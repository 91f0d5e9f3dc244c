//! The filters `timeline` and `dot` share.

use annals::export::Filter;
use annals::model::{EventDate, Kind};

/// Which events to show.
#[derive(clap::Args)]
pub struct FilterArgs {
    /// Only events that may fall on or after this date (any store date form).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<EventDate>,
    /// Only events that may fall on or before this date.
    #[arg(long, value_parser = parse_date)]
    pub to: Option<EventDate>,
    /// Only events with this actor or target (name or ISO country code).
    #[arg(long)]
    pub actor: Option<String>,
    /// Only events of this kind (repeatable).
    #[arg(long = "kind", value_parser = parse_kind)]
    pub kinds: Vec<Kind>,
    /// Only events whose place contains this text.
    #[arg(long)]
    pub place: Option<String>,
    /// Only events with this tag (`link-end`: the purposes and unrealised
    /// effects the timeline otherwise leaves out).
    #[arg(long)]
    pub tag: Option<String>,
    /// Only the causal neighbourhood of this event.
    #[arg(long, value_name = "ID")]
    pub around: Option<String>,
    /// How many links away from `--around` to go.
    #[arg(long, default_value_t = 2, requires = "around")]
    pub depth: usize,
    /// Only events reported by at least K distinct sources.
    #[arg(long, value_name = "K", default_value_t = 0)]
    pub min_reports: usize,
    /// Of the events left, only the N most salient (corroboration,
    /// burstiness, intensity, what follows from them, date precision),
    /// shown in time order.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
}

fn parse_date(s: &str) -> Result<EventDate, String> {
    s.parse()
        .map_err(|e: annals::model::DateError| e.to_string())
}

fn parse_kind(s: &str) -> Result<Kind, annals::model::UnknownName> {
    s.parse()
}

impl FilterArgs {
    /// The library's filter; a `--from` after `--to` is a usage error.
    pub fn filter(&self) -> annals::Result<Filter> {
        if let (Some(from), Some(to)) = (&self.from, &self.to) {
            if from.earliest() > to.latest() {
                return Err(annals::Error::Usage(format!(
                    "--from {from} is after --to {to}, so no event can fall between them\n  \
                     help: swap them: --from {to} --to {from}"
                )));
            }
        }
        Ok(Filter {
            from: self.from.as_ref().map(|d| d.earliest()),
            to: self.to.as_ref().map(|d| d.latest()),
            actor: self.actor.clone(),
            kinds: self.kinds.clone(),
            place: self.place.clone(),
            tag: self.tag.clone(),
            around: self.around.clone(),
            depth: self.depth,
            min_reports: self.min_reports,
            top: self.top,
        })
    }
}
