//! The command line: clap definitions of every subcommand and flag, with help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "storyx",
    version,
    about = "Explore news stories in the terminal: timeline, parties, analysts, quotes and claims",
    long_about = "Explore news stories in the terminal: the timeline, the parties and where each stands, \
the analysts and what each said, the claims and who disputes them.\n\n\
With no subcommand, opens the explorer on PATH (files or folders of .yaml/.yml story files; \
default ./stories if it exists, else the stories bundled into storyx). \
A folder named like a subcommand is given as ./check.",
    after_help = "Examples:\n  storyx                      open the explorer on ./stories (or the bundled stories)\n  storyx ~/news --story alibaba-military-allegations\n  storyx check stories/\n  storyx search \"fisher complicit\"",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub explore: ExploreArgs,
}

#[derive(Debug, Args, Default)]
pub struct LoadArgs {
    /// Story files or folders (recursive; .yaml/.yml only). Default: ./stories, else the bundled stories.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Largest story file read, in MiB; bigger files are reported, not read.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_file_size: u64,
}

#[derive(Debug, Args, Default)]
pub struct ExploreArgs {
    #[command(flatten)]
    pub load: LoadArgs,

    /// Open this story directly.
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,

    /// Also select this item (party, analyst, quote, claim, event or source id) in its pane.
    #[arg(long, value_name = "ID", requires = "story")]
    pub item: Option<String>,

    /// Read the configuration from this file (default: $STORYX_CONFIG, else
    /// $XDG_CONFIG_HOME/storyx/config.toml).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Neither restore nor remember the last story, pane and selection or the
    /// reviewed marks.
    #[arg(long)]
    pub no_state: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// The source line with the spot marked (default on a terminal).
    Pretty,
    /// One line per problem: FILE:LINE:COL: error: MESSAGE (default otherwise).
    Short,
    /// A JSON array of {file, line, column, severity, path, message}.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Plain text for reading or piping.
    Text,
    /// The story as a JSON object.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ItemKind {
    Quote,
    Party,
    Analyst,
    Event,
    Claim,
    Source,
    Story,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check story files and report every problem with its place.
    #[command(
        after_help = "Examples:\n  storyx check stories/\n  storyx check --format short a.yaml b.yaml\n\n\
Exit code: 0 no errors (warnings allowed), 1 errors in some file, 2 a usage or I/O problem."
    )]
    Check {
        #[command(flatten)]
        load: LoadArgs,
        /// Output format. Default: pretty on a terminal, short otherwise.
        #[arg(long, value_enum)]
        format: Option<CheckFormat>,
    },
    /// Print one story for reading or piping.
    #[command(
        after_help = "Examples:\n  storyx show alibaba-military-allegations\n  storyx show alibaba-military-allegations --json | jq .claims"
    )]
    Show {
        /// The story id.
        id: String,
        #[command(flatten)]
        load: LoadArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Same as --format json.
        #[arg(long)]
        json: bool,
    },
    /// List the loaded stories: id, date, title, file.
    #[command(after_help = "Examples:\n  storyx list\n  storyx list ~/news --json")]
    List {
        #[command(flatten)]
        load: LoadArgs,
        /// Print a JSON array of {id, date, title, file}.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-search every quote, party, analyst, event, claim, source and story.
    #[command(
        after_help = "Examples:\n  storyx search \"fisher complicit\"\n  storyx search alibaba --kind quote --json"
    )]
    Search {
        /// What to look for; every word must match.
        query: String,
        #[command(flatten)]
        load: LoadArgs,
        /// Only items of this kind.
        #[arg(long, value_enum)]
        kind: Option<ItemKind>,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print a JSON array, best first.
        #[arg(long)]
        json: bool,
    },
    /// Everything one party or analyst said and did, across every story.
    #[command(
        after_help = "QUERY is an id or a name (accent- and case-insensitive): an exact id wins, then names \
containing every word, then fuzzy matches. Several candidates are listed and exit 1.\n\n\
Examples:\n  storyx who richard-fisher\n  storyx who \"gordon chang\" ~/news --json"
    )]
    Who {
        /// An id or a name.
        query: String,
        #[command(flatten)]
        load: LoadArgs,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}
