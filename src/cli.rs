//! The command line: clap definitions of every subcommand and flag, with help text.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

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

    /// Colour in command-line output: auto = when standard output is a terminal and NO_COLOR is unset or empty.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

impl Cli {
    /// Parses the command line. A global option before a subcommand (`storyx --color never
    /// check`) would make clap read the subcommand as a PATH of the explorer; the arguments
    /// are read again with the subcommand first, so the option applies to it (or is reported
    /// as not belonging to it).
    pub fn parse_args<I, T>(args: I) -> Cli
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
        let first = Cli::try_parse_from(&args);
        if matches!(&first, Ok(cli) if cli.command.is_some()) {
            return first.unwrap_or_else(|e| e.exit());
        }
        // The first bare subcommand word, unless `--` comes before it (then it is a PATH).
        let cmd = Cli::command();
        let at = args
            .iter()
            .enumerate()
            .skip(1)
            .take_while(|(_, a)| *a != "--")
            .find(|(_, a)| {
                a.to_str()
                    .is_some_and(|a| cmd.get_subcommands().any(|s| s.get_name() == a))
            })
            .map(|(i, _)| i);
        let Some(at) = at else {
            return first.unwrap_or_else(|e| e.exit());
        };
        if let Ok(cli) = &first {
            // Read as a PATH? Then it was meant as the subcommand; else it was an option's value.
            if !cli
                .explore
                .load
                .paths
                .iter()
                .any(|p| p.as_os_str() == args[at])
            {
                return first.unwrap_or_else(|e| e.exit());
            }
        }
        let mut reordered = vec![args[0].clone(), args[at].clone()];
        reordered.extend(args[1..at].iter().cloned());
        reordered.extend(args[at + 1..].iter().cloned());
        Cli::try_parse_from(reordered).unwrap_or_else(|e| e.exit())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is unset or empty.
    #[default]
    Auto,
    /// Always colour, even into a pipe or with NO_COLOR set.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Args, Default)]
pub struct LoadArgs {
    /// Story files or folders (recursive; .yaml/.yml only), or - for one story read from standard input. Default: ./stories, else the bundled stories.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Largest story file read, in MiB; bigger files are reported, not read.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_file_size: u64,

    /// Parse every file, neither reading nor writing the parsed-corpus cache
    /// ($XDG_CACHE_HOME/storyx, else ~/.cache/storyx; safe to delete).
    #[arg(long)]
    pub no_cache: bool,
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
    /// A Markdown document: positions, the claims matrix, quotes and the timeline.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Plain text: the changed words in colour, or marked [-old-]{+new+} without colour.
    Text,
    /// A JSON array of {story, path, kind, before, after}.
    Json,
    /// A Markdown document for sharing.
    Markdown,
}

/// The command line of `storyx draft`.
#[derive(Debug, Default, Args)]
pub struct DraftArgs {
    /// The article: a .txt, .md or .html file, or - (or nothing) for standard input.
    #[arg(value_name = "ARTICLE")]
    pub article: Option<PathBuf>,
    /// Write the story to this new file (never over an existing one) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The story's id (kebab-case). Default: from the file name, else the title.
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The title. Default: the article's first heading or line.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The publication date (2025-11-14). Default: a date at the top of the article, else none.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The article's URL.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// The publication (Reuters, Voice of America, ...).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Stories whose parties and analysts lend their ids to matching speakers (repeatable).
    #[arg(long, value_name = "PATH")]
    pub corpus: Vec<PathBuf>,
    /// Open the explorer on the draft instead of writing it (nothing is written).
    #[arg(long, conflicts_with = "output")]
    pub open: bool,
}

/// How `diff` and `log` read stories and show changes.
#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Same as --format json.
    #[arg(long)]
    pub json: bool,
    /// Largest story file read, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_file_size: u64,
}

impl ChangesArgs {
    /// The format asked for (`--json` wins).
    pub fn format(&self) -> DiffFormat {
        if self.json {
            DiffFormat::Json
        } else {
            self.format
        }
    }
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
        after_help = "Examples:\n  storyx show alibaba-military-allegations\n  storyx show alibaba-military-allegations --json | jq .claims\n  storyx show alibaba-military-allegations --format markdown > alibaba.md"
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
        after_help = "Examples:\n  storyx search \"fisher complicit\"\n  storyx search alibaba --kind quote --json\n  storyx search 2001\n  storyx search disputes --kind claim\n\n\
Dates are searched as they display, stances by their word, initials (wto) as the words they start. A hit \
found in another field than its line shows gets a second line: the field and the text around the match.\n\n\
Exit code: 0 hits, 1 no hits, 2 a usage or I/O problem (it wins over the others)."
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
        /// Print a JSON array, best first; `field` and `snippet` tell what matched.
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
    /// One claim across every story that carries it: each story's status, stances, notes and quotes.
    #[command(
        after_help = "QUERY is a claim id or words of the claim's text (accent- and case-insensitive): an \
exact id wins, then claims whose text has every word, then fuzzy matches. Format-2 stories that \
give a claim the same id carry the same claim; a claim of a format-1 story stands alone. Each story \
is printed with its title, date and outlets, the claim's wording, status and source, and every \
stance with its note and the quote it cites; several stories first side by side.\n\n\
Exit code: 0 found, 1 no match or several candidates (listed), 2 a usage or I/O problem.\n\n\
Examples:\n  storyx claim memo-allegation\n  storyx claim \"military operations\" ~/news --json"
    )]
    Claim {
        /// A claim id or words of its text.
        query: String,
        #[command(flatten)]
        load: LoadArgs,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// What changed between two versions of stories: a stance changed, a quote corrected, an event added.
    #[command(
        after_help = "OLD and NEW are two story files or two folders (stories matched by id). With --rev, \
compares in the git repository of the current folder: --rev REV the work tree against REV, \
--rev REV1..REV2 two revisions; PATH narrows it (default: ./stories if it exists, else the whole folder).\n\n\
Examples:\n  storyx diff old/alibaba.yaml new/alibaba.yaml\n  storyx diff --rev HEAD~1 stories/\n  \
storyx diff --rev v1..v2 --json\n\n\
Exit code: 0 nothing changed, 1 something changed, 2 trouble (a file that cannot be read, a bad revision)."
    )]
    Diff {
        /// OLD NEW (files or folders); with --rev, the paths to compare.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// A git revision: REV (the work tree against it) or REV1..REV2.
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
        #[command(flatten)]
        out: ChangesArgs,
    },
    /// The commits that changed a story, newest first, with their changes.
    #[command(
        after_help = "Reads the git repository of the current folder (never writes to it). PATH narrows the \
search (default: ./stories if it exists, else the whole folder). Merge commits are left out: \
their changes are those of the commits merged.\n\n\
Examples:\n  storyx log alibaba-military-allegations\n  storyx log alibaba-military-allegations stories/ --json"
    )]
    Log {
        /// The story id.
        id: String,
        /// Paths in the repository.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        out: ChangesArgs,
    },
    /// Draft a story file from a news article (text, Markdown or HTML): quotes and who said
    /// them, parties and analysts, who declined to comment, sources cited, dated events.
    #[command(
        long_about = "Draft a story file (format 2) from a news article: every direct quotation and \
who said it, the people and organisations with their roles, who declined to comment or did not \
respond, the sources the article cites, and events for its dated sentences. Every drafted item \
carries an `x-draft` note with the sentence it came from and the rule that found it; claims and \
positions are left for the editor. The same article gives the same bytes.",
        after_help = "Examples:\n  storyx draft article.txt > story.yaml\n  \
storyx draft article.html -o story.yaml --date 2025-11-14 --outlet Reuters --url https://example.org/a\n  \
storyx draft article.md --corpus stories/      reuse the ids of parties already in stories/\n  \
storyx draft article.txt | storyx check -\n  \
storyx draft article.txt --open               explore the draft; nothing is written"
    )]
    Draft {
        #[command(flatten)]
        args: DraftArgs,
    },
    /// Print the JSON Schema of the story format (for editor completion and checks).
    #[command(after_help = "Examples:\n  storyx schema > storyx.schema.json\n\n\
Then start a story file with\n  # yaml-language-server: $schema=./storyx.schema.json\n\
and editors using the YAML language server complete and check its keys.")]
    Schema,
    /// Run the language server for story files (JSON-RPC over standard input and output).
    #[command(
        after_help = "Examples:\n  storyx lsp    (the editor starts it; see the README's \"Editor support\")\n\n\
Diagnostics are those of `storyx check`; completion, hover, go to definition, references, \
rename, the outline and quick fixes know every story under the editor's root folder."
    )]
    Lsp,
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  storyx completions bash > ~/.local/share/bash-completion/completions/storyx\n  \
storyx completions zsh > ~/.zfunc/_storyx\n  \
storyx completions fish > ~/.config/fish/completions/storyx.fish"
    )]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(
        after_help = "Examples:\n  storyx man | man -l -\n  storyx man > ~/.local/share/man/man1/storyx.1"
    )]
    Man,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subcommand_has_help_with_an_example() {
        let cmd = Cli::command();
        assert!(cmd.get_after_help().is_some());
        for sub in cmd.get_subcommands() {
            let after = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            assert!(
                after.contains("Examples:\n  storyx "),
                "`storyx {} --help` has no example",
                sub.get_name()
            );
            assert!(sub.get_about().is_some(), "{} has no about", sub.get_name());
        }
        cmd.debug_assert();
    }

    #[test]
    fn color_is_global_before_or_after_the_subcommand() {
        let cli = Cli::parse_args(["storyx", "--color", "never", "check", "stories/"]);
        assert_eq!(cli.color, ColorChoice::Never);
        assert!(
            matches!(&cli.command, Some(Command::Check { load, .. }) if load.paths == [PathBuf::from("stories/")]),
            "{cli:?}"
        );
        let cli = Cli::parse_args(["storyx", "check", "--color=always"]);
        assert_eq!(cli.color, ColorChoice::Always);
        assert!(matches!(cli.command, Some(Command::Check { .. })));
        let cli = Cli::parse_args(["storyx", "--color", "always", "./check"]);
        assert!(cli.command.is_none());
        assert_eq!(cli.explore.load.paths, [PathBuf::from("./check")]);
        let cli = Cli::parse_args(["storyx", "--color=never"]);
        assert!(cli.command.is_none());
        assert_eq!(cli.color, ColorChoice::Never);
        let cli = Cli::parse_args([
            "storyx", "--color", "never", "show", "x", "--format", "markdown",
        ]);
        assert!(matches!(
            cli.command,
            Some(Command::Show {
                format: ShowFormat::Markdown,
                ..
            })
        ));
        assert_eq!(cli.color, ColorChoice::Never);
        // An option's value that looks like a subcommand stays a value.
        let cli = Cli::parse_args(["storyx", "--story", "check", "a.yaml"]);
        assert!(cli.command.is_none());
        assert_eq!(cli.explore.story.as_deref(), Some("check"));
        // After `--`, a subcommand word is a PATH.
        let cli = Cli::parse_args(["storyx", "--color", "never", "--", "check"]);
        assert!(cli.command.is_none());
        assert_eq!(cli.explore.load.paths, [PathBuf::from("check")]);
    }
}
