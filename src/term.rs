//! The terminal: raw mode, alternate screen and mouse capture on the way in;
//! restored on the way out whatever happens (quit, error, panic, SIGTERM,
//! SIGHUP, SIGINT). Also the event loop and Ctrl-z (suspend, resume).
