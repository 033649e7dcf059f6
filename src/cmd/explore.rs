//! `storyx [PATH...]`: load the stories and open the explorer on them
//! (`--story ID` opens one, `--item ID` also selects an item in it).

use crate::app::State;
use crate::cli::ExploreArgs;
use crate::sanitize::sanitize_line;
use crate::{term, ui};

pub fn run(args: ExploreArgs) -> u8 {
    if !term::is_terminal() {
        eprintln!(
            "storyx: the explorer needs a terminal; to print a story use `storyx show ID`, to list the stories `storyx list`"
        );
        return 2;
    }
    let corpus = super::load(&args.load);
    let mut state = State::new(corpus);
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
    }
    ui::theme::set_color(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()));
    match term::run(state) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("storyx: the terminal failed: {e}");
            1
        }
    }
}
