//! `storyx completions SHELL` (a completion script) and `storyx man` (the manual page, roff),
//! both generated from the clap definitions in [`crate::cli`].

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::roff::{bold, roman, Roff};

use crate::cli::Cli;

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> u8 {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "storyx", &mut out);
    super::print_out(&out)
}

/// Prints the manual page: storyx(1), with every subcommand.
pub fn man() -> u8 {
    let mut out = Vec::new();
    if let Err(e) = man_page(&mut out) {
        eprintln!("storyx: cannot render the manual page: {e}");
        return 2;
    }
    super::print_out(&out)
}

/// storyx(1) in roff: the main page, then a section per subcommand with its options and examples.
pub fn man_page(out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut cmd = Cli::command();
    // Names the subcommands `storyx-check` (title) and `storyx check` (synopsis).
    cmd.build();
    clap_mangen::Man::new(cmd.clone()).render(out)?;
    environment().to_writer(out)?;
    let source = format!("storyx {}", env!("CARGO_PKG_VERSION"));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        clap_mangen::Man::new(sub.clone())
            .source(source.clone())
            .render(out)?;
    }
    Ok(())
}

/// The ENVIRONMENT section of storyx(1).
fn environment() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, text) in [
        (
            crate::logging::ENV,
            "A file to append debug logs to. Unset or empty: no logs. Logs never go to the terminal.",
        ),
        (
            "NO_COLOR",
            "When set and not empty, command-line output has no colour (unless --color always).",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(text)]);
    }
    roff
}
