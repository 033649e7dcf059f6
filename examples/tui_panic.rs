//! Used by tests/tui_tmux.rs: takes the terminal as the explorer does, then
//! panics, to prove the panic hook gives the terminal back before the message.

fn main() {
    let _session = storyx::term::Session::start().expect("a terminal");
    std::thread::sleep(std::time::Duration::from_millis(300));
    panic!("deliberate panic inside the explorer's terminal session");
}
