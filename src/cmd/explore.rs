//! `storyx [PATH...]`: load the stories and open the explorer on them
//! (`--story ID` opens one, `--item ID` also selects an item in it). The
//! configuration (theme, keys, default paths) is read first, its problems told
//! on standard error and in the explorer; the reading state is restored unless
//! `--story` or `--no-state` is given, and saved at the end.

use std::path::Path;
use std::sync::Arc;

use crate::app::State;
use crate::cli::ExploreArgs;
use crate::host::Explorer;
use crate::reading::{self, Reading};
use crate::sanitize::sanitize_line;
use crate::story::load::load_paths;
use crate::story::Diagnostic;
use crate::{config, term, ui};

/// `file:line:col: warning: message`, as the problems screen shows it.
fn told(d: &Diagnostic) -> String {
    format!(
        "{}: {}: {}",
        ui::problems::place(d),
        d.severity,
        sanitize_line(&d.message_with_path())
    )
}

pub fn run(args: ExploreArgs) -> u8 {
    if !term::is_terminal() {
        eprintln!(
            "storyx: the explorer needs a terminal; to print a story use `storyx show ID`, to list the stories `storyx list`"
        );
        return 2;
    }
    let (config, config_problems) = config::load(args.config.as_deref());
    for d in &config_problems {
        eprintln!("storyx: {}", told(d));
    }
    // The event loop runs on this thread: the theme and keys are put in force here.
    config.apply();

    let paths = if args.load.paths.is_empty() {
        config.paths.clone()
    } else {
        args.load.paths.clone()
    };
    let bundled = paths.is_empty() && !Path::new("stories").is_dir();
    let opts = super::load_options(&args.load);
    let load: crate::host::watch::Load = {
        let (paths, problems) = (paths.clone(), config_problems.clone());
        Arc::new(move || {
            let mut corpus = load_paths(&paths, &opts);
            corpus.diagnostics.extend(problems.iter().cloned());
            corpus
        })
    };
    let mut state = State::new(load());

    let reading = if args.no_state {
        None
    } else {
        Reading::for_corpus(&paths, bundled)
    };
    let entry = reading.as_ref().map(Reading::load).unwrap_or_default();
    state.reviewed = entry.reviewed.clone();
    if let Some(id) = &args.story {
        if state.open_story_id(id).is_err() {
            eprintln!(
                "{}",
                sanitize_line(&super::show::unknown_story(&state.corpus, id))
            );
            return 1;
        }
        if let Some(item) = &args.item {
            if let Err(e) = state.select_item_id(item) {
                eprintln!("storyx: {}", sanitize_line(&e));
                return 1;
            }
        }
    } else if let Some(place) = &entry.place {
        reading::restore(&mut state, place);
    }
    if let Some(first) = config_problems.first() {
        let more = match config_problems.len() {
            1 => String::new(),
            n => format!(" (and {} more; ! lists them)", n - 1),
        };
        state.message = Some(format!("{}{more}", told(first)));
    }
    ui::theme::set_color(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()));

    let mut host = Explorer::new(load, &paths, bundled, reading);
    if let (Some(e), None) = (host.watch_error(), &state.message) {
        state.message = Some(format!(
            "Live reload is off ({}); r reloads",
            sanitize_line(e)
        ));
    }
    let result = term::run_with(&mut state, &mut host);
    if let Err(e) = host.save(&state) {
        eprintln!("storyx: {}", sanitize_line(&e));
    }
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("storyx: the terminal failed: {e}");
            1
        }
    }
}
