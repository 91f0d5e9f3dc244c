fn main() {
    let lex = annals::extract::Lexicon::shipped();
    let text = std::env::args().nth(1).unwrap();
    let a = annals::extract::Article {
        id: "x".into(),
        title: "".into(),
        published: chrono::NaiveDate::from_ymd_opt(2020, 9, 29).unwrap(),
        outlet: "".into(),
        url: "".into(),
        author: None,
        text: text.clone(),
        path: "x".into(),
    };
    let s = annals::extract::extract(&a, lex);
    for l in &s.links {
        println!("LINK {} -{}-> {}", l.from, l.relation, l.to);
    }
    for e in &s.events {
        println!(
            "{} | {} {:?} {:?} {} actors={:?} targets={:?} killed={:?} place={:?}",
            e.id,
            e.kind,
            e.mode,
            e.date.as_str(),
            e.title,
            e.actors.iter().map(|a| &a.name).collect::<Vec<_>>(),
            e.targets.iter().map(|a| &a.name).collect::<Vec<_>>(),
            e.killed,
            e.place
        );
    }
}
