//! `storyx draft`: a story file drafted from a news article (text, Markdown or HTML).

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

pub use crate::cli::DraftArgs;
use crate::cli::LoadArgs;
use crate::draft::{self, Known, Options};
use crate::sanitize::sanitize_line;

/// Largest article read, in bytes.
const MAX_ARTICLE: u64 = 16 * 1024 * 1024;

pub const USAGE: &str = "storyx draft: give an article to draft a story from:\n  \
storyx draft article.txt > story.yaml\n  \
storyx draft article.html -o story.yaml --date 2025-11-14 --outlet Reuters\n  \
curl -s URL | storyx draft - --url URL > story.yaml\n\
(see `storyx draft --help`)";

/// Reads the article: a file, or standard input for `-` or nothing.
fn read_article(path: Option<&PathBuf>) -> Result<(String, Option<String>), String> {
    let mut bytes = Vec::new();
    match path.filter(|p| p.as_os_str() != "-") {
        Some(p) => {
            let f = std::fs::File::open(p)
                .map_err(|e| format!("storyx draft: cannot read {}: {e}", p.display()))?;
            f.take(MAX_ARTICLE + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("storyx draft: cannot read {}: {e}", p.display()))?;
        }
        None => {
            std::io::stdin()
                .lock()
                .take(MAX_ARTICLE + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("storyx draft: cannot read standard input: {e}"))?;
        }
    }
    let name = path
        .filter(|p| p.as_os_str() != "-")
        .map(|p| p.display().to_string());
    let shown = name.clone().unwrap_or_else(|| "<stdin>".into());
    if bytes.len() as u64 > MAX_ARTICLE {
        return Err(format!(
            "storyx draft: {shown}: larger than {} MiB; not read",
            MAX_ARTICLE / 1024 / 1024
        ));
    }
    // An HTML page may be in another encoding; invalid bytes become U+FFFD.
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    Ok((text, name))
}

/// The options for the engine: the command line, and the known entities of `--corpus`.
pub fn options(args: &DraftArgs, file_name: Option<String>) -> Result<Options, String> {
    if let Some(id) = &args.id {
        if draft::names::kebab(id, "") != *id {
            return Err(format!(
                "storyx draft: --id {}: an id is kebab-case (lower-case letters and digits joined by `-`), e.g. `{}`",
                sanitize_line(id),
                draft::names::kebab(id, "draft")
            ));
        }
    }
    if let Some(d) = &args.date {
        if crate::story::PartialDate::parse(d).is_err() {
            return Err(format!(
                "storyx draft: --date {}: not a date; write 2025-11-14, 2025-11 or 2025",
                sanitize_line(d)
            ));
        }
    }
    if let Some(u) = &args.url {
        if !(u.starts_with("http://") || u.starts_with("https://")) {
            return Err(format!(
                "storyx draft: --url {}: a URL starts with http:// or https://",
                sanitize_line(u)
            ));
        }
    }
    let mut opts = Options {
        file_name,
        id: args.id.clone(),
        title: args.title.clone(),
        date: args.date.clone(),
        url: args.url.clone(),
        outlet: args.outlet.clone(),
        ..Options::default()
    };
    if !args.corpus.is_empty() {
        let load = LoadArgs {
            paths: args.corpus.clone(),
            max_file_size: 16,
            no_cache: false,
        };
        let corpus = super::load(&load);
        super::note_failures(&corpus);
        for s in &corpus.stories {
            opts.taken_ids.push(s.id.to_string());
            for p in &s.parties {
                opts.taken_ids.push(p.id.to_string());
                opts.known.push(Known {
                    id: p.id.to_string(),
                    name: p.name.to_string(),
                    aliases: p.aliases.iter().map(|a| a.to_string()).collect(),
                    kind: Some(p.kind),
                    analyst: false,
                });
            }
            for a in &s.analysts {
                opts.taken_ids.push(a.id.to_string());
                opts.known.push(Known {
                    id: a.id.to_string(),
                    name: a.name.to_string(),
                    aliases: Vec::new(),
                    kind: None,
                    analyst: true,
                });
            }
        }
        opts.taken_ids.sort();
        opts.taken_ids.dedup();
    }
    Ok(opts)
}

/// The drafted story's id and YAML for the command line's article.
pub fn draft_text(args: &DraftArgs) -> Result<(String, String), String> {
    let (text, name) = read_article(args.article.as_ref())?;
    let mut opts = options(args, name)?;
    // A story id the corpus already has would be a duplicate.
    let d = draft::draft(&text, &opts);
    if opts.taken_ids.contains(&d.id) && args.id.is_none() {
        let mut k = 2;
        while opts.taken_ids.contains(&format!("{}-{k}", d.id)) {
            k += 1;
        }
        let id = format!("{}-{k}", d.id);
        opts.id = Some(id.clone());
        return Ok((id, draft::draft_yaml(&text, &opts)));
    }
    Ok((d.id.clone(), draft::write::yaml(&d)))
}

pub fn run(args: &DraftArgs) -> u8 {
    if args.article.is_none() && std::io::stdin().is_terminal() {
        eprintln!("{USAGE}");
        return 2;
    }
    let (id, yaml) = match draft_text(args) {
        Ok(y) => y,
        Err(e) => {
            eprintln!("{}", sanitize_line(&e));
            return 2;
        }
    };
    if args.open {
        // The explorer on the draft, read as if from standard input; nothing written.
        crate::story::discover::provide_stdin("<draft>", yaml);
        return super::explore::run(crate::cli::ExploreArgs {
            load: LoadArgs {
                paths: vec![PathBuf::from("-")],
                max_file_size: 16,
                no_cache: true,
            },
            story: Some(id),
            no_state: true,
            ..crate::cli::ExploreArgs::default()
        });
    }
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            // storyx never overwrites a file.
            let file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path);
            match file.and_then(|mut f| f.write_all(yaml.as_bytes()).and_then(|()| f.flush())) {
                Ok(()) => {
                    eprintln!(
                        "storyx draft: wrote {}",
                        sanitize_line(&path.display().to_string())
                    );
                    0
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    eprintln!(
                        "storyx draft: {} already exists; storyx does not overwrite files (choose another name, or redirect: storyx draft ... > {})",
                        sanitize_line(&path.display().to_string()),
                        sanitize_line(&path.display().to_string())
                    );
                    2
                }
                Err(e) => {
                    eprintln!(
                        "storyx draft: cannot write {}: {e}",
                        sanitize_line(&path.display().to_string())
                    );
                    2
                }
            }
        }
        _ => super::print_out(yaml.as_bytes()),
    }
}
