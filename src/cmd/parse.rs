//! `annals parse`: tags, lemmas and a dependency parse as CoNLL-U.

use std::io::Write;

use annals::text::{conllu, Model};
use annals::Error;

/// Arguments of `annals parse`.
#[derive(clap::Args)]
pub struct Args {
    /// The text to parse: a file, or `-` (the default) for standard input.
    #[arg(default_value = "-")]
    pub file: String,
    /// Read the file as CoNLL-U and re-annotate its words, keeping its
    /// sentences and tokens (to score against a treebank).
    #[arg(long)]
    pub conllu: bool,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<u8, Error> {
    let text = super::read_text(&args.file)?;
    let model = Model::shipped();
    if args.conllu {
        let mut sentences = conllu::parse(&text, &args.file)?;
        for s in &mut sentences {
            model.annotate(&mut s.words);
        }
        out.write_all(conllu::write(&sentences).as_bytes())
            .map_err(|e| Error::io("<stdout>", e))?;
    } else {
        conllu::write_parsed(&text, model, out).map_err(|e| Error::io("<stdout>", e))?;
    }
    Ok(0)
}
