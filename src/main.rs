//! The storyx binary: parse arguments and dispatch; nothing else.

use std::process::ExitCode;

use storyx::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse_args(std::env::args_os());
    storyx::logging::init();
    storyx::cmd::set_color(cli.color);
    tracing::debug!(command = ?cli.command, "storyx {} starting", env!("CARGO_PKG_VERSION"));
    let code = match cli.command {
        None => storyx::cmd::explore::run(cli.explore),
        Some(Command::Check { load, format }) => storyx::cmd::check::run(&load, format),
        Some(Command::Show {
            id,
            load,
            format,
            json,
        }) => storyx::cmd::show::run(&id, &load, format, json),
        Some(Command::List { load, json }) => storyx::cmd::show::list(&load, json),
        Some(Command::Search {
            query,
            load,
            kind,
            limit,
            json,
        }) => storyx::cmd::search::run(&query, &load, kind, limit, json),
        Some(Command::Who { query, load, json }) => storyx::cmd::who::run(&query, &load, json),
        Some(Command::Schema) => storyx::cmd::schema::run(),
        Some(Command::Completions { shell }) => storyx::cmd::completions::completions(shell),
        Some(Command::Man) => storyx::cmd::completions::man(),
    };
    tracing::debug!(code, "storyx exits");
    ExitCode::from(code)
}
