//! The terminal: raw mode, the alternate screen and mouse capture on the way in,
//! all of it given back on the way out whatever happens: quit, error, panic (the
//! hook restores first, then prints the panic), SIGTERM, SIGHUP, SIGINT and
//! SIGQUIT. Ctrl-z (or SIGTSTP) suspends with the terminal restored and resumes
//! with a full redraw. While another program (the editor) has the terminal, a
//! SIGTERM or SIGHUP is passed on to it, and storyx exits once it has: the editor
//! is never left behind holding the terminal. Also the event loop: terminal
//! events → actions → update → draw.
//!
//! The window title is never set.
//!
//! What the update asks for outside the state (copy, open, edit, reload) is
//! carried out by a [`Host`]; the loop also asks it for news (changed files).

use std::io::{self, IsTerminal, Stdout, Write};
use std::process::{Command, ExitStatus};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Once, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::cursor::Show;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::effects::Effect;
use crate::app::keymap::Keymap;
use crate::app::{search, update, Action, State};
use crate::search_session::LiveSearch;
use crate::ui;
use crate::view::theme::Theme;

type Tui = Terminal<CrosstermBackend<Stdout>>;

/// How long the event loop waits for input before it looks at signals again.
const TICK: Duration = Duration::from_millis(50);

/// The same while files load in the background, so each batch shows at once.
const LOADING_TICK: Duration = Duration::from_millis(10);

/// While files load in the background, the batches that come in are drawn at
/// most once per this long (a key is answered at once): drawn as each came, a
/// load of 100,000 stories from the cache drew some 800 frames, and the event
/// loop took a core's time from the load (issue 19).
const LOADING_FRAME: Duration = Duration::from_millis(25);

/// When the process started (as near as `main` can tell).
static STARTED: OnceLock<Instant> = OnceLock::new();

/// Notes the start of the process; `main` calls it first thing.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// For measuring only (issue 6, tests/tui_tmux.rs): when `STORYX_FIRST_FRAME_FILE`
/// names a file, the milliseconds from the start of the process to the end of the
/// first frame are written to it.
fn note_first_frame() {
    if let Some(path) = std::env::var_os("STORYX_FIRST_FRAME_FILE") {
        let ms = STARTED.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0;
        let _ = std::fs::write(path, format!("{ms:.1}\n"));
    }
}

/// How long it waits while the search worker owes an answer. crossterm's poll
/// cannot be woken from another thread, and a thread reading the terminal would
/// swallow what is typed after quitting; a short wait while a query is out keeps
/// results on screen within a couple of milliseconds of being ready.
const SEARCH_TICK: Duration = Duration::from_millis(2);

/// If the event loop has not answered a termination signal after this long, the
/// signal thread restores the terminal and exits by itself.
const SIGNAL_GRACE: Duration = Duration::from_secs(2);

/// Whether the terminal is in explorer mode (so restoring has work to do).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Whether another program (the editor) has the terminal: Ctrl-c, Ctrl-\\ and
/// Ctrl-z are its, not ours.
static PAUSED: AtomicBool = AtomicBool::new(false);

/// The process id of the program that has the terminal ([`Session::run_child`]),
/// 0 when none.
static CHILD: AtomicI32 = AtomicI32::new(0);

/// A termination signal (SIGTERM, SIGHUP) that came while another program had
/// the terminal, 0 when none: passed on to it, and the explorer ends once it has
/// exited.
static ENDING: AtomicI32 = AtomicI32::new(0);

/// The termination signal that came while another program had the terminal,
/// if one did: the event loop then ends with it (the terminal is already given
/// back).
pub fn ending() -> Option<i32> {
    match ENDING.load(Ordering::SeqCst) {
        0 => None,
        sig => Some(sig),
    }
}

/// Sends `sig` to the process `pid` (the program that has the terminal).
fn forward(pid: i32, sig: i32) {
    if let (Some(pid), Some(sig)) = (
        rustix::process::Pid::from_raw(pid),
        rustix::process::Signal::from_named_raw(sig),
    ) {
        let _ = rustix::process::kill_process(pid, sig);
    }
}

/// Starts `command` and waits for it, passing on to it a termination signal
/// that comes meanwhile (or came just before it started).
fn run_in_foreground(command: &mut Command) -> io::Result<ExitStatus> {
    if ending().is_some() {
        return Err(io::Error::other("storyx is ending"));
    }
    let mut child = command.spawn()?;
    let pid = i32::try_from(child.id()).unwrap_or(0);
    CHILD.store(pid, Ordering::SeqCst);
    // A signal between the spawn and now found no child to pass it on to.
    if let Some(sig) = ending() {
        forward(pid, sig);
    }
    let status = child.wait();
    CHILD.store(0, Ordering::SeqCst);
    status
}

/// Gives the terminal back: mouse capture off, alternate screen left, cursor
/// shown, raw mode off. Does nothing when the terminal is not in explorer mode,
/// so calling it twice (panic hook, then drop) never leaves the alternate screen
/// twice, which would move the cursor back over what was printed in between.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = crossterm::execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

fn enter() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    Ok(())
}

/// Restores the terminal before the default panic message is printed, so the
/// message lands on the normal screen, readable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The terminal in explorer mode (raw, alternate screen, mouse capture), with
/// the panic hook installed; dropping it restores the terminal.
pub struct Session {
    terminal: Tui,
}

impl Session {
    pub fn start() -> io::Result<Session> {
        install_panic_hook();
        if let Err(e) = enter() {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(Session { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Ctrl-z: give the terminal back, stop until `fg`, then take it again.
    fn suspend(&mut self) -> io::Result<()> {
        restore();
        signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
        self.resume()
    }

    /// After a stop (ours or anyone's): explorer mode again and a full redraw.
    fn resume(&mut self) -> io::Result<()> {
        enter()?;
        self.terminal.clear()
    }

    /// Gives the terminal to another program (an editor) while `f` runs: the
    /// normal screen, cooked mode and the cursor back, then explorer mode
    /// again and a full redraw (unless storyx is ending: see [`ending`]).
    pub fn hand_over<T>(&mut self, f: impl FnOnce() -> T) -> io::Result<T> {
        restore();
        PAUSED.store(true, Ordering::SeqCst);
        let out = f();
        PAUSED.store(false, Ordering::SeqCst);
        if ending().is_none() {
            self.resume()?;
        }
        Ok(out)
    }

    /// Runs another program (the editor) with the terminal handed over and
    /// waits for it. A SIGTERM or SIGHUP meanwhile is passed on to it; once it
    /// has exited, the terminal stays given back and the event loop ends with
    /// that signal.
    pub fn run_child(&mut self, command: &mut Command) -> io::Result<io::Result<ExitStatus>> {
        self.hand_over(|| run_in_foreground(command))
    }

    /// The terminal's output, for escape sequences of our own (OSC 52).
    pub fn out(&mut self) -> &mut impl Write {
        self.terminal.backend_mut()
    }
}

/// Carries out what the update cannot: the I/O behind copy, open, edit and
/// reload, and news from outside (files changed on disk).
pub trait Host {
    /// Called on every tick: the news since the last call (files loaded, a
    /// reloaded corpus, a message), as actions for the update.
    fn poll(&mut self, state: &State) -> Vec<Action>;
    /// Carries out one effect; may hand the terminal over. What came of it
    /// for the reader (a failure to say) comes back as an action.
    fn perform(&mut self, effect: Effect, session: &mut Session, state: &State) -> Option<Action>;
    /// Whether files are still loading in the background (the loop then looks
    /// for them more often).
    fn loading(&self) -> bool {
        false
    }
}

/// A host that does nothing (the effects are dropped).
pub struct NoHost;

impl Host for NoHost {
    fn poll(&mut self, _: &State) -> Vec<Action> {
        Vec::new()
    }
    fn perform(&mut self, _: Effect, _: &mut Session, _: &State) -> Option<Action> {
        None
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Catches SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP and SIGCONT on a thread
/// and passes them to the event loop.
fn watch_signals() -> io::Result<Receiver<i32>> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if PAUSED.load(Ordering::SeqCst) {
                    match sig {
                        // The editor's Ctrl-c and Ctrl-\\; its SIGCONT after a stop.
                        SIGINT | SIGQUIT | SIGCONT => continue,
                        // The editor stopped the whole job: stop with it.
                        SIGTSTP => {
                            let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                            continue;
                        }
                        // SIGTERM, SIGHUP: passed on to the editor; the event loop
                        // ends once it has exited (no deadline: it is waited for).
                        _ => {
                            ENDING.store(sig, Ordering::SeqCst);
                            match CHILD.load(Ordering::SeqCst) {
                                0 => {}
                                pid => forward(pid, sig),
                            }
                            if tx.send(sig).is_err() {
                                break;
                            }
                            continue;
                        }
                    }
                }
                if tx.send(sig).is_err() {
                    break;
                }
                if matches!(sig, SIGTERM | SIGHUP | SIGINT | SIGQUIT) {
                    // A safety net should the event loop be busy: restore and leave anyway.
                    thread::spawn(move || {
                        thread::sleep(SIGNAL_GRACE);
                        restore();
                        std::process::exit(128 + sig);
                    });
                }
            }
        })?;
    Ok(rx)
}

/// The action of a mouse event: a left click or the wheel.
pub fn mouse_action(m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
            column: m.column,
            row: m.row,
        }),
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            column: m.column,
            row: m.row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            column: m.column,
            row: m.row,
            down: false,
        }),
        _ => None,
    }
}

/// The actions of any terminal event.
pub fn event_actions(keys: &Keymap, ev: &Event) -> Vec<Action> {
    match ev {
        Event::Key(k) => keys.actions_for(k),
        Event::Mouse(m) => mouse_action(m).into_iter().collect(),
        Event::Resize(w, h) => vec![Action::Resize {
            width: *w,
            height: *h,
        }],
        _ => vec![],
    }
}

/// The actions of a terminal event in this state: while a query line is open
/// (the search's, a filter's) keys edit it.
pub fn state_event_actions(state: &State, ev: &Event) -> Vec<Action> {
    match ev {
        Event::Key(k) if search::line_open(state) => state.chrome.keys.line_actions_for(k),
        _ => event_actions(&state.chrome.keys, ev),
    }
}

/// Whether standard output is a terminal the explorer can take over.
pub fn is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Tells the state the terminal's size now (after start, a resume, an editor).
fn fit_to_terminal(session: &mut Session, state: &mut State) -> io::Result<()> {
    let size = session.terminal.size()?;
    update(
        state,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    Ok(())
}

/// Runs the explorer on `state` until the user quits; returns the exit code
/// (0 on quit, 128 + the signal number on SIGTERM, SIGHUP, SIGINT, SIGQUIT).
pub fn run(mut state: State) -> io::Result<u8> {
    run_with(&mut state, &Theme::default(), &mut NoHost, Vec::new())
}

/// [`run`] with a host for the effects, on a state the caller keeps (to save
/// where the reader was). `opening`: the effects the updates before it handed
/// out (start-up's: the reviewed stories loaded, to compare), carried out first.
pub fn run_with(
    state: &mut State,
    theme: &Theme,
    host: &mut dyn Host,
    opening: Vec<Effect>,
) -> io::Result<u8> {
    let mut session = Session::start()?;
    let signals = watch_signals()?;
    fit_to_terminal(&mut session, state)?;
    let mut dirty = true;
    let mut first = true;
    let mut live = LiveSearch::new();
    // The effects the update handed out, start-up's first.
    let mut effects = opening;
    // When the last frame was drawn, and whether a key came since.
    let mut drawn = Instant::now();
    let mut keyed = false;
    loop {
        let hold = dirty && !first && !keyed && host.loading() && drawn.elapsed() < LOADING_FRAME;
        if dirty && !hold {
            session
                .terminal
                .draw(|frame| ui::draw(state, theme, frame))?;
            dirty = false;
            drawn = Instant::now();
            keyed = false;
            if first {
                first = false;
                note_first_frame();
            }
        }
        for action in host.poll(state) {
            effects.extend(update(state, action));
            dirty = true;
        }
        // What start-up and the host's news asked for (stories loaded to compare
        // with their reviewed versions), carried out now.
        while !effects.is_empty() {
            for effect in std::mem::take(&mut effects) {
                if let Some(action) = host.perform(effect, &mut session, state) {
                    effects.extend(update(state, action));
                }
            }
            dirty = true;
            if let Some(sig) = ending() {
                return Ok(128 + sig as u8);
            }
        }
        while let Ok(sig) = signals.try_recv() {
            match sig {
                SIGTSTP => session.suspend()?,
                SIGCONT => session.resume()?,
                other => return Ok(128 + other as u8),
            }
            fit_to_terminal(&mut session, state)?;
            dirty = true;
        }
        if let Some(action) = live.poll(state) {
            effects.extend(update(state, action));
            live.sync(state);
            dirty = true;
        }
        // Keys waiting are taken before drawing again: while batches keep coming
        // (a big folder loading from the cache), a frame per batch would leave
        // them waiting until the load is over.
        // The last batch in: the whole library shows at once.
        let hold = hold && host.loading();
        if dirty && !hold && !event::poll(Duration::ZERO)? {
            continue;
        }
        let mut tick = if live.busy(state) {
            SEARCH_TICK
        } else if host.loading() {
            LOADING_TICK
        } else {
            TICK
        };
        if hold {
            // Until the frame held back is due.
            tick = tick.min(LOADING_FRAME.saturating_sub(drawn.elapsed()));
        }
        if !event::poll(tick)? {
            // Idle: a good time to go on indexing for the search, once the reader
            // has opened it (the index costs memory a reader who never searches
            // should not pay).
            if state.search.open || live.started() {
                live.warm(state);
            }
            continue;
        }
        // Take every waiting event before drawing again, so held keys and the
        // wheel never queue up behind frames.
        loop {
            let ev = event::read()?;
            for action in state_event_actions(state, &ev) {
                if let Action::Suspend = action {
                    session.suspend()?;
                    fit_to_terminal(&mut session, state)?;
                } else {
                    effects.extend(update(state, action));
                }
                if !effects.is_empty() {
                    while !effects.is_empty() {
                        for effect in std::mem::take(&mut effects) {
                            if let Some(action) = host.perform(effect, &mut session, state) {
                                effects.extend(update(state, action));
                            }
                        }
                        // A SIGTERM while the editor ran: it has exited, so do we.
                        if let Some(sig) = ending() {
                            return Ok(128 + sig as u8);
                        }
                    }
                    // An editor may have left the terminal another size.
                    fit_to_terminal(&mut session, state)?;
                }
            }
            dirty = true;
            keyed = true;
            if state.quit {
                return Ok(0);
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
        live.sync(state);
    }
}
