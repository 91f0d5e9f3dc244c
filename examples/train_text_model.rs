//! Trains the text model (tagger, lemmatizer, parser) on a CoNLL-U treebank.
//!
//! ```sh
//! cargo run --release --example train_text_model -- \
//!     ../shared/data/ud/en_ewt-ud-train.conllu ../shared/data/ud/en_ewt-ud-dev.conllu src/text/en_ewt.model
//! ```
use std::process::ExitCode;

use annals::text::{conllu, Model, TrainOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train, dev, out] = args.as_slice() else {
        eprintln!("usage: train_text_model TRAIN.conllu DEV.conllu OUT.model");
        return ExitCode::from(2);
    };
    let load = |path: &str| -> Result<Vec<conllu::TreebankSentence>, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        conllu::parse(&text, path).map_err(|e| e.to_string())
    };
    let (train, dev) = match (load(train), load(dev)) {
        (Ok(t), Ok(d)) => (t, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let start = std::time::Instant::now();
    let options = TrainOptions::default();
    let model = match Model::train(&train, &dev, options, |line| {
        eprintln!("[{:>6.1}s] {line}", start.elapsed().as_secs_f64())
    }) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(out, model.to_bytes()) {
        eprintln!("{out}: {e}");
        return ExitCode::from(2);
    }
    eprintln!("wrote {out} in {:.1}s", start.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}
