//! The storyx binary: parse arguments and dispatch; nothing else.

#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

use std::process::ExitCode;

use storyx::cli::{Cli, Command};

/// mimalloc: loading allocates and frees many small strings on several threads at
/// once, where it is markedly faster than the system allocator (issue 6).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: how long (ms) freed memory is kept before it
/// goes back to the system. At 10 ms (not mimalloc's 1000) the peak memory stays
/// near what is live (parsing frees as much as it keeps); at 0 every free pays a
/// system call.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    storyx::term::mark_start();
    // SAFETY: sets a plain option of the allocator, before any thread is started.
    // The one audited unsafe of storyx's own code (Cargo.toml denies it elsewhere).
    #[allow(unsafe_code)]
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10)
    };
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
        Some(Command::Claim { query, load, json }) => storyx::cmd::claim::run(&query, &load, json),
        Some(Command::Diff { paths, rev, out }) => {
            storyx::cmd::diff::run(&paths, rev.as_deref(), out.format(), out.max_file_size)
        }
        Some(Command::Log { id, paths, out }) => {
            storyx::cmd::log::run(&id, &paths, out.format(), out.max_file_size)
        }
        Some(Command::Draft { args }) => storyx::cmd::draft::run(&args),
        Some(Command::Schema) => storyx::cmd::schema::run(),
        Some(Command::Lsp) => storyx::cmd::lsp::run(),
        Some(Command::Completions { shell }) => storyx::cmd::completions::completions(shell),
        Some(Command::Man) => storyx::cmd::completions::man(),
    };
    tracing::debug!(code, "storyx exits");
    ExitCode::from(code)
}
